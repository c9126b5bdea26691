/**
 * When and how `daemon.log` rotates: pure decisions, applied by `log-file.ts`.
 */

/**
 * True when appending `incomingBytes` to a file of `sizeBytes` would pass `maxBytes`. An empty
 * file never rotates, so one oversized line is still written.
 *
 * @example
 * ```ts
 * import { shouldRotate } from '@opendaemon/daemon'
 *
 * shouldRotate(10 * 1024 * 1024 - 10, 100, 10 * 1024 * 1024) // true
 * ```
 * @since 0.1.0
 */
export function shouldRotate(sizeBytes: number, incomingBytes: number, maxBytes: number): boolean {
  return sizeBytes > 0 && sizeBytes + incomingBytes > maxBytes
}

/**
 * The renames of one rotation, oldest first: with `keep` 3, `.2 → .3`, `.1 → .2`, `file → .1`
 * (whatever was in `.3` is replaced). `keep` 0 means no copies: the file itself is dropped.
 *
 * @example
 * ```ts
 * import { rotationRenames } from '@opendaemon/daemon'
 *
 * rotationRenames('/h/daemon.log', 2)
 * // [['/h/daemon.log.1', '/h/daemon.log.2'], ['/h/daemon.log', '/h/daemon.log.1']]
 * ```
 * @since 0.1.0
 */
export function rotationRenames(path: string, keep: number): [from: string, to: string | null][] {
  if (keep < 1) return [[path, null]]
  const renames: [string, string | null][] = []
  for (let n = keep - 1; n >= 1; n--) renames.push([`${path}.${n}`, `${path}.${n + 1}`])
  renames.push([path, `${path}.1`])
  return renames
}
