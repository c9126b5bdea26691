/**
 * Pure checks of the files that guard the daemon: the socket directory and the token file. The
 * edges pass in `fs.Stats`-like facts and the current uid, so the rules are tested without root.
 */

/** The facts of `fs.stat`/`fs.lstat` the checks look at. */
export interface FileFacts {
  mode: number
  uid: number
  isDirectory: boolean
  isFile: boolean
}

/** What to do with the socket directory. */
export type SocketDirVerdict = { action: 'ok' } | { action: 'chmod' } | { action: 'refuse'; reason: string }

function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0')
}

/**
 * Decide whether the socket directory is private. It must be a directory owned by `uid`; group or
 * other permission bits are removed (`chmod`), except on a sticky directory such as /tmp, which is
 * shared by design and is refused instead of being locked down for everybody.
 *
 * @example
 * ```ts
 * import { judgeSocketDir } from '@opendaemon/core'
 *
 * judgeSocketDir({ mode: 0o40755, uid: 1000, isDirectory: true, isFile: false }, 1000) // { action: 'chmod' }
 * ```
 * @since 0.1.0
 */
export function judgeSocketDir(facts: FileFacts, uid: number): SocketDirVerdict {
  if (!facts.isDirectory) return { action: 'refuse', reason: 'it is not a directory' }
  if (facts.uid !== uid) return { action: 'refuse', reason: `it is owned by uid ${facts.uid}, not ${uid}` }
  if ((facts.mode & 0o077) === 0) return { action: 'ok' }
  if ((facts.mode & 0o1000) !== 0) {
    return {
      action: 'refuse',
      reason: `it is a shared sticky directory (mode ${octal(facts.mode)}); put the socket in a private directory`,
    }
  }
  return { action: 'chmod' }
}

/**
 * Why an existing token file must be replaced, or null when it can be reused as is: it must be a
 * regular file (not a symlink), owned by `uid`, with no group or other permission bits.
 *
 * @example
 * ```ts
 * import { tokenFileProblem } from '@opendaemon/core'
 *
 * tokenFileProblem({ mode: 0o100644, uid: 1000, isDirectory: false, isFile: true }, 1000)
 * // 'mode 0644 lets other users read it'
 * ```
 * @since 0.1.0
 */
export function tokenFileProblem(facts: FileFacts, uid: number): string | null {
  if (!facts.isFile) return 'not a regular file'
  if (facts.uid !== uid) return `owned by uid ${facts.uid}, not ${uid}`
  if ((facts.mode & 0o077) !== 0) return `mode ${octal(facts.mode)} lets other users read it`
  return null
}
