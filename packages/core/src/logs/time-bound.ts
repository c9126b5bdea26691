import { DaemonError } from '../errors/daemon-error.js'
import { parseDuration } from '../parse-duration.js'

const EPOCH_MS = /^\d{13,}$/
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/**
 * Resolves a `--since`/`--until` time (§1.5) to epoch ms: a number is epoch ms; a string is epoch ms
 * (13+ digits), an ISO 8601 date or date-time (without a zone = local time), or a duration meaning
 * "that long before `now`".
 *
 * @throws {DaemonError} `OD_INVALID_DURATION` when the string is none of these.
 * @example
 * ```ts
 * import { parseTimeBound } from '@opendaemon/core'
 *
 * parseTimeBound('2h', Date.now()) // two hours ago
 * parseTimeBound('2026-11-22T03:00:00Z', 0) // 1763780400000
 * ```
 * @since 0.1.0
 */
export function parseTimeBound(input: number | string, now: number): number {
  if (typeof input === 'number') return input
  const text = input.trim()
  if (EPOCH_MS.test(text)) return Number(text)
  if (DATE_ONLY.test(text) || DATE_TIME.test(text)) {
    const at = Date.parse(DATE_ONLY.test(text) ? `${text}T00:00` : text)
    if (Number.isNaN(at)) throw new DaemonError('OD_INVALID_DURATION', input)
    return at
  }
  return now - parseDuration(text)
}
