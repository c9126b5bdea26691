/**
 * Whether the daemon may trust a file it reads configuration or code from (`config.json`, user
 * plugin modules): only its own user (or root) may be able to change it.
 */

/**
 * Why a file with this owner and mode must not be trusted by user `uid`, or `null` when it can be.
 *
 * @example
 * ```ts
 * import { untrustedFileReason } from '@opendaemon/daemon'
 *
 * untrustedFileReason({ uid: 1000, mode: 0o100666 }, 1000) // 'mode 0666 lets other users change it'
 * ```
 * @since 0.1.0
 */
export function untrustedFileReason(facts: { uid: number; mode: number }, uid: number): string | null {
  if (facts.uid !== uid && facts.uid !== 0)
    return `it is owned by uid ${facts.uid}, not by you (uid ${uid}) or root`
  if ((facts.mode & 0o022) !== 0) {
    return `mode ${(facts.mode & 0o7777).toString(8).padStart(4, '0')} lets other users change it`
  }
  return null
}

/** The uid of this process. */
export function currentUid(): number {
  /* v8 ignore next -- process.getuid is missing only on Windows, where the daemon does not run */
  return process.getuid?.() ?? 0
}
