/**
 * Reading typed fields out of an untyped start request (RPC params, a PM2 or GoPM ecosystem entry,
 * CLI flags). Every field has a canonical camelCase name; its snake_case and kebab-case spellings
 * and any listed aliases are accepted too. Errors name the key exactly as the caller wrote it.
 */
import { DaemonError, parseDuration } from '@opendaemon/core'

/** An untyped request object. */
export type RawFields = Readonly<Record<string, unknown>>

/** A value found under one of a field's spellings. */
export interface FoundField {
  /** The key as written by the caller (used in error messages). */
  key: string
  value: unknown
}

/** Builds the error for a bad option: what is wrong with which key, and how to fix it. */
export function optionError(field: string, problem: string, fix: string, cause?: unknown): DaemonError {
  return new DaemonError('OD_APP_OPTION_INVALID', field, problem, fix, cause === undefined ? {} : { cause })
}

function spellings(name: string, aliases: readonly string[]): string[] {
  const snake = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
  return [...new Set([name, snake, snake.replace(/_/g, '-'), ...aliases])]
}

/**
 * Finds a field under its canonical name or any spelling or alias. `undefined` and `null` count
 * as absent. Two different spellings present at once is an error rather than a silent pick.
 */
export function findField(
  input: RawFields,
  name: string,
  aliases: readonly string[] = [],
): FoundField | undefined {
  const found = spellings(name, aliases).filter((key) => input[key] !== undefined && input[key] !== null)
  if (found.length > 1) {
    throw optionError(found.join(', '), 'these keys are spellings of the same option', `Keep only ${name}.`)
  }
  const key = found[0]
  return key === undefined ? undefined : { key, value: input[key] }
}

/** A non-empty string (surrounding whitespace is kept). */
export function asString(field: FoundField): string {
  if (typeof field.value !== 'string' || field.value.trim() === '') {
    throw optionError(
      field.key,
      `expected a non-empty string, got ${describe(field.value)}`,
      'Pass a text value.',
    )
  }
  if (field.value.includes('\0')) {
    throw optionError(field.key, 'contains a NUL byte', 'Remove the NUL character.')
  }
  return field.value
}

/** A boolean, also from the strings `"true"`/`"false"` (CLI and env sources). */
export function asBoolean(field: FoundField): boolean {
  if (field.value === true || field.value === 'true') return true
  if (field.value === false || field.value === 'false') return false
  throw optionError(field.key, `expected true or false, got ${describe(field.value)}`, 'Pass true or false.')
}

/** An integer in [min, max], also from a numeric string. */
export function asInteger(field: FoundField, min: number, max: number): number {
  const n =
    typeof field.value === 'string' && /^-?\d+$/.test(field.value.trim()) ? Number(field.value) : field.value
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw optionError(
      field.key,
      `expected an integer from ${min} to ${max}, got ${describe(field.value)}`,
      `Pass a whole number between ${min} and ${max}.`,
    )
  }
  return n
}

/** A number in [min, max], also from a numeric string. */
export function asNumber(field: FoundField, min: number, max: number): number {
  const n = typeof field.value === 'string' && field.value.trim() !== '' ? Number(field.value) : field.value
  if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) {
    throw optionError(
      field.key,
      `expected a number from ${min} to ${max}, got ${describe(field.value)}`,
      `Pass a number between ${min} and ${max}.`,
    )
  }
  return n
}

/** A duration in ms: a number of ms, or a string such as `500ms`, `5s`, `1m30s`. Never negative. */
export function asDurationMs(field: FoundField): number {
  if (typeof field.value === 'number' || typeof field.value === 'string') {
    try {
      return parseDuration(field.value)
    } catch (err) {
      throw optionError(
        field.key,
        `expected a duration of 0 or more, got ${describe(field.value)}`,
        'Use milliseconds (5000) or a duration with units ms, s, m, h (for example 5s or 1m30s).',
        err,
      )
    }
  }
  throw optionError(
    field.key,
    `expected a duration, got ${describe(field.value)}`,
    'Use milliseconds or a duration such as 5s.',
  )
}

/** A list of strings: an array, or one string split on commas. Empty items are dropped. */
export function asStringList(field: FoundField): string[] {
  const items = typeof field.value === 'string' ? field.value.split(',') : field.value
  if (!Array.isArray(items) || !items.every((item): item is string => typeof item === 'string')) {
    throw optionError(
      field.key,
      `expected a list of strings, got ${describe(field.value)}`,
      'Pass an array of strings or a comma-separated string.',
    )
  }
  return items.map((item) => item.trim()).filter((item) => item !== '')
}

/** A short description of a value for error messages: `"abc"`, `-1`, `an object`. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return 'an array'
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : typeof value
}

/**
 * The log fields of a start request, owned by the log manager (which checks them): each kept
 * under its canonical name, whichever spelling or alias the caller used.
 */
export const LOG_FIELD_ALIASES: Readonly<Record<string, readonly string[]>> = {
  outFile: ['output', 'out', 'logOut', 'log_out', 'out_log'],
  errFile: ['errorFile', 'error_file', 'error', 'err', 'logErr', 'log_err', 'err_log'],
  logFile: ['log'],
  mergeLogs: ['combineLogs', 'combine_logs'],
  logType: [],
  logDateFormat: [],
  time: [],
  disableLogs: [],
  logFileMode: [],
  maxLogSize: [],
  maxLogFiles: [],
  logRotateInterval: [],
  compressLogs: [],
  logRetention: [],
  maxLineLength: [],
  crashLogLines: [],
  logFlush: [],
  logFlushInterval: [],
}

/** Picks the log fields of a request (see {@link LOG_FIELD_ALIASES}); absent ones are left out. */
export function pickLogFields(input: RawFields): Record<string, unknown> {
  const logs: Record<string, unknown> = {}
  for (const [name, aliases] of Object.entries(LOG_FIELD_ALIASES)) {
    const field = findField(input, name, aliases)
    if (field !== undefined) logs[name] = field.value
  }
  return logs
}
