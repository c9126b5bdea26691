/**
 * Params and results of the `log.*` read methods (SPECIFICATION.md §9.10, §28.6) and the payloads of
 * the `log`, `log.skipped` and `log.end` notifications of a log stream (§5.7).
 */
import type { LogEntry } from '../logs/log-entry.js'
import type { LogFilterParams } from '../logs/log-filter.js'

/** Which apps a log method reads (§28 `Selector`; omitted = every app). */
export interface LogSelector {
  target?: string | number
  namespace?: string
  tags?: string[]
  tagsAll?: string[]
}

/** `log.tail` / `log.search` params. */
export interface LogReadParams extends LogFilterParams {
  selector?: LogSelector
  /** Newest lines to return (default 20; 0–100 000). */
  lines?: number
}

/** `log.search` result. */
export interface LogSearchResult {
  /** Oldest first. */
  entries: LogEntry[]
  /** Files read (current and rotated). */
  scannedFiles: number
  /** True when older matches may exist beyond `lines`. */
  truncated: boolean
  /** Files that could not be read (`OD_LOG_READ_FAILED`), skipped. */
  warnings?: { code: 'OD_LOG_READ_FAILED'; message: string }[]
}

/** `log.stream` params. */
export interface LogStreamParams extends Omit<LogFilterParams, 'until'> {
  selector?: LogSelector
  /** History lines sent first (default 0). */
  lines?: number
  /** Keep streaming new lines after the history (default true). */
  follow?: boolean
  /** Only `json` is implemented. */
  format?: 'json'
}

/** `log` notification params: a batch of entries (≤ 1000 entries). */
export interface LogBatchNotification {
  stream: string
  entries: LogEntry[]
}

/** `log.skipped` notification params: lines this follower missed because it was slow. */
export interface LogSkippedNotification {
  stream: string
  skipped: number
}

/** Why a stream ended (`log.end`). */
export type LogEndReason = 'done' | 'unstreamed' | 'dropped' | 'shutdown' | 'deleted'

/** `log.end` notification params. */
export interface LogEndNotification {
  stream: string
  reason: LogEndReason
}
