import { lstat } from 'node:fs/promises'
import { DaemonError, removeStaleSocket, type Logger } from '@opendaemon/core'

/**
 * Makes `socketPath` free to bind: a dead daemon's socket (nobody answers) is removed; a socket
 * someone answers on is refused with `OD_SOCKET_IN_USE` and left alone; any other file there is
 * refused. Call it only while holding the daemon lock.
 *
 * @throws {DaemonError} `OD_SOCKET_IN_USE` or `OD_DAEMON_START_FAILED`.
 * @example
 * ```ts
 * import { createLogger } from '@opendaemon/core'
 * import { claimSocket } from '@opendaemon/daemon'
 *
 * await claimSocket('/tmp/od-demo/od.sock', createLogger())
 * ```
 * @since 0.1.0
 */
export async function claimSocket(socketPath: string, logger: Logger): Promise<void> {
  if (await removeStaleSocket(socketPath)) return logger.warn('removed a stale socket', { socketPath })
  const facts = await lstat(socketPath).catch(() => null)
  if (facts === null) return
  if (facts.isSocket()) throw new DaemonError('OD_SOCKET_IN_USE', socketPath)
  throw new DaemonError('OD_DAEMON_START_FAILED', `${socketPath} exists and is not a socket; remove it`)
}
