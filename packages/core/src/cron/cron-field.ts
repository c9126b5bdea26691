/**
 * One field of a cron expression (SPECIFICATION.md §17.1): `*`, `?`, values, names, ranges,
 * steps and lists, expanded to the sorted values it allows. Pure.
 */
import { DaemonError } from '../errors/daemon-error.js'

/** What a field accepts. */
export interface CronFieldDef {
  /** Shown in errors: `field 2 (hour)`. */
  readonly label: string
  readonly min: number
  readonly max: number
  /** Names for `min`, `min + 1`, … (months `JAN`…, days `SUN`…), case-insensitive. */
  readonly names?: readonly string[]
  /** `?` is accepted as `*` (day of month, day of week). */
  readonly question?: boolean
}

export const MONTH_NAMES = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
]
export const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']

export const SECOND_FIELD: CronFieldDef = { label: 'second', min: 0, max: 59 }
export const MINUTE_FIELD: CronFieldDef = { label: 'minute', min: 0, max: 59 }
export const HOUR_FIELD: CronFieldDef = { label: 'hour', min: 0, max: 23 }
export const DAY_OF_MONTH_FIELD: CronFieldDef = { label: 'day of month', min: 1, max: 31, question: true }
export const MONTH_FIELD: CronFieldDef = { label: 'month', min: 1, max: 12, names: MONTH_NAMES }
export const DAY_OF_WEEK_FIELD: CronFieldDef = {
  label: 'day of week',
  min: 0,
  max: 7,
  names: DAY_NAMES,
  question: true,
}

/** Where a field sits, for error messages. */
export interface FieldContext {
  readonly expression: string
  /** 1-based position in the expression as written. */
  readonly position: number
  readonly def: CronFieldDef
}

/** A field's text, expanded. */
export interface ParsedField {
  /** Sorted, unique. */
  readonly values: readonly number[]
  /** The text is exactly `*` or `?` (day fields: unrestricted). */
  readonly any: boolean
  /** The text uses `*` or a step anywhere (hours: the DST gap rule, §17.2). */
  readonly repeating: boolean
}

/** The `OD_CRON_INVALID` error for a field. */
export function fieldError(ctx: FieldContext, problem: string): DaemonError {
  return new DaemonError(
    'OD_CRON_INVALID',
    ctx.expression,
    `field ${ctx.position} (${ctx.def.label}): ${problem}`,
  )
}

function allowedText(def: CronFieldDef): string {
  const names = def.names
  const range = `${def.min}-${def.max}`
  return names === undefined ? range : `${range} or ${names[0]}-${names[names.length - 1]}`
}

/** A single value: a number or a name, checked against the field's range. */
export function parseFieldValue(text: string, ctx: FieldContext): number {
  const { def } = ctx
  let n: number
  if (/^\d+$/.test(text)) n = Number(text)
  else {
    const index = def.names?.indexOf(text.toUpperCase()) ?? -1
    if (index < 0) throw fieldError(ctx, `"${text}" is not a value (allowed: ${allowedText(def)})`)
    n = def.min + index
  }
  if (n < def.min || n > def.max) {
    throw fieldError(ctx, `${text} is out of range ${def.min}-${def.max}`)
  }
  return n
}

function parseStep(text: string, ctx: FieldContext): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw fieldError(ctx, `step "/${text}" must be a whole number of at least 1`)
  }
  return Number(text)
}

/** The values of one list item: `*`, `a`, `a-b`, with an optional `/n`. */
function parseItem(item: string, ctx: FieldContext): number[] {
  const { def } = ctx
  const [base = '', stepText, extra] = item.split('/')
  if (extra !== undefined || base === '') throw fieldError(ctx, `"${item}" is not a value, range or step`)
  const step = stepText === undefined ? 1 : parseStep(stepText, ctx)
  let from: number
  let to: number
  if (base === '*' || (base === '?' && def.question === true)) {
    from = def.min
    to = def.max
  } else if (base.includes('-')) {
    const [a = '', b = '', more] = base.split('-')
    if (more !== undefined) throw fieldError(ctx, `"${base}" is not a range a-b`)
    from = parseFieldValue(a, ctx)
    to = parseFieldValue(b, ctx)
    if (from > to) throw fieldError(ctx, `range ${base} runs backwards (write the smaller value first)`)
  } else {
    from = parseFieldValue(base, ctx)
    // `a/n` runs from a to the field's maximum.
    to = stepText === undefined ? from : def.max
  }
  const values: number[] = []
  for (let v = from; v <= to; v += step) values.push(v)
  return values
}

/** Sorted unique values of a list of items. */
export function sortedUnique(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((a, b) => a - b)
}

/**
 * Expands a field's text (a comma-separated list of `*`, `?`, values, ranges and steps).
 *
 * @throws {DaemonError} `OD_CRON_INVALID` naming the field, the bad text and the allowed range.
 */
export function parseCronField(text: string, ctx: FieldContext): ParsedField {
  const items = text.split(',')
  if (items.some((item) => item === '')) throw fieldError(ctx, `"${text}" has an empty list item`)
  const values = sortedUnique(items.flatMap((item) => parseItem(item, ctx)))
  return {
    values,
    any: text === '*' || (text === '?' && ctx.def.question === true),
    repeating: text.includes('*') || text.includes('/'),
  }
}
