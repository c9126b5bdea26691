/**
 * The filters of `od logs` (§9.9): sources, level, grep, since/until. Compiled once, applied to every
 * entry in the daemon.
 */
import { DaemonError } from '../errors/daemon-error.js'
import { logLevelRank, type LogEntry, type EntryLevel, type LogSourceName } from './log-entry.js'
import { parseTimeBound } from './time-bound.js'

/** Filter fields as `log.tail`, `log.search` and `log.stream` take them. */
export interface LogFilterParams {
  /** Only these streams (default both). */
  sources?: LogSourceName[]
  /** Lines at this level or above. */
  level?: EntryLevel
  /** JavaScript regular expression matched against each message. */
  grep?: string
  ignoreCase?: boolean
  /** Epoch ms, or a time string (§1.5): `2h`, `2026-11-22T03:00`. */
  since?: number | string
  until?: number | string
}

/** A compiled filter. */
export interface LogFilter {
  /** Epoch ms; entries older are excluded (readers stop at the first older exact time). */
  readonly since: number | undefined
  readonly until: number | undefined
  readonly sources: readonly LogSourceName[]
  /** Level, grep and source; the time bounds are checked with `inTime`. */
  matches(entry: LogEntry): boolean
  inTime(at: number): boolean
  /**
   * A cheap test on the stored line before it is parsed: false only when the line cannot match the
   * pattern (its message is a substring of the line). Always true without a pattern, or for patterns
   * where that does not hold (anchors, escapes, quotes, lookbehind).
   */
  mayMatch(line: string): boolean
}

/** Patterns whose match in a message implies a match in the stored line that holds it. */
const LINE_SAFE = /^[^\\^$"]*$/

function compilePattern(grep: string, ignoreCase: boolean): RegExp {
  try {
    return new RegExp(grep, ignoreCase ? 'i' : '')
  } catch (error) {
    throw new DaemonError('OD_LOG_PATTERN_INVALID', grep, (error as Error).message)
  }
}

/**
 * Compiles the filter params; `now` resolves relative times.
 *
 * @throws {DaemonError} `OD_LOG_PATTERN_INVALID` for a bad regular expression, `OD_INVALID_DURATION`
 *   for a bad time.
 * @example
 * ```ts
 * import { compileLogFilter } from '@opendaemon/core'
 *
 * const filter = compileLogFilter({ grep: 'timeout', ignoreCase: true, level: 'warn' }, Date.now())
 * ```
 * @since 0.1.0
 */
export function compileLogFilter(params: LogFilterParams, now: number): LogFilter {
  const pattern = params.grep === undefined ? null : compilePattern(params.grep, params.ignoreCase === true)
  const minRank = params.level === undefined ? 0 : logLevelRank(params.level)
  const sources: readonly LogSourceName[] = params.sources ?? ['stdout', 'stderr']
  const since = params.since === undefined ? undefined : parseTimeBound(params.since, now)
  const until = params.until === undefined ? undefined : parseTimeBound(params.until, now)
  return {
    since,
    until,
    sources,
    matches: (entry) =>
      sources.includes(entry.source) &&
      logLevelRank(entry.level) >= minRank &&
      (pattern === null || pattern.test(entry.message)),
    inTime: (at) => (since === undefined || at >= since) && (until === undefined || at <= until),
    mayMatch:
      pattern === null || !LINE_SAFE.test(pattern.source) || pattern.source.includes('(?<')
        ? () => true
        : (line) => pattern.test(line),
  }
}
