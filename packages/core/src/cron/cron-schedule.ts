/**
 * Parsing cron expressions (SPECIFICATION.md §17.1): the 5-field and 6-field (seconds first)
 * forms, the `@` macros, and the check that an expression can match at all. Pure.
 */
import { DaemonError } from '../errors/daemon-error.js'
import { parseDuration } from '../parse-duration.js'
import {
  DAY_OF_MONTH_FIELD,
  DAY_OF_WEEK_FIELD,
  HOUR_FIELD,
  MINUTE_FIELD,
  MONTH_FIELD,
  parseCronField,
  SECOND_FIELD,
  type CronFieldDef,
} from './cron-field.js'
import { parseDayOfMonth, parseDayOfWeek, type DayOfMonthRule, type DayOfWeekRule } from './cron-days.js'
import { nextWallMatch } from './cron-search.js'

/** A parsed calendar expression: the values each field allows. */
export interface CronSchedule {
  /** The expression as written (macros included). */
  readonly expression: string
  /** Sorted values; `[0]` in the 5-field form. */
  readonly seconds: readonly number[]
  readonly minutes: readonly number[]
  readonly hours: readonly number[]
  /** 1-12. */
  readonly months: readonly number[]
  readonly dayOfMonth: DayOfMonthRule
  readonly dayOfWeek: DayOfWeekRule
  /**
   * The hour field names fixed hours (no `*`, no step): a time skipped by a DST gap then runs at
   * the first instant after the gap instead of not at all (§17.2).
   */
  readonly fixedHour: boolean
}

/** Any expression: a calendar schedule, or one of the scheduler's `@every` / `@reboot` macros. */
export type CronSpec =
  { kind: 'calendar'; schedule: CronSchedule } | { kind: 'every'; everyMs: number } | { kind: 'reboot' }

const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
}

const MONTH_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** Every calendar repeats within 28 years (2000-2027: each leap/weekday combination of a year). */
const CYCLE_FROM = Date.UTC(2000, 0, 1)
const CYCLE_TO = Date.UTC(2028, 0, 1)

function invalid(expression: string, problem: string): DaemonError {
  return new DaemonError('OD_CRON_INVALID', expression, problem)
}

function neverReason(s: CronSchedule): string {
  const dom = s.dayOfMonth
  const plainDays = dom.fromEnd.length === 0 && dom.nearestWeekday === null && !dom.lastWeekday
  if (s.dayOfWeek.any && plainDays && dom.days.length > 0) {
    const names = s.months.map((m) => MONTH_LONG[m - 1] as string)
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
    return `${list} ${names.length === 1 ? 'has' : 'have'} no day ${dom.days[0]}`
  }
  return 'no date fits the day-of-month, month and day-of-week fields together'
}

function parseFields(expression: string, text: string): CronSchedule {
  const parts = text.trim().split(/[ \t]+/)
  if (parts.length !== 5 && parts.length !== 6) {
    throw invalid(expression, `expected 5 or 6 fields, got ${text.trim() === '' ? 0 : parts.length}`)
  }
  const hasSeconds = parts.length === 6
  const fields = hasSeconds ? parts : ['0', ...parts]
  const at = (index: number, def: CronFieldDef) => ({
    expression,
    position: hasSeconds ? index + 1 : index,
    def,
  })
  const hours = parseCronField(fields[2] as string, at(2, HOUR_FIELD))
  return {
    expression,
    seconds: parseCronField(fields[0] as string, at(0, SECOND_FIELD)).values,
    minutes: parseCronField(fields[1] as string, at(1, MINUTE_FIELD)).values,
    hours: hours.values,
    dayOfMonth: parseDayOfMonth(fields[3] as string, at(3, DAY_OF_MONTH_FIELD)),
    months: parseCronField(fields[4] as string, at(4, MONTH_FIELD)).values,
    dayOfWeek: parseDayOfWeek(fields[5] as string, at(5, DAY_OF_WEEK_FIELD)),
    fixedHour: !hours.repeating,
  }
}

function parseEvery(expression: string, text: string): number {
  let ms: number | undefined
  try {
    ms = parseDuration(text)
  } catch {
    // Reported below with the expression and the accepted form.
    ms = undefined
  }
  if (ms === undefined || ms < 1000) {
    throw invalid(expression, `@every needs a duration of at least 1s (such as 90s or 1h30m), got "${text}"`)
  }
  return ms
}

/**
 * Parses any cron expression: a calendar schedule (5 or 6 fields, or a macro such as `@daily`),
 * `@every <duration>` or `@reboot`.
 *
 * @throws {DaemonError} `OD_CRON_INVALID` (field, text and allowed range in the message);
 *   `OD_CRON_NEVER` when no date can ever match (`0 0 30 2 *`).
 * @example
 * ```ts
 * import { parseCronSpec } from '@opendaemon/core'
 *
 * parseCronSpec('@every 90s') // { kind: 'every', everyMs: 90000 }
 * parseCronSpec('*\/5 * * * *').kind // 'calendar'
 * ```
 * @since 0.1.0
 */
export function parseCronSpec(expression: string): CronSpec {
  const text = expression.trim()
  const lower = text.toLowerCase()
  if (lower === '@reboot') return { kind: 'reboot' }
  if (/^@every[ \t]/.test(lower))
    return { kind: 'every', everyMs: parseEvery(expression, text.slice(7).trim()) }
  if (text.startsWith('@')) {
    const fields = MACROS[lower]
    if (fields === undefined) {
      throw invalid(
        expression,
        `unknown macro "${text}" (known: ${Object.keys(MACROS).join(', ')}, @reboot, @every <duration>)`,
      )
    }
    return { kind: 'calendar', schedule: parseFields(expression, fields) }
  }
  const schedule = parseFields(expression, text)
  if (nextWallMatch(schedule, CYCLE_FROM, CYCLE_TO) === null) {
    throw new DaemonError('OD_CRON_NEVER', expression, neverReason(schedule))
  }
  return { kind: 'calendar', schedule }
}

/**
 * Parses a calendar cron expression (SPECIFICATION.md §17.1): `minute hour day-of-month month
 * day-of-week`, or `second minute hour day-of-month month day-of-week`, or a macro (`@yearly`,
 * `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly`).
 *
 * @throws {DaemonError} `OD_CRON_INVALID` for bad syntax or ranges, and for `@every`/`@reboot`
 *   (they have no calendar time); `OD_CRON_NEVER` when no date can ever match.
 * @example
 * ```ts
 * import { parseCron } from '@opendaemon/core'
 *
 * const schedule = parseCron('0 9 * * MON-FRI')
 * schedule.dayOfWeek.days // [1, 2, 3, 4, 5]
 * ```
 * @since 0.1.0
 */
export function parseCron(expression: string): CronSchedule {
  const spec = parseCronSpec(expression)
  if (spec.kind !== 'calendar') {
    throw invalid(expression, `@${spec.kind} has no calendar time; use it for scheduler jobs only`)
  }
  return spec.schedule
}
