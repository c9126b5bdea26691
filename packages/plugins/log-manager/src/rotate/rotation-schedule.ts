/**
 * When the next time-based rotation is due (SPECIFICATION.md §9.8): the next local midnight
 * (`daily`), the next full hour (`hourly`), or the next firing of a cron expression (§17.1), in
 * local time. Pure.
 */
import { nextCronAt, parseCron } from '@opendaemon/core'
import { localOffset, type OffsetOf } from '../format/timestamp-format.js'

const NAMED: Readonly<Record<string, string>> = { daily: '@daily', hourly: '@hourly' }

/**
 * The epoch ms of the next rotation strictly after `now`; `Infinity` when the schedule has no
 * next time (only past the last date a `Date` can hold). `interval` is `'daily'`, `'hourly'` or
 * a cron expression already checked by `parseLogOptions`.
 *
 * @example
 * ```ts
 * nextRotationAt(Date.UTC(2026, 10, 22, 3, 4, 5), 'hourly', () => 0) // Date.UTC(2026, 10, 22, 4)
 * nextRotationAt(Date.UTC(2026, 10, 22, 3, 4, 5), '*\/15 * * * *', () => 0) // Date.UTC(2026, 10, 22, 3, 15)
 * ```
 */
export function nextRotationAt(now: number, interval: string, offsetOf: OffsetOf = localOffset): number {
  const schedule = parseCron(NAMED[interval] ?? interval)
  return nextCronAt(schedule, now, offsetOf) ?? Number.POSITIVE_INFINITY
}
