/**
 * The next time a cron schedule fires (SPECIFICATION.md §17.2): the next matching wall-clock time
 * in a zone, mapped back to an instant across DST changes. Pure apart from reading the zone's
 * offsets.
 */
import { DaemonError } from '../errors/daemon-error.js'
import { parseCron, type CronSchedule } from './cron-schedule.js'
import { nextWallMatch } from './cron-search.js'
import { localZoneOffset, zoneOffset, type ZoneOffset } from './time-zone.js'

const DAY_MS = 86_400_000
/** A full cycle of the calendar, so every schedule that passed parsing has a next time. */
export const CRON_SEARCH_YEARS = 28
const SEARCH_MS = Math.ceil(CRON_SEARCH_YEARS * 365.25) * DAY_MS

/**
 * The instants showing wall time `wall`, earliest first: one normally, two in a fall-back overlap,
 * none in a spring-forward gap. Offsets a day before and after bracket any single transition.
 */
function instantsOf(wall: number, offsetOf: ZoneOffset): number[] {
  const candidates = new Set([offsetOf(wall - DAY_MS), offsetOf(wall + DAY_MS)].map((o) => wall - o * 60_000))
  return [...candidates].filter((t) => t + offsetOf(t) * 60_000 === wall).sort((a, b) => a - b)
}

/** The first instant after the gap that swallowed `wall`: the transition itself. */
function gapEnd(wall: number, offsetOf: ZoneOffset): number {
  const bounds = [offsetOf(wall - DAY_MS), offsetOf(wall + DAY_MS)].map((o) => wall - o * 60_000)
  let lo = Math.min(...bounds)
  let hi = Math.max(...bounds)
  const before = offsetOf(lo)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (offsetOf(mid) === before) lo = mid
    else hi = mid
  }
  return hi
}

/**
 * The instant of wall time `wall`: its first occurrence when a fall-back repeats it; for a time
 * skipped by spring-forward, the end of the gap when the hour is fixed, else null (skipped).
 */
function resolveWall(schedule: CronSchedule, wall: number, offsetOf: ZoneOffset): number | null {
  const instants = instantsOf(wall, offsetOf)
  if (instants.length > 0) return instants[0] as number
  return schedule.fixedHour ? gapEnd(wall, offsetOf) : null
}

/**
 * The epoch ms of the first firing of `schedule` strictly after `afterMs`, in the zone whose
 * offsets `offsetOf` gives, or null when none falls within {@link CRON_SEARCH_YEARS} years.
 *
 * @example
 * ```ts
 * import { nextCronAt, parseCron } from '@opendaemon/core'
 *
 * nextCronAt(parseCron('30 2 * * *'), Date.UTC(2026, 0, 1), () => 0) // Date.UTC(2026, 0, 1, 2, 30)
 * ```
 * @since 0.1.0
 */
export function nextCronAt(
  schedule: CronSchedule,
  afterMs: number,
  offsetOf: ZoneOffset = localZoneOffset,
): number | null {
  let from = Math.floor((afterMs + offsetOf(afterMs) * 60_000) / 1000) * 1000 + 1000
  const limit = from + SEARCH_MS
  for (;;) {
    const wall = nextWallMatch(schedule, from, limit)
    if (wall === null) return null
    const at = resolveWall(schedule, wall, offsetOf)
    // A wall time already passed (or the second pass of a repeated hour) does not fire again.
    if (at !== null && at > afterMs) return at
    from = wall + 1000
  }
}

/**
 * The next time a cron expression fires, strictly after `after`: in the machine's local zone, or
 * in the IANA zone `timeZone`. Across DST, a repeated local time fires once (its first
 * occurrence); a skipped one is skipped, except that a fixed hour fires at the end of the gap.
 *
 * @throws {DaemonError} `OD_CRON_INVALID` / `OD_CRON_NEVER` for a bad expression,
 *   `OD_CRON_TIMEZONE_INVALID` for an unknown zone, `OD_INVALID_PARAMS` for an invalid Date.
 * @example
 * ```ts
 * import { nextCronTime } from '@opendaemon/core'
 *
 * nextCronTime('0 9 * * MON-FRI', new Date('2026-11-21T12:00:00Z'), 'UTC').toISOString()
 * // '2026-11-23T09:00:00.000Z'
 * ```
 * @since 0.1.0
 */
export function nextCronTime(expression: string | CronSchedule, after: Date, timeZone?: string): Date {
  const schedule = typeof expression === 'string' ? parseCron(expression) : expression
  const offsetOf = timeZone === undefined ? localZoneOffset : zoneOffset(timeZone)
  if (Number.isNaN(after.getTime())) {
    throw new DaemonError('OD_INVALID_PARAMS', 'after: expected a valid Date, got an Invalid Date')
  }
  const next = nextCronAt(schedule, after.getTime(), offsetOf)
  if (next === null) {
    throw new DaemonError(
      'OD_CRON_NEVER',
      schedule.expression,
      `no time matches within ${CRON_SEARCH_YEARS} years`,
    )
  }
  return new Date(next)
}
