import { afterEach, describe, expect, it } from 'vitest'
import {
  DaemonError,
  nextCronAt,
  nextCronTime,
  parseCron,
  type CronSchedule,
  type ZoneOffset,
} from '../../../src/index.js'

const utc: ZoneOffset = () => 0

/** The next firing after `from` (ISO) in UTC, as ISO. */
function nextUtc(expression: string, from: string, offsetOf: ZoneOffset = utc): string {
  const at = nextCronAt(parseCron(expression), Date.parse(from), offsetOf)
  return at === null ? 'never' : new Date(at).toISOString()
}

const iso = (text: string): string => new Date(text).toISOString()

describe('nextCronAt: fields, steps and carries (UTC)', () => {
  it.each([
    ['* * * * *', '2026-11-22T10:15:30Z', '2026-11-22T10:16:00Z'],
    ['*/5 * * * *', '2026-11-22T10:15:30Z', '2026-11-22T10:20:00Z'],
    ['*/5 * * * *', '2026-11-22T10:20:00Z', '2026-11-22T10:25:00Z'],
    ['1-10/2 * * * *', '2026-11-22T10:03:00Z', '2026-11-22T10:05:00Z'],
    ['1-10/2 * * * *', '2026-11-22T10:09:00Z', '2026-11-22T11:01:00Z'],
    ['50/5 * * * *', '2026-11-22T10:56:00Z', '2026-11-22T11:50:00Z'],
    ['0 9,17 * * *', '2026-11-22T09:00:00Z', '2026-11-22T17:00:00Z'],
    ['0 9,17 * * *', '2026-11-22T17:00:00Z', '2026-11-23T09:00:00Z'],
    ['0 0 1 JAN,jul *', '2026-02-01T00:00:00Z', '2026-07-01T00:00:00Z'],
    ['0 0 1 1 *', '2026-12-31T23:59:59Z', '2027-01-01T00:00:00Z'],
    ['59 23 31 12 *', '2026-12-31T23:59:00Z', '2027-12-31T23:59:00Z'],
    ['0 0 * * 7', '2026-11-22T00:00:00Z', '2026-11-29T00:00:00Z'],
    ['0 9 * * MON-FRI', '2026-11-21T12:00:00Z', '2026-11-23T09:00:00Z'],
    ['*/10 * * * * *', '2026-11-22T10:15:31Z', '2026-11-22T10:15:40Z'],
    ['30 * * * * *', '2026-11-22T10:00:30.500Z', '2026-11-22T10:01:30Z'],
    ['0 30 9 * * *', '2026-11-22T09:30:00Z', '2026-11-23T09:30:00Z'],
    ['59 59 23 * * *', '2026-11-30T23:59:58Z', '2026-11-30T23:59:59Z'],
    ['@hourly', '2026-11-22T10:00:00.001Z', '2026-11-22T11:00:00Z'],
    ['@daily', '2026-11-22T10:00:00Z', '2026-11-23T00:00:00Z'],
    ['@weekly', '2026-11-22T00:00:00Z', '2026-11-29T00:00:00Z'],
    ['@monthly', '2026-11-22T00:00:00Z', '2026-12-01T00:00:00Z'],
    ['@yearly', '2026-06-01T00:00:00Z', '2027-01-01T00:00:00Z'],
  ])('%j after %s is %s', (expression, from, expected) => {
    expect(nextUtc(expression, from)).toBe(iso(expected))
  })
})

describe('nextCronAt: month ends and leap years', () => {
  it.each([
    ['0 0 31 * *', '2026-01-31T12:00:00Z', '2026-03-31T00:00:00Z'],
    ['0 0 31 * *', '2026-04-01T00:00:00Z', '2026-05-31T00:00:00Z'],
    ['0 0 30 * *', '2026-01-30T00:00:00Z', '2026-03-30T00:00:00Z'],
    ['0 0 29 2 *', '2026-03-01T00:00:00Z', '2028-02-29T00:00:00Z'],
    ['0 0 29 2 *', '2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z'],
    ['0 0 29 2 *', '2096-03-01T00:00:00Z', '2104-02-29T00:00:00Z'],
    ['0 0 L * *', '2026-02-01T00:00:00Z', '2026-02-28T00:00:00Z'],
    ['0 0 L * *', '2028-02-01T00:00:00Z', '2028-02-29T00:00:00Z'],
    ['0 0 L 2 *', '2100-01-01T00:00:00Z', '2100-02-28T00:00:00Z'],
    ['0 0 L-2 * *', '2026-04-01T00:00:00Z', '2026-04-28T00:00:00Z'],
    ['0 0 L-1,L * *', '2026-04-29T00:00:00Z', '2026-04-30T00:00:00Z'],
  ])('%j after %s is %s', (expression, from, expected) => {
    expect(nextUtc(expression, from)).toBe(iso(expected))
  })
})

describe('nextCronAt: W, L and # days', () => {
  it.each([
    // 2026-11-15 is a Sunday → Monday the 16th.
    ['0 0 15W * *', '2026-11-01T00:00:00Z', '2026-11-16T00:00:00Z'],
    // 2026-08-01 is a Saturday → Monday the 3rd (not Friday in July).
    ['0 0 1W * *', '2026-07-02T00:00:00Z', '2026-08-03T00:00:00Z'],
    // 2026-11-01 is a Sunday → Monday the 2nd.
    ['0 0 1W * *', '2026-10-02T00:00:00Z', '2026-11-02T00:00:00Z'],
    // 2026-05-31 is a Sunday → Friday the 29th.
    ['0 0 31W * *', '2026-05-01T00:00:00Z', '2026-05-29T00:00:00Z'],
    // 2026-01-31 is a Saturday → Friday the 30th; a month without day 31 does not match.
    ['0 0 31W * *', '2026-01-01T00:00:00Z', '2026-01-30T00:00:00Z'],
    ['0 0 31W * *', '2026-01-31T00:00:00Z', '2026-03-31T00:00:00Z'],
    // 2026-02-28 is a Saturday → Friday the 27th.
    ['0 0 28W * *', '2026-02-01T00:00:00Z', '2026-02-27T00:00:00Z'],
    ['0 0 LW * *', '2026-10-01T00:00:00Z', '2026-10-30T00:00:00Z'],
    ['0 0 LW * *', '2027-01-01T00:00:00Z', '2027-01-29T00:00:00Z'],
    ['0 0 LW * *', '2026-11-01T00:00:00Z', '2026-11-30T00:00:00Z'],
    ['0 12 * * 5#3', '2026-11-01T00:00:00Z', '2026-11-20T12:00:00Z'],
    ['0 12 * * FRI#3', '2026-11-20T12:00:00Z', '2026-12-18T12:00:00Z'],
    ['0 12 * * 5L', '2026-11-01T00:00:00Z', '2026-11-27T12:00:00Z'],
    ['0 12 * * 7#5', '2026-11-01T00:00:00Z', '2026-11-29T12:00:00Z'],
    // November 2026 has four Tuesdays: the fifth is in December.
    ['0 12 * * 2#5', '2026-11-01T00:00:00Z', '2026-12-29T12:00:00Z'],
  ])('%j after %s is %s', (expression, from, expected) => {
    expect(nextUtc(expression, from)).toBe(iso(expected))
  })
})

describe('nextCronAt: day of month OR day of week', () => {
  it.each([
    ['0 0 1 * MON', '2026-11-24T00:00:00Z', '2026-11-30T00:00:00Z'],
    ['0 0 1 * MON', '2026-11-30T12:00:00Z', '2026-12-01T00:00:00Z'],
    ['0 0 13 * FRI', '2026-11-22T00:00:00Z', '2026-11-27T00:00:00Z'],
    // A step is a restriction: only a field that is exactly * or ? leaves the other in charge.
    ['0 0 */10 * MON', '2026-11-24T00:00:00Z', '2026-11-30T00:00:00Z'],
    ['0 0 * * MON', '2026-11-24T00:00:00Z', '2026-11-30T00:00:00Z'],
    ['0 0 ? * MON', '2026-11-24T00:00:00Z', '2026-11-30T00:00:00Z'],
    ['0 0 25 * ?', '2026-11-24T00:00:00Z', '2026-11-25T00:00:00Z'],
  ])('%j after %s is %s', (expression, from, expected) => {
    expect(nextUtc(expression, from)).toBe(iso(expected))
  })
})

/** A zone with one transition: `before` minutes east of UTC until `at`, `after` from then on. */
const oneTransition =
  (at: string, before: number, after: number): ZoneOffset =>
  (ms) =>
    ms < Date.parse(at) ? before : after

describe('nextCronAt: DST', () => {
  // New York 2026: 02:00 EST → 03:00 EDT on 2026-03-08 (07:00Z); 02:00 EDT → 01:00 EST on 2026-11-01 (06:00Z).
  const spring = oneTransition('2026-03-08T07:00:00Z', -300, -240)
  const fall = oneTransition('2026-11-01T06:00:00Z', -240, -300)

  it.each([
    [
      'a fixed hour in the gap fires once at its end',
      '30 2 * * *',
      '2026-03-08T05:00:00Z',
      '2026-03-08T07:00:00Z',
    ],
    [
      'a fixed-hour list in the gap fires once',
      '0,30 2 * * *',
      '2026-03-08T07:00:00Z',
      '2026-03-09T06:00:00Z',
    ],
    [
      'a repeating hour skips the missing times',
      '30 * * * *',
      '2026-03-08T06:45:00Z',
      '2026-03-08T07:30:00Z',
    ],
    ['steps skip the missing times', '*/15 * * * *', '2026-03-08T06:50:00Z', '2026-03-08T07:00:00Z'],
    ['times after the gap are unaffected', '0 3 * * *', '2026-03-08T05:00:00Z', '2026-03-08T07:00:00Z'],
    [
      'an ambiguous time fires at its first occurrence',
      '30 1 * * *',
      '2026-11-01T04:00:00Z',
      '2026-11-01T05:30:00Z',
    ],
    ['an ambiguous time fires only once', '30 1 * * *', '2026-11-01T05:30:00Z', '2026-11-02T06:30:00Z'],
    ['the second pass does not fire', '20 1 * * *', '2026-11-01T06:10:00Z', '2026-11-02T06:20:00Z'],
    [
      'a repeating schedule skips the repeated hour',
      '*/30 * * * *',
      '2026-11-01T05:45:00Z',
      '2026-11-01T07:00:00Z',
    ],
    [
      'a day with a repeated hour lasts 25 hours',
      '0 0 * * *',
      '2026-11-01T05:00:00Z',
      '2026-11-02T05:00:00Z',
    ],
  ])('%s', (_, expression, from, expected) => {
    const zone = Date.parse(from) < Date.parse('2026-06-01T00:00:00Z') ? spring : fall
    expect(nextUtc(expression, from, zone)).toBe(iso(expected))
  })

  it('handles zones east of UTC (Berlin, 02:00 CET → 03:00 CEST)', () => {
    const berlin = oneTransition('2026-03-29T01:00:00Z', 60, 120)
    expect(nextUtc('30 2 * * *', '2026-03-29T00:00:00Z', berlin)).toBe(iso('2026-03-29T01:00:00Z'))
    expect(nextUtc('30 2 * * *', '2026-03-29T01:00:00Z', berlin)).toBe(iso('2026-03-30T00:30:00Z'))
    expect(nextUtc('0 * * * *', '2026-03-29T00:30:00Z', berlin)).toBe(iso('2026-03-29T01:00:00Z'))
  })

  it('fires a midnight schedule at the end of a gap that starts at midnight', () => {
    // Santiago-like: 00:00 → 01:00 local at 2026-09-06T04:00Z.
    const zone = oneTransition('2026-09-06T04:00:00Z', -240, -180)
    expect(nextUtc('@daily', '2026-09-05T12:00:00Z', zone)).toBe(iso('2026-09-06T04:00:00Z'))
  })
})

describe('nextCronAt: searching', () => {
  const impossible: CronSchedule = { ...parseCron('0 0 30 * *'), months: [2] }

  it('returns null when nothing matches within the search window', () => {
    expect(nextCronAt(impossible, Date.UTC(2026, 0, 1), utc)).toBeNull()
  })

  it('uses the local zone by default', () => {
    const at = nextCronAt(parseCron('0 0 * * *'), Date.now()) as number
    expect(new Date(at).getHours()).toBe(0)
    expect(at).toBeGreaterThan(Date.now())
  })
})

describe('nextCronTime', () => {
  const originalTz = process.env['TZ']
  afterEach(() => {
    if (originalTz === undefined) delete process.env['TZ']
    else process.env['TZ'] = originalTz
  })

  it('returns a Date in an IANA zone', () => {
    const at = nextCronTime('0 9 * * MON-FRI', new Date('2026-11-21T12:00:00Z'), 'UTC')
    expect(at.toISOString()).toBe('2026-11-23T09:00:00.000Z')
  })

  it('accepts a parsed schedule', () => {
    const at = nextCronTime(parseCron('@hourly'), new Date('2026-11-21T12:29:00Z'), 'Asia/Kolkata')
    expect(at.toISOString()).toBe('2026-11-21T12:30:00.000Z')
  })

  it.each([
    ['30 2 * * *', '2026-03-08T05:00:00Z', '2026-03-08T07:00:00.000Z'],
    ['30 1 * * *', '2026-11-01T05:30:00Z', '2026-11-02T06:30:00.000Z'],
    ['*/30 * * * *', '2026-11-01T05:45:00Z', '2026-11-01T07:00:00.000Z'],
  ])('follows America/New_York DST through Intl: %j after %s', (expression, from, expected) => {
    expect(nextCronTime(expression, new Date(from), 'America/New_York').toISOString()).toBe(expected)
  })

  it('follows the machine zone (TZ) when no zone is given', () => {
    process.env['TZ'] = 'America/New_York'
    expect(nextCronTime('30 2 * * *', new Date('2026-03-08T05:00:00Z')).toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    )
    process.env['TZ'] = 'Europe/Berlin'
    expect(nextCronTime('30 2 * * *', new Date('2026-03-29T00:00:00Z')).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    )
  })

  it.each([
    [
      () => nextCronTime('0 0 * * *', new Date(0), 'Mars/Olympus'),
      'OD_CRON_TIMEZONE_INVALID',
      'Mars/Olympus',
    ],
    [() => nextCronTime('0 0 * * *', new Date(Number.NaN)), 'OD_INVALID_PARAMS', 'Invalid Date'],
    [() => nextCronTime('0 0 30 2 *', new Date(0)), 'OD_CRON_NEVER', 'February has no day 30'],
    [
      () => nextCronTime({ ...parseCron('0 0 30 * *'), months: [2] }, new Date(0), 'UTC'),
      'OD_CRON_NEVER',
      'no time matches within 28 years',
    ],
  ])('throws clear errors (%#)', (run, code, text) => {
    let caught: unknown
    try {
      run()
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(DaemonError)
    expect((caught as DaemonError).code).toBe(code)
    expect((caught as DaemonError).message).toContain(text)
  })
})
