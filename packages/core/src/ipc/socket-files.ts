/**
 * The Unix socket on disk, daemon side: a private directory, owner-only socket creation, and
 * stale-socket removal (path-length checks, shared with clients, are in `socket-path.ts`).
 */
import { chmod, lstat, mkdir, rm, stat } from 'node:fs/promises'
import { createConnection, type Server } from 'node:net'
import { DaemonError } from '../errors/daemon-error.js'
import { currentUid } from './current-uid.js'
import { judgeSocketDir } from './file-ownership.js'

/**
 * Create the socket's directory with mode 0700 if missing; if it exists, check that this user owns
 * it and remove group/other permission bits (see {@link judgeSocketDir}).
 *
 * @throws {DaemonError} `OD_HOME_UNUSABLE` when the directory belongs to someone else, is not a
 *   directory, or is a shared sticky directory such as /tmp.
 * @example
 * ```ts
 * import { prepareSocketDir } from '@opendaemon/core'
 *
 * await prepareSocketDir('/home/me/.opendaemon')
 * ```
 * @since 0.1.0
 */
export async function prepareSocketDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const stats = await stat(dir)
  const facts = { mode: stats.mode, uid: stats.uid, isDirectory: stats.isDirectory(), isFile: stats.isFile() }
  const verdict = judgeSocketDir(facts, currentUid(stats.uid))
  if (verdict.action === 'refuse') throw new DaemonError('OD_HOME_UNUSABLE', dir, verdict.reason)
  if (verdict.action === 'chmod') await chmod(dir, 0o700)
}

/**
 * Bind `server` to `socketPath` so the socket file is born with mode 0600: the process umask is
 * tightened only for the synchronous bind (no window where the file is wider), then restored; a
 * chmod follows as a second guard. The directory must already be prepared.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:net'
 * import { listenPrivate } from '@opendaemon/core'
 *
 * await listenPrivate(createServer(), '/home/me/.opendaemon/od.sock')
 * ```
 * @since 0.1.0
 */
export async function listenPrivate(server: Server, socketPath: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error): void => reject(err)
    server.once('error', onError)
    const previous = process.umask(0o177)
    try {
      server.listen(socketPath, () => {
        server.off('error', onError)
        resolve()
      })
    } finally {
      process.umask(previous)
    }
  })
  await chmod(socketPath, 0o600)
}

/**
 * Unlink `socketPath` only if it is a socket nobody answers on (`ECONNREFUSED`). A live socket, a
 * missing path, or a path that is not a socket is left alone. The caller must hold the daemon lock,
 * so no other daemon can be binding the path at the same time.
 *
 * @returns true when a stale socket was removed.
 * @example
 * ```ts
 * import { removeStaleSocket } from '@opendaemon/core'
 *
 * const removed = await removeStaleSocket('/home/me/.opendaemon/od.sock')
 * ```
 * @since 0.1.0
 */
export async function removeStaleSocket(socketPath: string): Promise<boolean> {
  try {
    if (!(await lstat(socketPath)).isSocket()) return false
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw err
  }
  const code = await probeSocket(socketPath)
  if (code === 'ECONNREFUSED') {
    await rm(socketPath, { force: true })
    return true
  }
  return false
}

/** Try to connect: resolves 'live' when something accepts, else the error code. */
function probeSocket(socketPath: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath)
    socket.once('connect', () => {
      socket.destroy()
      resolve('live')
    })
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(String(err.code)))
  })
}
