import { systemClock, type Clock } from './clock.js'

/** Log levels from most to least verbose; `silent` turns a logger off. */
export const LOG_LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, silent: 100 } as const

/** A log level name. */
export type LogLevel = keyof typeof LOG_LEVELS

/** Level names a record can carry (`silent` only filters). */
export type LogRecordLevel = Exclude<LogLevel, 'silent'>

/** Structured key/value context appended to a log line. */
export type LogFields = Readonly<Record<string, unknown>>

/** Receives one formatted line (without a trailing newline). */
export type LogSink = (line: string) => void

/** One log event before formatting. */
export interface LogRecord {
  readonly at: number
  readonly level: LogRecordLevel
  readonly scope: string
  readonly msg: string
  readonly fields?: LogFields | undefined
}

/**
 * A small structured logger. Every method takes a message and optional fields.
 *
 * @example
 * ```ts
 * import { createLogger } from '@opendaemon/core'
 *
 * const logger = createLogger({ level: 'info', sink: (line) => process.stderr.write(line + '\n') })
 * logger.child('process-manager').info('started', { id: 3, pid: 4242 })
 * ```
 * @since 0.1.0
 */
export interface Logger {
  readonly level: LogLevel
  readonly scope: string
  trace(msg: string, fields?: LogFields): void
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
  /** A logger writing to the same sink with `scope` appended (`daemon/process-manager`). */
  child(scope: string): Logger
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Minimum level written; default `info`. */
  level?: LogLevel
  /** Where formatted lines go; default: nowhere. */
  sink?: LogSink
  /** Scope shown in brackets; default none. */
  scope?: string
  /** Source of timestamps; default {@link systemClock}. */
  clock?: Clock
}

const SIMPLE_VALUE = /^[^\s"=]+$/

function formatValue(value: unknown): string {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code
    const prefix = typeof code === 'string' ? code : value.name
    return JSON.stringify(`${prefix}: ${value.message}`)
  }
  if (typeof value === 'string') return SIMPLE_VALUE.test(value) ? value : JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value)
  if (value === undefined) return 'undefined'
  try {
    return JSON.stringify(value)
  } catch {
    // Cyclic structures cannot be serialized; a marker is more useful than losing the line.
    return '"[unserializable]"'
  }
}

/**
 * Formats a record as one text line:
 * `2026-11-22T03:49:48.123Z INFO  [scope] message key=value key2="with space"`.
 *
 * @example
 * ```ts
 * import { formatLogLine } from '@opendaemon/core'
 *
 * formatLogLine({ at: 0, level: 'warn', scope: 'kernel', msg: 'slow', fields: { ms: 12 } })
 * // '1970-01-01T00:00:00.000Z WARN  [kernel] slow ms=12'
 * ```
 * @since 0.1.0
 */
export function formatLogLine(record: LogRecord): string {
  let line = `${new Date(record.at).toISOString()} ${record.level.toUpperCase().padEnd(5)} `
  if (record.scope !== '') line += `[${record.scope}] `
  line += record.msg
  if (record.fields !== undefined) {
    for (const [key, value] of Object.entries(record.fields)) line += ` ${key}=${formatValue(value)}`
  }
  return line
}

/**
 * Creates a {@link Logger} that formats records with {@link formatLogLine} and hands each line
 * to `sink`. The logger itself does no I/O.
 *
 * @example
 * ```ts
 * import { createLogger } from '@opendaemon/core'
 *
 * const lines: string[] = []
 * const logger = createLogger({ level: 'debug', sink: (line) => lines.push(line), scope: 'daemon' })
 * logger.debug('booting', { plugins: 4 })
 * ```
 * @since 0.1.0
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info'
  const sink = options.sink ?? (() => undefined)
  const clock = options.clock ?? systemClock
  const scope = options.scope ?? ''
  const threshold = LOG_LEVELS[level]

  const write = (recordLevel: LogRecordLevel) => (msg: string, fields?: LogFields) => {
    if (LOG_LEVELS[recordLevel] < threshold) return
    sink(formatLogLine({ at: clock.now(), level: recordLevel, scope, msg, fields }))
  }

  return {
    level,
    scope,
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (childScope) =>
      createLogger({ level, sink, clock, scope: scope === '' ? childScope : `${scope}/${childScope}` }),
  }
}
