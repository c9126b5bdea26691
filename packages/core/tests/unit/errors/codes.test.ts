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

  // The parsers' syntax errors arrive as complete sentences (`file:line:col: problem. Fix.`): their rows
  // only pass the text through, so they are checked for keeping every part instead of for their length.
  const passThrough = new Set<ErrorCode>(['OD_YAML_SYNTAX', 'OD_YAML_UNSUPPORTED', 'OD_JSON_SYNTAX'])

  it.each(codes.filter((code) => !passThrough.has(code)))(
    '%s builds a message from its arguments',
    (code) => {
      const build = errorCodes[code].message as (...args: unknown[]) => string
      const args = Array.from({ length: build.length }, (_, i) => (i % 2 === 0 ? `arg${i}` : 7))
      const message = build(...args)
      expect(message.length).toBeGreaterThan(10)
      expect(message).not.toContain('undefined')
    },
  )

  it.each([...passThrough])('%s passes the parser text through unchanged', (code) => {
    const build = errorCodes[code].message as (...args: unknown[]) => string
    const args = ['ecosystem.yml:3:7', 'duplicate key "a". Remove one.'].slice(0, build.length)
    const message = build(...args)
    for (const part of args) expect(message).toContain(part)
  })

  it('OD_CONFIG_INVALID ends a one-line detail with a period, and a list of issues with its last issue', () => {
    const build = errorCodes.OD_CONFIG_INVALID.message
    expect(build('ipc.idleTimeoutMs: expected a positive number')).toBe(
      'Invalid configuration: ipc.idleTimeoutMs: expected a positive number.',
    )
    expect(build('a.yaml is invalid (1 error):\n  apps[0].cwd: missing (a.yaml:3:8)')).toBe(
      'Invalid configuration: a.yaml is invalid (1 error):\n  apps[0].cwd: missing (a.yaml:3:8)',
    )
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
