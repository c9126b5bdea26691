import { describe, expect, it } from 'vitest'
import { formatBytes, parseBytes } from '../../src/index.js'

describe('parseBytes', () => {
  it.each([
    ['1024', 1024],
    ['0', 0],
    ['100k', 102_400],
    ['100K', 102_400],
    ['512M', 536_870_912],
    ['512mb', 536_870_912],
    ['1.5G', 1_610_612_736],
    ['1.5GiB', 1_610_612_736],
    ['2t', 2 * 1024 ** 4],
    ['10B', 10],
    ['10 KB', 10_240],
    ['  64k  ', 65_536],
    ['.5k', 512],
    ['0.3k', 307],
  ])('parses %j as %d bytes', (input, bytes) => {
    expect(parseBytes(input)).toBe(bytes)
  })

  it('accepts non-negative numbers, rounded', () => {
    expect(parseBytes(2048)).toBe(2048)
    expect(parseBytes(1.6)).toBe(2)
  })

  it.each(['', '   ', 'abc', '-1', '1x', '10iB', '1e3', '5 M B', 'k', '1.2.3', '99999999999T'])(
    'rejects %j with OD_INVALID_BYTES',
    (input) => {
      expect(() => parseBytes(input)).toThrowError(expect.objectContaining({ code: 'OD_INVALID_BYTES' }))
    },
  )

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects the number %d', (input) => {
    expect(() => parseBytes(input)).toThrowError(expect.objectContaining({ code: 'OD_INVALID_BYTES' }))
  })

  it('names the input in the message', () => {
    expect(() => parseBytes('lots')).toThrowError(/"lots" is not a size/)
  })
})

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [536_870_912, '512 MB'],
    [1_610_612_736, '1.5 GB'],
    [150 * 1024 ** 2, '150 MB'],
    [3 * 1024 ** 5, '3072 TB'],
    [-5, '0 B'],
  ])('formats %d as %j', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })

  it('produces text parseBytes reads back', () => {
    expect(parseBytes(formatBytes(1_610_612_736))).toBe(1_610_612_736)
  })
})
