/**
 * The search for the next wall-clock time matching a schedule (SPECIFICATION.md §17.2). Wall
 * times are epoch-like milliseconds whose UTC fields are the local fields, so the arithmetic has
 * no DST in it; mapping them back to instants is cron-next.ts's job. Pure.
 */
import { matchesDay } from './cron-days.js'
import type { CronSchedule } from './cron-schedule.js'

/** The first value of sorted `values` that is ≥ `v`, or null. */
function nextIn(values: readonly number[], v: number): number | null {
  for (const x of values) if (x >= v) return x
  return null
}

/**
 * The first wall time ≥ `from` (rounded up to a whole second) that matches `schedule`, or null when
 * none is before `limit`. Advances month → day → hour → minute → second, carrying into the next
 * larger unit when a field has no value left.
 */
export function nextWallMatch(schedule: CronSchedule, from: number, limit: number): number | null {
  const { months, hours, minutes, seconds, dayOfMonth, dayOfWeek } = schedule
  let t = Math.ceil(from / 1000) * 1000
  while (t < limit) {
    const d = new Date(t)
    const y = d.getUTCFullYear()
    const mo = d.getUTCMonth() + 1
    const day = d.getUTCDate()
    const h = d.getUTCHours()
    const mi = d.getUTCMinutes()
    const month = nextIn(months, mo)
    if (month !== mo) {
      t = month === null ? Date.UTC(y + 1, (months[0] as number) - 1, 1) : Date.UTC(y, month - 1, 1)
      continue
    }
    if (!matchesDay(dayOfMonth, dayOfWeek, y, mo, day)) {
      t = Date.UTC(y, mo - 1, day + 1)
      continue
    }
    const hour = nextIn(hours, h)
    if (hour !== h) {
      t = hour === null ? Date.UTC(y, mo - 1, day + 1) : Date.UTC(y, mo - 1, day, hour)
      continue
    }
    const minute = nextIn(minutes, mi)
    if (minute !== mi) {
      t = minute === null ? Date.UTC(y, mo - 1, day, h + 1) : Date.UTC(y, mo - 1, day, h, minute)
      continue
    }
    const second = nextIn(seconds, d.getUTCSeconds())
    if (second === null) {
      t = Date.UTC(y, mo - 1, day, h, mi + 1)
      continue
    }
    return Date.UTC(y, mo - 1, day, h, mi, second)
  }
  return null
}
