import { describe, expect, it } from 'vitest'
import {
  asBoolean,
  asDurationMs,
  asInteger,
  asNumber,
  asString,
  asStringList,
  describe as describeValue,
  findField,
  optionError,
} from '../../src/spec-fields.js'

const f = (value: unknown, key = 'opt') => ({ key, value })

describe('findField', () => {
  it('finds the camelCase, snake_case and kebab-case spellings', () => {
    expect(findField({ maxRestarts: 1 }, 'maxRestarts')).toEqual({ key: 'maxRestarts', value: 1 })
    expect(findField({ max_restarts: 2 }, 'maxRestarts')).toEqual({ key: 'max_restarts', value: 2 })
    expect(findField({ 'max-restarts': 3 }, 'maxRestarts')).toEqual({ key: 'max-restarts', value: 3 })
  })

  it('finds an alias', () => {
    expect(findField({ user: 'www' }, 'uid', ['user'])).toEqual({ key: 'user', value: 'www' })
  })

  it('treats null and undefined as absent', () => {
    expect(findField({ name: null, other: undefined }, 'name')).toBeUndefined()
  })

  it('refuses two spellings of one option', () => {
    expect(() => findField({ maxRestarts: 1, max_restarts: 2 }, 'maxRestarts')).toThrow(
      expect.objectContaining({
        code: 'OD_APP_OPTION_INVALID',
        message: expect.stringContaining('maxRestarts, max_restarts'),
      }),
    )
  })
})

describe('value readers', () => {
  it('asString rejects empty, non-string and NUL values', () => {
    expect(asString(f('x'))).toBe('x')
    expect(() => asString(f('  '))).toThrow(/opt: expected a non-empty string, got "  "/)
    expect(() => asString(f(3))).toThrow(/got 3/)
    expect(() => asString(f('a\0b'))).toThrow(/NUL/)
  })

  it('asBoolean accepts booleans and their strings', () => {
    expect([true, 'true', false, 'false'].map((v) => asBoolean(f(v)))).toEqual([true, true, false, false])
    expect(() => asBoolean(f('yes'))).toThrow(/expected true or false, got "yes"/)
  })

  it('asInteger checks the range and accepts numeric strings', () => {
    expect(asInteger(f('-3'), -5, 5)).toBe(-3)
    expect(() => asInteger(f(1.5), 0, 5)).toThrow(/expected an integer from 0 to 5, got 1.5/)
    expect(() => asInteger(f(6), 0, 5)).toThrow(/between 0 and 5/)
    expect(() => asInteger(f('1e3'), 0, 5000)).toThrow(/got "1e3"/)
  })

  it('asNumber checks the range and accepts numeric strings', () => {
    expect(asNumber(f('0.5'), 0, 1)).toBe(0.5)
    expect(() => asNumber(f(''), 0, 1)).toThrow(/expected a number from 0 to 1, got ""/)
    expect(() => asNumber(f(Infinity), 0, 1)).toThrow(/got Infinity/)
    expect(() => asNumber(f(2), 0, 1)).toThrow(/between 0 and 1/)
  })

  it('asDurationMs accepts ms and unit strings', () => {
    expect(asDurationMs(f(250))).toBe(250)
    expect(asDurationMs(f('1m30s'))).toBe(90_000)
  })

  it('asDurationMs rejects negative and malformed values, keeping the cause', () => {
    const err = (() => {
      try {
        asDurationMs(f(-1, 'killTimeout'))
      } catch (e) {
        return e as Error
      }
      return undefined
    })()
    expect(err?.message).toMatch(/^killTimeout: expected a duration of 0 or more, got -1\. Use milliseconds/)
    expect(err?.cause).toMatchObject({ code: 'OD_INVALID_DURATION' })
    expect(() => asDurationMs(f(true))).toThrow(/expected a duration, got true/)
  })

  it('asStringList takes arrays or comma-separated strings', () => {
    expect(asStringList(f(' a, b ,,c'))).toEqual(['a', 'b', 'c'])
    expect(asStringList(f(['x', ' y ']))).toEqual(['x', 'y'])
    expect(() => asStringList(f([1]))).toThrow(/expected a list of strings, got an array/)
    expect(() => asStringList(f({}))).toThrow(/got an object/)
  })
})

describe('describe', () => {
  it('names values for messages', () => {
    expect([
      describeValue('a'),
      describeValue(1),
      describeValue(null),
      describeValue(undefined),
      describeValue([]),
    ]).toEqual(['"a"', '1', 'null', 'undefined', 'an array'])
  })
})

describe('optionError', () => {
  it('builds OD_APP_OPTION_INVALID with field, problem and fix', () => {
    const err = optionError('nice', 'too high', 'Use 19 or less.')
    expect(err.code).toBe('OD_APP_OPTION_INVALID')
    expect(err.message).toBe('nice: too high. Use 19 or less.')
    expect(err.exitCode).toBe(2)
  })
})
