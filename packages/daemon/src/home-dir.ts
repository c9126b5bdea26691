/**
 * Checking (and creating) OD_HOME before the daemon writes anything into it (SPECIFICATION.md §2.4).
 */
import { constants } from 'node:fs'
import { access, chmod, lstat, mkdir } from 'node:fs/promises'
import { DaemonError } from '@opendaemon/core'
import { currentUid } from './file-trust.js'

/** What `lstat` says about an existing OD_HOME. */
export interface HomeFacts {
  isDirectory: boolean
  isSymbolicLink: boolean
  uid: number
  mode: number
}

/** What to do with OD_HOME. */
export type HomeVerdict =
  { action: 'use'; warning: DaemonError | null } | { action: 'refuse'; error: DaemonError }

const octal = (mode: number) => (mode & 0o7777).toString(8).padStart(4, '0')

/**
 * Decides whether an existing OD_HOME can be used by user `uid`: it must be a real directory (not
 * a symlink), owned by `uid` (root may use any), and not group/world-writable. Group/world
 * readable is allowed with a warning (the files inside are 0600 anyway). OD never chmods an
 * existing home itself.
 *
 * @example
 * ```ts
 * import { judgeHome } from '@opendaemon/daemon'
 *
 * judgeHome('/home/me/.opendaemon', { isDirectory: true, isSymbolicLink: false, uid: 1000, mode: 0o40700 }, 1000)
 * // { action: 'use', warning: null }
 * ```
 * @since 0.1.0
 */
export function judgeHome(home: string, facts: HomeFacts, uid: number): HomeVerdict {
  const refuse = (error: DaemonError): HomeVerdict => ({ action: 'refuse', error })
  if (facts.isSymbolicLink)
    return refuse(new DaemonError('OD_HOME_UNUSABLE', home, 'it is a symlink; use the real path'))
  if (!facts.isDirectory) return refuse(new DaemonError('OD_HOME_UNUSABLE', home, 'it is not a directory'))
  if (uid !== 0 && facts.uid !== uid) {
    return refuse(
      new DaemonError('OD_HOME_UNUSABLE', home, `it is owned by uid ${facts.uid}, not by you (uid ${uid})`),
    )
  }
  if ((facts.mode & 0o022) !== 0) {
    const detail = `mode ${octal(facts.mode)} lets other users replace the socket and the state`
    return refuse(new DaemonError('OD_HOME_INSECURE', home, detail, `chmod 700 ${home}`))
  }
  if ((facts.mode & 0o055) !== 0) {
    const detail = `mode ${octal(facts.mode)} lets other users list it (the files inside stay private)`
    return { action: 'use', warning: new DaemonError('OD_HOME_INSECURE', home, detail, `chmod 700 ${home}`) }
  }
  return { action: 'use', warning: null }
}

/**
 * Creates OD_HOME with mode 0700 (parents too) when it is missing, then checks it with
 * {@link judgeHome} and that it is writable.
 *
 * @returns A warning (`OD_HOME_INSECURE`) to log and report in `daemon.status`, or `null`.
 * @throws {DaemonError} `OD_HOME_UNUSABLE` or `OD_HOME_INSECURE`.
 * @example
 * ```ts
 * import { prepareHome } from '@opendaemon/daemon'
 *
 * const warning = await prepareHome('/tmp/od-demo')
 * ```
 * @since 0.1.0
 */
export async function prepareHome(home: string, uid: number = currentUid()): Promise<DaemonError | null> {
  try {
    const created = await mkdir(home, { recursive: true, mode: 0o700 })
    // The umask may have narrowed the mode of what we just created; widen it back to exactly 0700.
    if (created !== undefined) await chmod(home, 0o700)
  } catch (error) {
    // EEXIST (a file or a dangling symlink in the way) and ENOTDIR are judged below from lstat.
    if (!isCode(error, 'EEXIST') && !isCode(error, 'ENOTDIR')) throw unusable(home, error)
  }
  const facts = await lstat(home).catch((error: unknown) => {
    throw unusable(home, error)
  })
  const verdict = judgeHome(
    home,
    {
      isDirectory: facts.isDirectory(),
      isSymbolicLink: facts.isSymbolicLink(),
      uid: facts.uid,
      mode: facts.mode,
    },
    uid,
  )
  if (verdict.action === 'refuse') throw verdict.error
  await access(home, constants.W_OK).catch(() => {
    throw new DaemonError('OD_HOME_UNUSABLE', home, 'it is not writable')
  })
  return verdict.warning
}

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException).code === code
}

function unusable(home: string, error: unknown): DaemonError {
  // Node's fs messages start with the code: "ENAMETOOLONG: name too long, mkdir '…'".
  return new DaemonError('OD_HOME_UNUSABLE', home, (error as Error).message, { cause: error })
}
