import { describe, expect, it } from 'vitest'
import { nextRotationAt } from '../../../src/rotate/rotation-schedule.js'

describe('nextRotationAt', () => {
  const now = Date.UTC(2026, 10, 22, 3, 4, 5)

  it('is the next full hour', () => {
    expect(nextRotationAt(now, 'hourly', () => 0)).toBe(Date.UTC(2026, 10, 22, 4))
  })

  it('is the next local midnight', () => {
    expect(nextRotationAt(now, 'daily', () => 0)).toBe(Date.UTC(2026, 10, 23))
    expect(nextRotationAt(now, 'daily', () => 60)).toBe(Date.UTC(2026, 10, 22, 23))
  })

  it('is strictly later when now is on a boundary', () => {
    expect(nextRotationAt(Date.UTC(2026, 0, 1, 5), 'hourly', () => 0)).toBe(Date.UTC(2026, 0, 1, 6))
  })

  it.each([
    ['*/15 * * * *', Date.UTC(2026, 10, 22, 3, 15)],
    ['0 */6 * * *', Date.UTC(2026, 10, 22, 6)],
    ['30 2 * * *', Date.UTC(2026, 10, 23, 2, 30)],
    ['@weekly', Date.UTC(2026, 10, 29)],
    ['0 0 1 * *', Date.UTC(2026, 11, 1)],
  ])('follows the cron expression %j', (expression, expected) => {
    expect(nextRotationAt(now, expression, () => 0)).toBe(expected)
  })

  it('reads cron fields in local time', () => {
    expect(nextRotationAt(now, '0 6 * * *', () => 120)).toBe(Date.UTC(2026, 10, 22, 4))
  })

  it('rotates a local midnight swallowed by a DST gap at the end of the gap', () => {
    // 00:00 → 01:00 local at 2026-09-06T04:00Z (Santiago-like).
    const offsetOf = (ms: number) => (ms < Date.UTC(2026, 8, 6, 4) ? -240 : -180)
    expect(nextRotationAt(Date.UTC(2026, 8, 5, 12), 'daily', offsetOf)).toBe(Date.UTC(2026, 8, 6, 4))
  })

  it('is never past the last date a Date can hold', () => {
    expect(nextRotationAt(8.64e15, 'hourly', () => 0)).toBe(Number.POSITIVE_INFINITY)
  })

  it('uses the machine offset by default', () => {
    expect(nextRotationAt(now, 'hourly')).toBeGreaterThan(now)
  })
})
