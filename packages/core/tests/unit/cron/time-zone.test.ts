import { describe, expect, it } from 'vitest'
import { localZoneOffset, zoneOffset } from '../../../src/index.js'

describe('zoneOffset', () => {
  it.each([
    ['Europe/Berlin', '2026-01-01T00:00:00Z', 60],
    ['Europe/Berlin', '2026-07-01T00:00:00Z', 120],
    ['America/New_York', '2026-03-08T06:59:59Z', -300],
    ['America/New_York', '2026-03-08T07:00:00Z', -240],
    ['Asia/Kolkata', '2026-07-01T12:34:56.789Z', 330],
    ['UTC', '2026-07-01T00:00:00Z', 0],
  ])('%s at %s is %d minutes', (zone, at, minutes) => {
    expect(zoneOffset(zone)(Date.parse(at))).toBe(minutes)
  })

  it.each(['Mars/Olympus', ''])('refuses the unknown zone %j', (zone) => {
    expect(() => zoneOffset(zone)).toThrow(expect.objectContaining({ code: 'OD_CRON_TIMEZONE_INVALID' }))
  })

  it('reads the local zone from the Date implementation', () => {
    const at = Date.UTC(2026, 0, 1)
    expect(localZoneOffset(at)).toBe(-new Date(at).getTimezoneOffset())
  })
})
