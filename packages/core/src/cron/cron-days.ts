/**
 * The day fields of a cron expression (SPECIFICATION.md §17.1): day of month with `L`, `L-n`,
 * `nW` and `LW`; day of week with `xL` and `x#n`; and the rule joining them (either matches when
 * both are restricted). Pure; months are 1-12, weekdays 0-6 with Sunday = 0.
 */
import { fieldError, parseCronField, parseFieldValue, sortedUnique, type FieldContext } from './cron-field.js'

/** A parsed day-of-month field. */
export interface DayOfMonthRule {
  /** The field is `*` or `?`. */
  readonly any: boolean
  /** Plain days 1-31. */
  readonly days: readonly number[]
  /** `L` (0) and `L-n` (n): days counted back from the last day of the month. */
  readonly fromEnd: readonly number[]
  /** `nW`: the weekday nearest to day n. */
  readonly nearestWeekday: number | null
  /** `LW`: the last weekday of the month. */
  readonly lastWeekday: boolean
}

/** A parsed day-of-week field. */
export interface DayOfWeekRule {
  /** The field is `*` or `?`. */
  readonly any: boolean
  /** Plain weekdays 0-6 (7 is folded into 0). */
  readonly days: readonly number[]
  /** `x#n`: [weekday, n], the nth (1-5) weekday x of the month. */
  readonly nth: readonly (readonly [number, number])[]
  /** `xL`: the last weekday x of the month. */
  readonly last: readonly number[]
}

const isAny = (text: string): boolean => text === '*' || text === '?'

/** Days in month `m` (1-12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

function weekdayOf(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

/** Parses a day-of-month field. */
export function parseDayOfMonth(text: string, ctx: FieldContext): DayOfMonthRule {
  const rule = { any: isAny(text), days: [], fromEnd: [], nearestWeekday: null, lastWeekday: false }
  const upper = text.toUpperCase()
  if (upper.includes('W')) {
    if (upper === 'LW') return { ...rule, lastWeekday: true }
    const match = /^(\d+)W$/.exec(upper)
    if (match === null) {
      throw fieldError(ctx, `"${text}": W takes a single day (15W) or LW, not a list or range`)
    }
    return { ...rule, nearestWeekday: parseFieldValue(match[1] as string, ctx) }
  }
  const plain: string[] = []
  const fromEnd: number[] = []
  for (const item of text.split(',')) {
    const up = item.toUpperCase()
    if (!up.startsWith('L')) plain.push(item)
    else if (up === 'L') fromEnd.push(0)
    else {
      const back = /^L-(\d+)$/.exec(up)?.[1]
      if (back === undefined || Number(back) > 30) {
        throw fieldError(ctx, `"${item}" is not L or L-n with n from 0 to 30`)
      }
      fromEnd.push(Number(back))
    }
  }
  const days = plain.length === 0 ? [] : parseCronField(plain.join(','), ctx).values
  return { ...rule, days, fromEnd: sortedUnique(fromEnd) }
}

function parseWeekday(text: string, ctx: FieldContext): number {
  return parseFieldValue(text, ctx) % 7
}

/** Parses a day-of-week field. */
export function parseDayOfWeek(text: string, ctx: FieldContext): DayOfWeekRule {
  const plain: string[] = []
  const nth: [number, number][] = []
  const last: number[] = []
  for (const item of text.split(',')) {
    const hash = /^(.+)#(.*)$/.exec(item)
    const lastOf = /^(.+)L$/i.exec(item)
    if (hash !== null) {
      const n = hash[2] as string
      if (!/^[1-5]$/.test(n)) throw fieldError(ctx, `"${item}": the n of x#n must be 1-5`)
      nth.push([parseWeekday(hash[1] as string, ctx), Number(n)])
    } else if (lastOf !== null) last.push(parseWeekday(lastOf[1] as string, ctx))
    else plain.push(item)
  }
  const values = plain.length === 0 ? [] : parseCronField(plain.join(','), ctx).values
  return { any: isAny(text), days: sortedUnique(values.map((v) => v % 7)), nth, last: sortedUnique(last) }
}

function nearestWeekday(y: number, m: number, n: number, last: number): number {
  const weekday = weekdayOf(y, m, n)
  // Saturday → Friday before, Sunday → Monday after, without leaving the month.
  if (weekday === 6) return n === 1 ? 3 : n - 1
  if (weekday === 0) return n === last ? n - 2 : n + 1
  return n
}

/** True when day `d` of month `m` of year `y` matches the day-of-month rule alone. */
export function matchesDayOfMonth(rule: DayOfMonthRule, y: number, m: number, d: number): boolean {
  const last = daysInMonth(y, m)
  if (rule.days.includes(d) || rule.fromEnd.includes(last - d)) return true
  if (rule.nearestWeekday !== null) {
    return rule.nearestWeekday <= last && nearestWeekday(y, m, rule.nearestWeekday, last) === d
  }
  return rule.lastWeekday && nearestWeekday(y, m, last, last) === d
}

/** True when day `d` of month `m` of year `y` matches the day-of-week rule alone. */
export function matchesDayOfWeek(rule: DayOfWeekRule, y: number, m: number, d: number): boolean {
  const weekday = weekdayOf(y, m, d)
  if (rule.days.includes(weekday)) return true
  if (rule.last.includes(weekday) && d + 7 > daysInMonth(y, m)) return true
  return rule.nth.some(([x, n]) => x === weekday && Math.ceil(d / 7) === n)
}

/**
 * True when the day matches both day fields together: when both are restricted (neither is
 * `*`/`?`) either one matching is enough (Vixie cron), otherwise the restricted one decides.
 */
export function matchesDay(
  dom: DayOfMonthRule,
  dow: DayOfWeekRule,
  y: number,
  m: number,
  d: number,
): boolean {
  if (dom.any) return dow.any || matchesDayOfWeek(dow, y, m, d)
  if (dow.any) return matchesDayOfMonth(dom, y, m, d)
  return matchesDayOfMonth(dom, y, m, d) || matchesDayOfWeek(dow, y, m, d)
}
