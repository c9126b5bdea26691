import { describe, expect, it } from 'vitest'
import { coerceValue, parseBooleanWord } from '../../../src/parser/coerce-value.js'

describe('parseBooleanWord', () => {
  it('reads true and false words in any case', () => {
    expect(['true', 'YES', '1', 'on'].map(parseBooleanWord)).toEqual([true, true, true, true])
    expect(['false', 'No', '0', 'off'].map(parseBooleanWord)).toEqual([false, false, false, false])
  })

  it('returns undefined for anything else', () => {
    expect(parseBooleanWord('maybe')).toBeUndefined()
  })
})

describe('coerceValue', () => {
  it('passes strings through', () => {
    expect(coerceValue({ type: 'string', description: '' }, ' a b ', '--x')).toEqual({
      ok: true,
      value: ' a b ',
    })
  })

  it('parses numbers, including negatives and decimals', () => {
    const spec = { type: 'number', description: '' } as const
    expect(coerceValue(spec, '-1.5', '--n')).toEqual({ ok: true, value: -1.5 })
    expect(coerceValue(spec, '0x10', '--n')).toEqual({ ok: true, value: 16 })
  })

  it('rejects text, empty values and infinity as numbers', () => {
    const spec = { type: 'number', description: '' } as const
    expect(coerceValue(spec, 'abc', '--port')).toEqual({
      ok: false,
      problem: '--port expects a number, got "abc".',
    })
    expect(coerceValue(spec, ' ', '--port').ok).toBe(false)
    expect(coerceValue(spec, 'Infinity', '--port').ok).toBe(false)
  })

  it('enforces integer, min and max', () => {
    const spec = { type: 'number', description: '', integer: true, min: 1, max: 65535 } as const
    expect(coerceValue(spec, '1.5', '--port')).toEqual({
      ok: false,
      problem: '--port expects a whole number, got "1.5".',
    })
    expect(coerceValue(spec, '0', '--port')).toEqual({
      ok: false,
      problem: '--port must be at least 1, got 0.',
    })
    expect(coerceValue(spec, '70000', '--port')).toEqual({
      ok: false,
      problem: '--port must be at most 65535, got 70000.',
    })
    expect(coerceValue(spec, '8080', '--port')).toEqual({ ok: true, value: 8080 })
  })

  it('accepts enum values and suggests the closest for a typo', () => {
    const spec = { type: 'enum', description: '', values: ['debug', 'info', 'warn'] } as const
    expect(coerceValue(spec, 'info', '--level')).toEqual({ ok: true, value: 'info' })
    expect(coerceValue(spec, 'inf', '--level')).toEqual({
      ok: false,
      problem: '--level expects one of debug, info, warn; got "inf". Did you mean "info"?',
    })
    expect(coerceValue(spec, 'zzzzzz', '--level')).toEqual({
      ok: false,
      problem: '--level expects one of debug, info, warn; got "zzzzzz".',
    })
  })
})
