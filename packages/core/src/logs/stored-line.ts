/**
 * Turning a line read back from a log file into a {@link LogEntry}: JSON files hold entries (§9.3),
 * prefixed files start each line with a timestamp and `: ` (§9.4), raw files hold the bytes as
 * written (their lines get the file's time).
 */
import {
  inferLogLevel,
  ENTRY_LEVELS,
  parseJsonObjectLine,
  type LogEntry,
  type EntryLevel,
  type LogSourceName,
} from './log-entry.js'

/** Which instance and stream a file belongs to. */
export interface StoredLineOrigin {
  id: number
  name: string
  instance: number
  source: LogSourceName
  namespace?: string
  /** Epoch ms used for lines without their own time (raw files): the file's mtime or rotation stamp. */
  fileTime: number
}

/** A parsed line: the entry, its time in epoch ms, and whether that time is the line's own. */
export interface StoredLine {
  entry: LogEntry
  at: number
  exact: boolean
}

const ISO_PREFIX = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?: /
const UNIX_PREFIX = /^(\d{10}(?:\.\d{1,3})?|\d{13}): /
const CONT_MARK = '[od:cont] '

function zone(text: string | undefined): string {
  if (text === undefined || text === 'Z') return text ?? ''
  return text.length === 5 ? `${text.slice(0, 3)}:${text.slice(3)}` : text
}

/**
 * Reads the timestamp prefix of a prefixed line (`iso`, `iso-local`, `unix`, `unix-ms`, `time: true`
 * and `YYYY-MM-DD HH:mm:ss`-like patterns). Returns the time and the length of the prefix, or `null`.
 *
 * @example
 * ```ts
 * import { parseTimestampPrefix } from '@opendaemon/core'
 *
 * parseTimestampPrefix('2026-11-22T03:04:05.123Z: ready') // { at: 1763780645123, length: 26 }
 * ```
 * @since 0.1.0
 */
export function parseTimestampPrefix(line: string): { at: number; length: number } | null {
  const iso = ISO_PREFIX.exec(line)
  if (iso !== null) {
    const at = Date.parse(`${iso[1] as string}T${iso[2] as string}${zone(iso[3])}`)
    return Number.isNaN(at) ? null : { at, length: iso[0].length }
  }
  const unix = UNIX_PREFIX.exec(line)
  if (unix === null) return null
  const digits = unix[1] as string
  const at = digits.length === 13 ? Number(digits) : Math.round(Number(digits) * 1000)
  return { at, length: unix[0].length }
}

function storedEntry(object: Record<string, unknown>, origin: StoredLineOrigin): StoredLine | null {
  const { timestamp, message, source, level } = object
  if (typeof timestamp !== 'string' || typeof message !== 'string') return null
  if (source !== 'stdout' && source !== 'stderr') return null
  const at = Date.parse(timestamp)
  if (Number.isNaN(at)) return null
  const known = ENTRY_LEVELS.includes(level as EntryLevel) ? (level as EntryLevel) : undefined
  const metadata = object['metadata']
  const entry: LogEntry = {
    ...(object as unknown as LogEntry),
    timestamp: new Date(at).toISOString(),
    level: known ?? inferLogLevel(message, source, null),
    pid: typeof object['pid'] === 'number' ? object['pid'] : null,
    processName: typeof object['processName'] === 'string' ? object['processName'] : origin.name,
    instanceId: typeof object['instanceId'] === 'number' ? object['instanceId'] : origin.instance,
    id: typeof object['id'] === 'number' ? object['id'] : origin.id,
    message,
    source,
    metadata:
      typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : null,
  }
  return { entry, at, exact: true }
}

/**
 * Builds the entry of a live or raw line: level inferred; for a JSON-object line `metadata` is the
 * object and `message` its `msg`/`message` field (§9.3).
 *
 * @example
 * ```ts
 * import { entryFromText } from '@opendaemon/core'
 *
 * entryFromText('[WARN] slow', { id: 0, name: 'api', instance: 0, source: 'stdout' }, 1763780645123, null)
 * ```
 * @since 0.1.0
 */
export function entryFromText(
  message: string,
  origin: Omit<StoredLineOrigin, 'fileTime'>,
  at: number,
  pid: number | null,
): LogEntry {
  const object = parseJsonObjectLine(message)
  const field = object === null ? undefined : (object['msg'] ?? object['message'])
  const entry: LogEntry = {
    timestamp: new Date(at).toISOString(),
    level: inferLogLevel(message, origin.source, object),
    pid,
    processName: origin.name,
    instanceId: origin.instance,
    id: origin.id,
    message: typeof field === 'string' ? field : message,
    source: origin.source,
    metadata: object,
  }
  if (origin.namespace !== undefined) entry.namespace = origin.namespace
  return entry
}

/**
 * Parses one stored line of any storage mode (§9.2) into an entry.
 *
 * @example
 * ```ts
 * import { parseStoredLine } from '@opendaemon/core'
 *
 * const origin = { id: 0, name: 'api', instance: 0, source: 'stdout', fileTime: Date.now() } as const
 * parseStoredLine('2026-11-22T03:04:05.123Z: [od:cont] tail of a long line', origin).entry.cont // true
 * ```
 * @since 0.1.0
 */
export function parseStoredLine(line: string, origin: StoredLineOrigin): StoredLine {
  const object = parseJsonObjectLine(line)
  const stored = object === null ? null : storedEntry(object, origin)
  if (stored !== null) return stored
  const prefix = parseTimestampPrefix(line)
  if (prefix === null) {
    return { entry: entryFromText(line, origin, origin.fileTime, null), at: origin.fileTime, exact: false }
  }
  let message = line.slice(prefix.length)
  const cont = message.startsWith(CONT_MARK)
  if (cont) message = message.slice(CONT_MARK.length)
  const entry = entryFromText(message, origin, prefix.at, null)
  if (cont) entry.cont = true
  return { entry, at: prefix.at, exact: true }
}
