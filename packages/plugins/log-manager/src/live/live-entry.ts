import { entryFromText, type LogEntry } from '@opendaemon/core'
import type { LiveLine } from './line-hub.js'

/**
 * The {@link LogEntry} of a live line (level inferred; `pid` is not known to the hub).
 *
 * @example
 * ```ts
 * liveEntry({ id: 0, name: 'api', instance: 0, source: 'stderr', at: Date.now(), message: 'boom' }).level // 'error'
 * ```
 */
export function liveEntry(line: LiveLine): LogEntry {
  const origin = { id: line.id, name: line.name, instance: line.instance, source: line.source }
  const entry = entryFromText(line.message, origin, line.at, null)
  if (line.partial === true) entry.partial = true
  if (line.cont === true) entry.cont = true
  return entry
}
