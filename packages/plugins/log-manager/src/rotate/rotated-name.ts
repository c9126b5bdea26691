/**
 * Names of rotated files (SPECIFICATION.md §9.8): `<base>__<YYYY-MM-DD_HH-mm-ss>.log` in local
 * time, `-1`, `-2` … on collision, `.gz` once compressed; a path without `.log` gets
 * `<path>__<stamp>`. The reader depends on these names. Pure.
 */
import { basename } from 'node:path'
import { compileDateFormat, localOffset, type OffsetOf } from '../format/timestamp-format.js'

/** A rotated file recognised by {@link parseRotatedName}. */
export interface RotatedName {
  /** Epoch ms of the stamp (local time, second precision). */
  stampMs: number
  /** Collision counter (0 for none). */
  seq: number
  compressed: boolean
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})_(\d{2})-(\d{2})-(\d{2})(?:-(\d+))?$/

/**
 * The stamp of a rotation at `ms`.
 *
 * @example
 * ```ts
 * rotationStamp(Date.UTC(2026, 10, 22, 3, 4, 5), () => 0) // '2026-11-22_03-04-05'
 * ```
 */
export function rotationStamp(ms: number, offsetOf: OffsetOf = localOffset): string {
  return compileDateFormat('YYYY-MM-DD_HH-mm-ss', offsetOf)(ms)
}

/**
 * The rotated name of `current` for a stamp and collision counter.
 *
 * @example
 * ```ts
 * rotatedName('/l/api-out.log', '2026-11-22_03-04-05', 0) // '/l/api-out__2026-11-22_03-04-05.log'
 * rotatedName('/l/api-out.log', '2026-11-22_03-04-05', 2) // '/l/api-out__2026-11-22_03-04-05-2.log'
 * ```
 */
export function rotatedName(current: string, stamp: string, seq: number): string {
  const suffix = seq === 0 ? '' : `-${seq}`
  return current.endsWith('.log')
    ? `${current.slice(0, -4)}__${stamp}${suffix}.log`
    : `${current}__${stamp}${suffix}`
}

/**
 * Recognises a rotated file of `current` by its file name (no directory), or returns null.
 *
 * @example
 * ```ts
 * parseRotatedName('/l/api-out.log', 'api-out__2026-11-22_03-04-05.log.gz', () => 0)
 * // { stampMs: 1763780645000, seq: 0, compressed: true }
 * ```
 */
export function parseRotatedName(
  current: string,
  file: string,
  offsetOf: OffsetOf = localOffset,
): RotatedName | null {
  const base = basename(current)
  const withLog = base.endsWith('.log')
  const stem = withLog ? base.slice(0, -4) : base
  if (!file.startsWith(`${stem}__`)) return null
  let rest = file.slice(stem.length + 2)
  const compressed = rest.endsWith('.gz')
  if (compressed) rest = rest.slice(0, -3)
  if (withLog) {
    if (!rest.endsWith('.log')) return null
    rest = rest.slice(0, -4)
  }
  const m = STAMP.exec(rest)
  if (m === null) return null
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s)
  return { stampMs: asUtc - offsetOf(asUtc) * 60_000, seq: m[7] === undefined ? 0 : Number(m[7]), compressed }
}
