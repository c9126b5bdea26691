/**
 * The log fields of an app (SPECIFICATION.md §9.11, §10.4), checked and defaulted. Input is the
 * record of log fields the process manager kept from the start request, under their canonical
 * names. Pure.
 */
import { DaemonError, parseBytes, parseCron, parseDuration } from '@opendaemon/core'
import { compileDateFormat, TIME_TRUE_FORMAT } from './format/timestamp-format.js'

/** How buffered bytes are written (§9.5). */
export type FlushStrategy = 'batch' | 'immediate' | 'interval'

/** The checked log options of one app. */
export interface LogOptions {
  /** Custom stdout file (absolute, or relative to the app's cwd); null = default. */
  outFile: string | null
  errFile: string | null
  /** Combined file: `true` = `<name>.log`, a path, or off. */
  logFile: string | boolean
  mergeLogs: boolean
  logType: 'text' | 'json'
  /** From `logDateFormat` or `time: true`; null = no prefix. */
  dateFormat: string | null
  disableLogs: boolean
  fileMode: number
  /** Bytes; 0 = no size rotation. */
  maxLogSize: number
  /** Rotated files kept per file; 0 = unlimited. */
  maxLogFiles: number
  /** `'daily'`, `'hourly'` or a cron expression (checked); null = no time rotation. */
  rotateInterval: string | null
  compressLogs: boolean
  retention: { maxAgeMs: number | null; maxSize: number | null }
  maxLineLength: number
  crashLogLines: number
  flush: FlushStrategy
  flushIntervalMs: number
}

/** Every log field name, canonical spelling (the process manager keeps these from a start request). */
export const LOG_FIELDS = [
  'outFile',
  'errFile',
  'logFile',
  'mergeLogs',
  'logType',
  'logDateFormat',
  'time',
  'disableLogs',
  'logFileMode',
  'maxLogSize',
  'maxLogFiles',
  'logRotateInterval',
  'compressLogs',
  'logRetention',
  'maxLineLength',
  'crashLogLines',
  'logFlush',
  'logFlushInterval',
] as const

/** The defaults of §10.4. */
export const LOG_DEFAULTS: LogOptions = {
  outFile: null,
  errFile: null,
  logFile: false,
  mergeLogs: false,
  logType: 'text',
  dateFormat: null,
  disableLogs: false,
  fileMode: 0o600,
  maxLogSize: 10 * 1024 * 1024,
  maxLogFiles: 5,
  rotateInterval: null,
  compressLogs: true,
  retention: { maxAgeMs: null, maxSize: null },
  maxLineLength: 1024 * 1024,
  crashLogLines: 100,
  flush: 'batch',
  flushIntervalMs: 1000,
}

type Raw = Readonly<Record<string, unknown>>

function bad(key: string, problem: string, fix: string): DaemonError {
  return new DaemonError('OD_APP_OPTION_INVALID', key, problem, fix)
}

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v))

function bool(key: string, v: unknown): boolean {
  if (v === true || v === 'true') return true
  if (v === false || v === 'false') return false
  throw bad(key, `expected true or false, got ${show(v)}`, 'Pass true or false.')
}

function path(key: string, v: unknown): string {
  if (typeof v !== 'string' || v.trim() === '' || v.includes('\0')) {
    throw bad(key, `expected a file path, got ${show(v)}`, 'Pass an absolute path or one relative to cwd.')
  }
  return v
}

function oneOf<T extends string>(key: string, v: unknown, values: readonly T[]): T {
  if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T
  throw bad(key, `expected ${values.join(', ')}, got ${show(v)}`, `Use one of ${values.join(', ')}.`)
}

function size(key: string, v: unknown, min: number, max: number, zeroOk: boolean): number {
  let n: number | undefined
  try {
    if (typeof v === 'number' || typeof v === 'string') n = parseBytes(v)
  } catch {
    // Reported below with the key and the accepted range.
    n = undefined
  }
  if (n === undefined || !((zeroOk && n === 0) || (n >= min && n <= max))) {
    throw bad(
      key,
      `expected a size from ${min} to ${max} bytes${zeroOk ? ' or 0' : ''}, got ${show(v)}`,
      'Use bytes or K, M, G (10M).',
    )
  }
  return n
}

function int(key: string, v: unknown, min: number, max: number): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw bad(
      key,
      `expected an integer from ${min} to ${max}, got ${show(v)}`,
      `Pass a whole number between ${min} and ${max}.`,
    )
  }
  return n
}

function duration(key: string, v: unknown, min: number, max: number): number {
  let n: number | undefined
  try {
    if (typeof v === 'number' || typeof v === 'string') n = parseDuration(v)
  } catch {
    // Reported below with the key and the accepted range.
    n = undefined
  }
  if (n === undefined || n < min || n > max) {
    throw bad(
      key,
      `expected a duration from ${min} ms to ${max} ms, got ${show(v)}`,
      'Use a duration such as 500ms or 1s.',
    )
  }
  return n
}

function fileMode(v: unknown): number {
  const n = typeof v === 'string' && /^0?o?[0-7]{3}$/.test(v) ? parseInt(v.replace(/^0?o?/, ''), 8) : v
  if (n === 0o600 || n === 0o640 || n === 0o644) return n
  throw bad('logFileMode', `expected 0o600, 0o640 or 0o644, got ${show(v)}`, 'Use 600, 640 or 644.')
}

function rotateInterval(v: unknown): string {
  if (v === 'daily' || v === 'hourly') return v
  if (typeof v !== 'string') {
    throw bad(
      'logRotateInterval',
      `expected "daily", "hourly" or a cron expression, got ${show(v)}`,
      'Use "daily", "hourly" or a cron expression such as "0 */6 * * *".',
    )
  }
  try {
    parseCron(v)
  } catch (err) {
    // parseCron throws only DaemonErrors (OD_CRON_INVALID, OD_CRON_NEVER); name the option in them.
    const cronError = err as DaemonError
    cronError.message = `logRotateInterval: ${cronError.message}`
    throw cronError
  }
  return v
}

function retention(v: unknown): LogOptions['retention'] {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw bad('logRetention', `expected { maxAge?, maxSize? }, got ${show(v)}`, 'Pass an object.')
  }
  const r = v as Raw
  return {
    maxAgeMs:
      r['maxAge'] === undefined
        ? null
        : duration('logRetention.maxAge', r['maxAge'], 1, 10 * 365 * 86_400_000),
    maxSize:
      r['maxSize'] === undefined
        ? null
        : size('logRetention.maxSize', r['maxSize'], 1, Number.MAX_SAFE_INTEGER, false),
  }
}

function dateFormat(raw: Raw, base: string | null): string | null {
  const format = raw['logDateFormat']
  if (format !== undefined) {
    const text = path('logDateFormat', format)
    compileDateFormat(text)
    return text
  }
  const time = raw['time']
  if (time === undefined) return base
  return bool('time', time) ? TIME_TRUE_FORMAT : null
}

const PARSERS: Record<string, [keyof LogOptions, (v: unknown) => unknown]> = {
  outFile: ['outFile', (v) => path('outFile', v)],
  errFile: ['errFile', (v) => path('errFile', v)],
  logFile: [
    'logFile',
    (v) =>
      typeof v === 'boolean' || v === 'true' || v === 'false' ? bool('logFile', v) : path('logFile', v),
  ],
  mergeLogs: ['mergeLogs', (v) => bool('mergeLogs', v)],
  logType: ['logType', (v) => oneOf('logType', v, ['text', 'json'] as const)],
  disableLogs: ['disableLogs', (v) => bool('disableLogs', v)],
  logFileMode: ['fileMode', fileMode],
  maxLogSize: ['maxLogSize', (v) => size('maxLogSize', v, 1024, Number.MAX_SAFE_INTEGER, true)],
  maxLogFiles: ['maxLogFiles', (v) => int('maxLogFiles', v, 0, 10_000)],
  logRotateInterval: ['rotateInterval', rotateInterval],
  compressLogs: ['compressLogs', (v) => bool('compressLogs', v)],
  logRetention: ['retention', retention],
  maxLineLength: ['maxLineLength', (v) => size('maxLineLength', v, 1024, 64 * 1024 * 1024, false)],
  crashLogLines: ['crashLogLines', (v) => int('crashLogLines', v, 0, 10_000)],
  logFlush: ['flush', (v) => oneOf('logFlush', v, ['batch', 'immediate', 'interval'] as const)],
  logFlushInterval: ['flushIntervalMs', (v) => duration('logFlushInterval', v, 10, 10_000)],
}

/**
 * Checks and defaults the log fields of an app. `undefined`/`null` values count as absent.
 *
 * @param base - Defaults (the daemon's `logs.defaults` over {@link LOG_DEFAULTS}).
 * @throws {DaemonError} `OD_APP_OPTION_INVALID` naming the field; `OD_LOG_DATE_FORMAT_INVALID`;
 *   `OD_CRON_INVALID` / `OD_CRON_NEVER` for a bad cron expression in `logRotateInterval`.
 * @example
 * ```ts
 * parseLogOptions({ maxLogSize: '1M', time: true }).maxLogSize // 1048576
 * ```
 */
export function parseLogOptions(raw: Raw = {}, base: LogOptions = LOG_DEFAULTS): LogOptions {
  const present: Raw = Object.fromEntries(
    Object.entries(raw).filter(([, v]) => v !== undefined && v !== null),
  )
  const out: Record<string, unknown> = { ...base }
  for (const [field, value] of Object.entries(present)) {
    const parser = PARSERS[field]
    if (parser !== undefined) out[parser[0]] = parser[1](value)
  }
  out['dateFormat'] = dateFormat(present, base.dateFormat)
  return out as unknown as LogOptions
}
