/**
 * Timestamp formats of `logDateFormat` (SPECIFICATION.md §9.4): `iso`, `iso-local`, `unix`,
 * `unix-ms`, or a dayjs-style pattern in local time. Pure: the local UTC offset is a function of
 * the instant, injected so tests do not depend on the machine's time zone.
 */
import { DaemonError } from '@opendaemon/core'

/** Formats an epoch-ms instant. */
export type TimestampFormatter = (ms: number) => string

/** Minutes east of UTC at instant `ms` (`+60` for UTC+01:00). */
export type OffsetOf = (ms: number) => number

/** The machine's local offset. */
export const localOffset: OffsetOf = (ms) => -new Date(ms).getTimezoneOffset()

/** PM2's `time: true`. */
export const TIME_TRUE_FORMAT = 'YYYY-MM-DDTHH:mm:ss'

const TOKENS = /\[([^\]]*)\]|YYYY|YY|SSS|MM|M|DD|D|HH|H|mm|ss|ZZ|Z/g

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`
}

type Part = string | ((d: Date, offset: number) => string)

const TOKEN_FNS: Record<string, (d: Date, offset: number) => string> = {
  YYYY: (d) => pad(d.getUTCFullYear(), 4),
  YY: (d) => pad(d.getUTCFullYear() % 100),
  MM: (d) => pad(d.getUTCMonth() + 1),
  M: (d) => String(d.getUTCMonth() + 1),
  DD: (d) => pad(d.getUTCDate()),
  D: (d) => String(d.getUTCDate()),
  HH: (d) => pad(d.getUTCHours()),
  H: (d) => String(d.getUTCHours()),
  mm: (d) => pad(d.getUTCMinutes()),
  ss: (d) => pad(d.getUTCSeconds()),
  SSS: (d) => pad(d.getUTCMilliseconds(), 3),
  Z: (_d, offset) => offsetText(offset, true),
  ZZ: (_d, offset) => offsetText(offset, false),
}

function compilePattern(format: string): Part[] {
  const parts: Part[] = []
  let last = 0
  let tokens = 0
  for (const match of format.matchAll(TOKENS)) {
    const index = match.index
    if (index > last) parts.push(format.slice(last, index))
    const literal = match[1]
    if (literal !== undefined) parts.push(literal)
    else {
      parts.push(TOKEN_FNS[match[0]] as Part)
      tokens++
    }
    last = index + match[0].length
  }
  if (last < format.length) parts.push(format.slice(last))
  if (tokens === 0) throw new DaemonError('OD_LOG_DATE_FORMAT_INVALID', format)
  return parts
}

/**
 * Compiles a `logDateFormat` into a formatter.
 *
 * @throws {DaemonError} `OD_LOG_DATE_FORMAT_INVALID` when a pattern has no date token.
 * @example
 * ```ts
 * const fmt = compileDateFormat('YYYY-MM-DD HH:mm:ss Z', () => 60)
 * fmt(Date.UTC(2026, 10, 22, 3, 4, 5)) // '2026-11-22 04:04:05 +01:00'
 * ```
 */
export function compileDateFormat(format: string, offsetOf: OffsetOf = localOffset): TimestampFormatter {
  if (format === 'iso') return (ms) => new Date(ms).toISOString()
  if (format === 'unix') return (ms) => (ms / 1000).toFixed(3)
  if (format === 'unix-ms') return (ms) => String(ms)
  const parts = compilePattern(format === 'iso-local' ? 'YYYY-MM-DDTHH:mm:ss.SSSZ' : format)
  return (ms) => {
    const offset = offsetOf(ms)
    const local = new Date(ms + offset * 60_000)
    let out = ''
    for (const part of parts) out += typeof part === 'string' ? part : part(local, offset)
    return out
  }
}
