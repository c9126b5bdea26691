import { describe, expect, it } from 'vitest'
import { formatDuration, parseDuration } from '../../src/index.js'

describe('parseDuration', () => {
  it.each([
    ['500', 500],
    ['500ms', 500],
    ['5s', 5_000],
    ['1.5s', 1_500],
    ['1m30s', 90_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1d2h3m4s5ms', 93_784_005],
    [' 10s ', 10_000],
    ['0', 0],
    ['0.4', 0],
  ])('parses %j as %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms)
  })

  it('accepts non-negative numbers as milliseconds, rounded', () => {
    expect(parseDuration(250)).toBe(250)
    expect(parseDuration(1.5)).toBe(2)
  })

  it.each([
    '',
    '  ',
    'abc',
    '5x',
    '-1',
    '1m 30s',
    '30s1m',
    '1s1s',
    '5S',
    's',
    '1.5.5s',
    '1e3',
    '9'.repeat(30),
  ])('rejects %j with OD_INVALID_DURATION', (input) => {
    expect(() => parseDuration(input)).toThrowError(expect.objectContaining({ code: 'OD_INVALID_DURATION' }))
  })

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects the number %d', (input) => {
    expect(() => parseDuration(input)).toThrowError(expect.objectContaining({ code: 'OD_INVALID_DURATION' }))
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [250, '250ms'],
    [999, '999ms'],
    [1_000, '1s'],
    [1_500, '1.5s'],
    [59_999, '59.9s'],
    [60_000, '1m'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [3_900_000, '1h5m'],
    [93_784_005, '1d2h'],
    [86_400_000 + 300_000, '1d'],
    [-10, '0ms'],
  ])('formats %d ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it('produces text parseDuration reads back', () => {
    expect(parseDuration(formatDuration(90_000))).toBe(90_000)
  })
})
