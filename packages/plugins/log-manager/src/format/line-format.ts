/**
 * Turning framed lines into the bytes of a prefixed or json file (SPECIFICATION.md §9.2). Raw mode
 * never comes here. Pure: the caller passes the capture time.
 */
import type { FramedLine } from './line-framer.js'
import { toLogEntry, type EntrySource } from './log-entry.js'
import type { TimestampFormatter } from './timestamp-format.js'

/** How lines are stored. */
export type LineFormat = { kind: 'prefixed'; stamp: TimestampFormatter } | { kind: 'json' }

const NL = Buffer.from('\n')
const CONT = Buffer.from('[od:cont] ')

/**
 * The file bytes of a batch of lines read together (they share one timestamp).
 *
 * @example
 * ```ts
 * const lines = [{ bytes: Buffer.from('hi'), partial: false, cont: false }]
 * formatLines(lines, { kind: 'prefixed', stamp: () => 'T' }, src, 0).toString() // 'T: hi\n'
 * ```
 */
export function formatLines(
  lines: readonly FramedLine[],
  format: LineFormat,
  src: EntrySource,
  at: number,
): Buffer {
  const parts: Buffer[] = []
  if (format.kind === 'prefixed') {
    const prefix = Buffer.from(`${format.stamp(at)}: `)
    for (const line of lines) {
      parts.push(prefix)
      if (line.cont) parts.push(CONT)
      parts.push(line.bytes, NL)
    }
  } else {
    const timestamp = new Date(at).toISOString()
    for (const line of lines) parts.push(Buffer.from(`${JSON.stringify(toLogEntry(line, src, timestamp))}\n`))
  }
  return Buffer.concat(parts)
}
