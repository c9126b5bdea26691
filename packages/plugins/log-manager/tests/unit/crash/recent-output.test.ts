import { describe, expect, it } from 'vitest'
import { createRecentOutput } from '../../../src/crash/recent-output.js'

const iso = (ms: number) => new Date(ms).toISOString()

describe('createRecentOutput', () => {
  it('frames both streams in arrival order, partial tails included', () => {
    const r = createRecentOutput(1024)
    r.push('stdout', 1, Buffer.from('a\nb'))
    r.push('stderr', 2, Buffer.from('E1\r\n'))
    r.push('stdout', 3, Buffer.from('c\n'))
    r.push('stderr', 4, Buffer.from('tail'))
    expect(r.lines(10)).toEqual([
      { timestamp: iso(1), source: 'stdout', message: 'a' },
      { timestamp: iso(2), source: 'stderr', message: 'E1' },
      { timestamp: iso(3), source: 'stdout', message: 'bc' },
      { timestamp: iso(4), source: 'stderr', message: 'tail' },
    ])
    expect(r.lines(1)).toHaveLength(1)
    expect(r.lines(0)).toEqual([])
  })

  it('keeps a bounded number of bytes and drops the line cut by the bound', () => {
    const r = createRecentOutput(10)
    r.push('stdout', 1, Buffer.from('first line\nsec'))
    r.push('stdout', 2, Buffer.from('ond\n'))
    r.push('stdout', 3, Buffer.from('third\n'))
    expect(r.lines(10).map((l) => l.message)).toEqual(['third'])
  })

  it('always keeps the last chunk', () => {
    const r = createRecentOutput(4)
    r.push('stderr', 1, Buffer.from('0123456789\n'))
    expect(r.lines(10).map((l) => l.message)).toEqual(['0123456789'])
  })
})
