/**
 * `LogEntry` (SPECIFICATION.md §9.3): one log line as every reader, stream and the SDK see it, and the
 * level inference that gives plain text lines a level.
 */

/** Log levels, lowest first. */
export const ENTRY_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const

/** A log level (§9.3). */
export type EntryLevel = (typeof ENTRY_LEVELS)[number]

/** Which pipe a line came from. */
export type LogSourceName = 'stdout' | 'stderr'

/**
 * One log line (§9.3). `pid` is `null` when the reader cannot know it (a line read back from a text
 * file). `timestamp` is exact for prefixed and JSON files and for live lines; for raw text files it
 * is the file's last-modified (or rotation) time, so ordering across raw files is file-granular.
 *
 * @since 0.1.0
 */
export interface LogEntry {
  /** ISO 8601 UTC with milliseconds. */
  timestamp: string
  level: EntryLevel
  pid: number | null
  processName: string
  instanceId: number
  id: number
  namespace?: string
  /** The line without its `\n` (and without the timestamp prefix of a prefixed file). */
  message: string
  source: LogSourceName
  /** The line's JSON object when it is one, else `null`. */
  metadata: Record<string, unknown> | null
  partial?: true
  cont?: true
  encoding?: 'base64'
}

const LEVEL_WORDS: Readonly<Record<string, EntryLevel>> = {
  trace: 'trace',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  panic: 'fatal',
  alert: 'fatal',
  emerg: 'fatal',
}

const LEVEL_NUMBERS: Readonly<Record<number, EntryLevel>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
}

const TEXT_LEVEL = /^\s*\[?(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL)\]?[\s:]/i

function levelOf(value: unknown): EntryLevel | undefined {
  if (typeof value === 'string') return LEVEL_WORDS[value.toLowerCase()]
  if (typeof value === 'number') return LEVEL_NUMBERS[value]
  return undefined
}

function objectLevel(object: Record<string, unknown>): EntryLevel | undefined {
  const nested = object['log']
  const logLevel =
    typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>)['level'] : undefined
  for (const value of [object['level'], object['severity'], object['lvl'], object['log.level'], logLevel]) {
    const level = levelOf(value)
    if (level !== undefined) return level
  }
  return undefined
}

/**
 * Infers a line's level (§9.3): a JSON object's `level`/`severity`/`lvl`/`log.level` field, else a
 * leading `[WARN]`-style word in the first 40 characters, else `info` for stdout and `error` for stderr.
 *
 * @example
 * ```ts
 * import { inferLogLevel } from '@opendaemon/core'
 *
 * inferLogLevel('[WARN] disk almost full', 'stdout', null) // 'warn'
 * inferLogLevel('{"level":50}', 'stdout', { level: 50 }) // 'error'
 * inferLogLevel('boom', 'stderr', null) // 'error'
 * ```
 * @since 0.1.0
 */
export function inferLogLevel(
  message: string,
  source: LogSourceName,
  object: Record<string, unknown> | null,
): EntryLevel {
  const fromObject = object === null ? undefined : objectLevel(object)
  if (fromObject !== undefined) return fromObject
  const match = TEXT_LEVEL.exec(message.slice(0, 40))
  if (match !== null) return LEVEL_WORDS[(match[1] as string).toLowerCase()] as EntryLevel
  return source === 'stderr' ? 'error' : 'info'
}

/**
 * Rank of a level (trace 0 … fatal 5), for "at least this level" filters.
 *
 * @example
 * ```ts
 * import { logLevelRank } from '@opendaemon/core'
 *
 * logLevelRank('warn') >= logLevelRank('info') // true
 * ```
 * @since 0.1.0
 */
export function logLevelRank(level: EntryLevel): number {
  return ENTRY_LEVELS.indexOf(level)
}

/**
 * Parses a JSON object line, or returns `null` (not an object, or not JSON).
 *
 * @example
 * ```ts
 * import { parseJsonObjectLine } from '@opendaemon/core'
 *
 * parseJsonObjectLine('{"msg":"hi"}') // { msg: 'hi' }
 * parseJsonObjectLine('hi') // null
 * ```
 * @since 0.1.0
 */
export function parseJsonObjectLine(line: string): Record<string, unknown> | null {
  const text = line.trim()
  if (!text.startsWith('{') || !text.endsWith('}')) return null
  try {
    // Text between braces that parses is always an object.
    return JSON.parse(text) as Record<string, unknown>
  } catch {
    return null // not JSON after all: a text line that happens to start with "{"
  }
}
