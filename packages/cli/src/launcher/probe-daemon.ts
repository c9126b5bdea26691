import { createConnection } from 'node:net'
import { DaemonError, FrameDecoder, FrameType, mapConnectError, parseAuthChallenge } from '@opendaemon/core/client'

/** What a daemon says about itself before authentication. */
export interface DaemonIdentity {
  /** Its pid, or `null` when it refused the connection (for example at `ipc.maxConnections`). */
  readonly pid: number | null
  readonly version: string | null
}

/**
 * Asks the socket whether a daemon answers, without authenticating: connect and read the first frame
 * (the challenge carries the daemon's pid and version). Cheap enough to run before every start.
 *
 * @returns The daemon's identity, or `null` when nothing listens (no socket file, or a stale one).
 * @throws {DaemonError} `OD_TIMEOUT` when something accepts but never speaks; `OD_CONNECTION_CLOSED`
 *   for other connect errors (`EACCES` …).
 * @example
 * ```ts
 * const running = await probeDaemon('/home/me/.opendaemon/od.sock')
 * if (running) console.log(`daemon ${running.pid} is up`)
 * ```
 */
export function probeDaemon(socketPath: string, timeoutMs = 2_000): Promise<DaemonIdentity | null> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath)
    const decoder = new FrameDecoder({ maxPayload: 64 * 1024 })
    const finish = (settle: () => void): void => {
      clearTimeout(timer)
      socket.destroy()
      settle()
    }
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new DaemonError('OD_TIMEOUT', `Waiting for an answer on ${socketPath}`, timeoutMs)),
        ),
      timeoutMs,
    )
    socket.on('error', (err: NodeJS.ErrnoException) => {
      const mapped = mapConnectError(err, socketPath)
      finish(() => (mapped.code === 'OD_DAEMON_NOT_RUNNING' ? resolve(null) : reject(mapped)))
    })
    socket.on('close', () => finish(() => resolve({ pid: null, version: null })))
    socket.on('data', (chunk: Buffer) => {
      let frames
      try {
        frames = decoder.push(chunk)
      } catch {
        // Something that is not a daemon (or a daemon of another protocol) answered: it is running.
        return finish(() => resolve({ pid: null, version: null }))
      }
      const [first] = frames
      if (first === undefined) return
      const challenge = first.type === FrameType.authChallenge ? parseAuthChallenge(first.payload) : null
      finish(() => resolve({ pid: challenge?.pid ?? null, version: challenge?.version ?? null }))
    })
  })
}
