/**
 * The `LogEntry` of json mode (SPECIFICATION.md §9.3): one JSON object per line. A line that is a
 * JSON object keeps every field in `metadata`; a line that is not valid UTF-8 is stored as base64.
 * Pure.
 */
import { inferLogLevel, parseJsonObjectLine, type LogEntry } from '@opendaemon/core'
import { isUtf8 } from 'node:buffer'
import type { FramedLine } from './line-framer.js'

/** Who wrote a line. */
export interface EntrySource {
  pid: number
  processName: string
  instanceId: number
  id: number
  namespace: string
  source: 'stdout' | 'stderr'
}

function messageOf(text: string, obj: Record<string, unknown> | null): string {
  if (obj === null) return text
  const msg = obj['msg'] ?? obj['message']
  return typeof msg === 'string' ? msg : text
}

/**
 * Builds the entry of one framed line.
 *
 * @param timestamp - ISO 8601 time the daemon read the chunk that completed the line.
 * @example
 * ```ts
 * const line = { bytes: Buffer.from('{"level":"warn","msg":"slow"}'), partial: false, cont: false }
 * const src = { pid: 1, processName: 'api', instanceId: 0, id: 0, namespace: 'default', source: 'stdout' } as const
 * toLogEntry(line, src, '2026-11-22T03:04:05.123Z').level // 'warn'
 * ```
 */
export function toLogEntry(line: FramedLine, src: EntrySource, timestamp: string): LogEntry {
  let bytes = line.bytes
  if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1)
  const utf8 = isUtf8(bytes)
  const text = utf8 ? bytes.toString('utf8') : bytes.toString('base64')
  const obj = utf8 ? parseJsonObjectLine(text) : null
  const entry: LogEntry = {
    timestamp,
    level: inferLogLevel(utf8 ? text : '', src.source, obj),
    pid: src.pid,
    processName: src.processName,
    instanceId: src.instanceId,
    id: src.id,
    namespace: src.namespace,
    message: messageOf(text, obj),
    source: src.source,
    metadata: obj,
  }
  if (line.partial) entry.partial = true
  if (line.cont) entry.cont = true
  if (!utf8) entry.encoding = 'base64'
  return entry
}
