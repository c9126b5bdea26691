const UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
]

/**
 * A compact human duration with its two largest units: `450ms`, `12s`, `5m 10s`, `2d 3h`.
 *
 * @example
 * ```ts
 * formatDuration(310_000) // '5m 10s'
 * ```
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-'
  if (ms < 1000) return `${Math.floor(ms)}ms`
  const parts: string[] = []
  let left = Math.floor(ms)
  for (const [unit, size] of UNITS) {
    const count = Math.floor(left / size)
    left -= count * size
    if (count > 0 || parts.length > 0) parts.push(`${count}${unit}`)
  }
  return parts
    .slice(0, 2)
    .filter((p) => !p.startsWith('0'))
    .join(' ')
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB']

/**
 * Bytes in binary units with one decimal above KiB: `512B`, `1.5KiB`, `45.2MiB`.
 *
 * @example
 * ```ts
 * formatBytes(47_395_635) // '45.2MiB'
 * ```
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '-'
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 ? 0 : 1
  return `${value.toFixed(digits)}${BYTE_UNITS[unit]}`
}
