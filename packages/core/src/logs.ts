/**
 * @module @opendaemon/core/logs
 *
 * Reading log files: `LogEntry` and level inference, the backward line reader (the last lines of a
 * 1 GB file in a few block reads), stored-line parsing (raw, prefixed and JSON files), filters,
 * time bounds and the time-ordered merge. Used by the log-manager plugin and by `od daemon logs`,
 * which imports only this module (no kernel, no IPC).
 */
export {
  ENTRY_LEVELS,
  inferLogLevel,
  logLevelRank,
  parseJsonObjectLine,
  type EntryLevel,
  type LogEntry,
  type LogSourceName,
} from './logs/log-entry.js'
export { readLastLines, readLinesBackward, type ReverseReadOptions } from './logs/reverse-lines.js'
export {
  entryFromText,
  parseStoredLine,
  parseTimestampPrefix,
  type StoredLine,
  type StoredLineOrigin,
} from './logs/stored-line.js'
export { compileLogFilter, type LogFilter, type LogFilterParams } from './logs/log-filter.js'
export { parseTimeBound } from './logs/time-bound.js'
export { mergeEntries, type TimedEntry } from './logs/merge-entries.js'
