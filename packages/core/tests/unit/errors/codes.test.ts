import { describe, expect, it } from 'vitest'
import { errorCodes, type ErrorCode } from '../../../src/index.js'

const codes = Object.keys(errorCodes) as ErrorCode[]

describe('errorCodes', () => {
  it('names every code OD_<AREA>_<PROBLEM>', () => {
    for (const code of codes) expect(code).toMatch(/^OD_[A-Z]+(_[A-Z]+)*$/)
  })

  it('gives each code a unique rpc number: JSON-RPC codes or 1000-9999', () => {
    const numbers = codes.map((code) => errorCodes[code].rpc)
    expect(new Set(numbers).size).toBe(numbers.length)
    for (const rpc of numbers) expect(rpc >= 1000 ? rpc <= 9999 : rpc <= -32600 && rpc >= -32700).toBe(true)
  })

  it('maps every code to a documented CLI exit code', () => {
    for (const code of codes) expect([1, 2, 3]).toContain(errorCodes[code].exit)
  })

  it.each(codes)('%s builds a message from its arguments', (code) => {
    const build = errorCodes[code].message as (...args: unknown[]) => string
    const args = Array.from({ length: build.length }, (_, i) => (i % 2 === 0 ? `arg${i}` : 7))
    const message = build(...args)
    expect(message.length).toBeGreaterThan(10)
    expect(message).not.toContain('undefined')
  })

  it('places the kernel codes added for the micro-kernel in the 2xxx range', () => {
    for (const code of [
      'OD_INVALID_TRANSITION',
      'OD_METRIC_DUPLICATE',
      'OD_METRIC_INVALID',
      'OD_PLUGIN_INVALID',
    ] as const) {
      expect(errorCodes[code].rpc).toBeGreaterThanOrEqual(2000)
      expect(errorCodes[code].rpc).toBeLessThan(3000)
    }
  })
})
