import type { LogEntry } from './log-entry.js'

/** An entry with its time in epoch ms. */
export interface TimedEntry {
  readonly at: number
  readonly entry: LogEntry
}

/**
 * Merges per-file (or per-app) lists, each oldest first, into one list in time order; entries with the
 * same time keep their list order (earlier lists first), so lines of one file never swap. Keeps the
 * newest `limit` entries when given.
 *
 * @example
 * ```ts
 * import { mergeEntries } from '@opendaemon/core'
 *
 * const merged = mergeEntries([apiEntries, workerEntries], 100)
 * ```
 * @since 0.1.0
 */
export function mergeEntries(lists: readonly (readonly TimedEntry[])[], limit = Infinity): TimedEntry[] {
  const all = lists.flat()
  // Array.prototype.sort is stable: equal times keep the concatenation order.
  all.sort((a, b) => a.at - b.at)
  return limit >= all.length ? all : all.slice(all.length - limit)
}
