/**
 * Which rotated files retention deletes (SPECIFICATION.md §9.8): beyond `maxLogFiles` newest,
 * older than `maxAge`, or beyond `maxSize` in total (oldest first). Current files are never
 * candidates. Pure.
 */

/** A rotated file. */
export interface RotatedFile {
  path: string
  stampMs: number
  seq: number
  size: number
}

/** The limits of one stream file's rotated files. */
export interface RetentionPolicy {
  /** 0 = unlimited. */
  maxFiles: number
  maxAgeMs: number | null
  maxSize: number | null
}

/** Newest first: by stamp, then by collision counter. */
export function newestFirst(a: RotatedFile, b: RotatedFile): number {
  return b.stampMs - a.stampMs || b.seq - a.seq
}

/**
 * The files to delete.
 *
 * @example
 * ```ts
 * const f = (n: number) => ({ path: `/l/f${n}`, stampMs: n, seq: 0, size: 10 })
 * planRetention([f(1), f(2), f(3)], { maxFiles: 2, maxAgeMs: null, maxSize: null }, 4) // ['/l/f1']
 * ```
 */
export function planRetention(files: readonly RotatedFile[], policy: RetentionPolicy, now: number): string[] {
  const sorted = [...files].sort(newestFirst)
  const doomed: string[] = []
  let total = 0
  sorted.forEach((file, i) => {
    total += file.size
    const tooMany = policy.maxFiles > 0 && i >= policy.maxFiles
    const tooOld = policy.maxAgeMs !== null && now - file.stampMs > policy.maxAgeMs
    const tooBig = policy.maxSize !== null && total > policy.maxSize
    if (tooMany || tooOld || tooBig) doomed.push(file.path)
  })
  return doomed
}
