/**
 * The marker line written after a write failure that lost bytes (SPECIFICATION.md §9.6). Pure.
 */
import { compileDateFormat, localOffset, type OffsetOf } from '../format/timestamp-format.js'

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EIO: 'I/O error',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
}

/**
 * `[od] 12582912 bytes of output were lost between 03:04:05 and 03:10:00: ENOSPC (disk full)`.
 *
 * @example
 * ```ts
 * lostMarker(10, Date.UTC(2026, 0, 1, 3, 4, 5), Date.UTC(2026, 0, 1, 3, 10), 'ENOSPC', () => 0).toString()
 * // '[od] 10 bytes of output were lost between 03:04:05 and 03:10:00: ENOSPC (disk full)\n'
 * ```
 */
export function lostMarker(
  bytes: number,
  from: number,
  to: number,
  errno: string,
  offsetOf: OffsetOf = localOffset,
): Buffer {
  const hms = compileDateFormat('HH:mm:ss', offsetOf)
  const why = DESCRIPTIONS[errno]
  const reason = why === undefined ? errno : `${errno} (${why})`
  return Buffer.from(
    `[od] ${bytes} bytes of output were lost between ${hms(from)} and ${hms(to)}: ${reason}\n`,
  )
}
