import { describe, expect, it } from 'vitest'
import { formatBytes, formatDuration } from '../../../src/ui/format.js'

describe('formatDuration', () => {
  it('shows milliseconds below a second', () => {
    expect(formatDuration(0)).toBe('0ms')
    expect(formatDuration(450.7)).toBe('450ms')
  })

  it('shows the two largest units', () => {
    expect(formatDuration(12_000)).toBe('12s')
    expect(formatDuration(310_000)).toBe('5m 10s')
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 59_000)).toBe('2d 3h')
  })

  it('drops a zero second unit', () => {
    expect(formatDuration(3_600_000 + 5_000)).toBe('1h')
  })

  it('shows a dash for negative or non-finite input', () => {
    expect(formatDuration(-1)).toBe('-')
    expect(formatDuration(Number.NaN)).toBe('-')
  })
})

describe('formatBytes', () => {
  it('uses binary units with one decimal above bytes', () => {
    expect(formatBytes(512)).toBe('512B')
    expect(formatBytes(1536)).toBe('1.5KiB')
    expect(formatBytes(47_395_635)).toBe('45.2MiB')
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0GiB')
    expect(formatBytes(2 * 1024 ** 5)).toBe('2048.0TiB')
  })

  it('shows a dash for negative or non-finite input', () => {
    expect(formatBytes(-5)).toBe('-')
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('-')
  })
})
