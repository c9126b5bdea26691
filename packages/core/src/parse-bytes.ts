import { DaemonError } from './errors/daemon-error.js'

const UNITS = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 } as const
const BYTES = /^(\d+(?:\.\d+)?|\.\d+)\s*(?:([kmgt])(?:i?b)?|b)?$/i

/**
 * Parses a size into bytes. K, M, G and T are binary (1024-based) and case-insensitive, with an
 * optional `B` or `iB` suffix; a bare number is bytes. The result is rounded to whole bytes.
 *
 * @throws {DaemonError} `OD_INVALID_BYTES` for negative, non-finite, empty or unparsable input.
 * @example
 * ```ts
 * import { parseBytes } from '@opendaemon/core'
 *
 * parseBytes('512M') // 536870912
 * parseBytes('1.5g') // 1610612736
 * parseBytes('100KiB') // 102400
 * parseBytes(2048) // 2048
 * ```
 * @since 0.1.0
 */
export function parseBytes(input: string | number): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) throw new DaemonError('OD_INVALID_BYTES', String(input))
    return Math.round(input)
  }
  const match = BYTES.exec(input.trim())
  if (match === null) throw new DaemonError('OD_INVALID_BYTES', input)
  const unit = (match[2] ?? '').toLowerCase() as keyof typeof UNITS
  const bytes = Math.round(Number(match[1]) * UNITS[unit])
  if (!Number.isSafeInteger(bytes)) throw new DaemonError('OD_INVALID_BYTES', input)
  return bytes
}

const DISPLAY_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const

/**
 * Formats bytes for display with 1024-based units and at most one decimal: `512 B`,
 * `1.5 KB`, `512 MB`. The output parses back with {@link parseBytes}.
 *
 * @example
 * ```ts
 * import { formatBytes } from '@opendaemon/core'
 *
 * formatBytes(1536) // '1.5 KB'
 * formatBytes(536870912) // '512 MB'
 * ```
 * @since 0.1.0
 */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1024 && unit < DISPLAY_UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const text = unit === 0 || value >= 100 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '')
  return `${text} ${DISPLAY_UNITS[unit]}`
}
