import { DaemonError } from './errors/daemon-error.js'

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const
type Unit = keyof typeof UNIT_MS
const UNIT_ORDER: readonly Unit[] = ['d', 'h', 'm', 's', 'ms']
const PART = /(\d+(?:\.\d+)?)(ms|d|h|m|s)/y
const PLAIN = /^\d+(?:\.\d+)?$/

function parseParts(text: string, input: string): number {
  let total = 0
  let lastRank = -1
  let index = 0
  while (index < text.length) {
    PART.lastIndex = index
    const match = PART.exec(text)
    if (match === null) throw new DaemonError('OD_INVALID_DURATION', input)
    const unit = match[2] as Unit
    const rank = UNIT_ORDER.indexOf(unit)
    // Units must go from largest to smallest, each at most once: "1m30s", never "30s1m".
    if (rank <= lastRank) throw new DaemonError('OD_INVALID_DURATION', input)
    lastRank = rank
    total += Number(match[1]) * UNIT_MS[unit]
    index = PART.lastIndex
  }
  return total
}

/**
 * Parses a duration into milliseconds. A plain number (or numeric string) is milliseconds;
 * otherwise a sequence of `<number><unit>` parts with units `d`, `h`, `m`, `s`, `ms` (lowercase,
 * largest first, each once), as in `500ms`, `5s`, `1m30s`, `2h`, `1d`. Rounded to whole ms.
 *
 * @throws {DaemonError} `OD_INVALID_DURATION` for empty, negative or unparsable input (`abc`, `5x`, `-1`).
 * @example
 * ```ts
 * import { parseDuration } from '@opendaemon/core'
 *
 * parseDuration('1m30s') // 90000
 * parseDuration('500') // 500
 * parseDuration(250) // 250
 * ```
 * @since 0.1.0
 */
export function parseDuration(input: string | number): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) throw new DaemonError('OD_INVALID_DURATION', String(input))
    return Math.round(input)
  }
  const text = input.trim()
  if (text === '') throw new DaemonError('OD_INVALID_DURATION', input)
  const ms = Math.round(PLAIN.test(text) ? Number(text) : parseParts(text, input))
  if (!Number.isSafeInteger(ms)) throw new DaemonError('OD_INVALID_DURATION', input)
  return ms
}

/**
 * Formats milliseconds for display, compactly and parseably by {@link parseDuration}: below a
 * second `250ms`, below a minute seconds with one decimal (`1.5s`), otherwise the two largest
 * whole units (`1m30s`, `2h5m`, `3d4h`).
 *
 * @example
 * ```ts
 * import { formatDuration } from '@opendaemon/core'
 *
 * formatDuration(90_000) // '1m30s'
 * formatDuration(1_500) // '1.5s'
 * ```
 * @since 0.1.0
 */
export function formatDuration(ms: number): string {
  const value = Math.max(0, Math.round(ms))
  if (value < 1_000) return `${value}ms`
  if (value < 60_000) return `${(Math.floor(value / 100) / 10).toString()}s`
  const parts: string[] = []
  let rest = value
  for (const unit of UNIT_ORDER.slice(0, 4)) {
    const count = Math.floor(rest / UNIT_MS[unit])
    rest -= count * UNIT_MS[unit]
    if (count > 0 || parts.length > 0) parts.push(`${count}${unit}`)
  }
  return parts
    .slice(0, 2)
    .filter((part) => !part.startsWith('0'))
    .join('')
}
