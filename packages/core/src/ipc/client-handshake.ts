/**
 * Client side of connection setup: open the socket (mapping "nobody there" to
 * `OD_DAEMON_NOT_RUNNING`) and wait for the daemon's challenge.
 */
import { createConnection, type Socket } from 'node:net'
import { DaemonError, daemonErrorFromWire, isErrorCode } from '../errors/daemon-error.js'
import { parseAuthChallenge, parseAuthResult, type AuthChallenge } from './auth-messages.js'
import type { Frame, FrameDecoder } from './frame-codec.js'
import { FrameType } from './frame-types.js'
import type { IpcClock } from './ipc-deps.js'

/**
 * Map a connect error: ENOENT and ECONNREFUSED mean no daemon listens on the path.
 *
 * @example
 * ```ts
 * import { mapConnectError } from '@opendaemon/core'
 *
 * const err = Object.assign(new Error('connect ENOENT'), { code: 'ENOENT' })
 * mapConnectError(err, '/home/me/.opendaemon/od.sock').code // 'OD_DAEMON_NOT_RUNNING'
 * ```
 * @since 0.1.0
 */
export function mapConnectError(err: NodeJS.ErrnoException, socketPath: string): DaemonError {
  if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED') {
    return new DaemonError('OD_DAEMON_NOT_RUNNING', socketPath, { cause: err })
  }
  return new DaemonError('OD_CONNECTION_CLOSED', `cannot connect to ${socketPath} (${err.message})`, {
    cause: err,
  })
}

/** Turn a refusal from the daemon (`{code, message}` of a 0x07 result) into a DaemonError. */
export function refusalError(error: { code: string; message: string }, tokenLabel: string): DaemonError {
  if (error.code === 'OD_AUTH_FAILED') {
    return new DaemonError('OD_AUTH_FAILED', tokenLabel, { data: { daemonMessage: error.message } })
  }
  if (isErrorCode(error.code)) return daemonErrorFromWire(error.code, error.message)
  return daemonErrorFromWire('OD_CONNECTION_CLOSED', error.message, { code: error.code })
}

function ignoreError(): void {
  // See openSocket: the following 'close' event reports the failure.
}

/** Connect to `socketPath` within `timeoutMs`. */
export function openSocket(socketPath: string, timeoutMs: number, clock: IpcClock): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath)
    const timer = clock.setTimeout(() => {
      socket.destroy()
      reject(new DaemonError('OD_TIMEOUT', `Connecting to ${socketPath}`, timeoutMs))
    }, timeoutMs)
    const onError = (err: NodeJS.ErrnoException): void => {
      clock.clearTimeout(timer)
      reject(mapConnectError(err, socketPath))
    }
    socket.once('error', onError)
    socket.once('connect', () => {
      clock.clearTimeout(timer)
      socket.off('error', onError)
      // From here on an 'error' is always followed by 'close', which the handshake and the client
      // handle; this listener only keeps an error in a gap between their listeners from crashing.
      socket.on('error', ignoreError)
      resolve(socket)
    })
  })
}

/** The challenge and any frames that arrived after it in the same chunk. */
export interface ChallengeReceived {
  challenge: AuthChallenge
  rest: Frame[]
}

function challengeFrom(frames: Frame[], tokenLabel: string): ChallengeReceived | DaemonError {
  const [first] = frames as [Frame, ...Frame[]]
  if (first.type === FrameType.authChallenge) {
    const challenge = parseAuthChallenge(first.payload)
    if (challenge) return { challenge, rest: frames.slice(1) }
    return new DaemonError('OD_BAD_FRAME', 'the auth challenge is not {"v":1,"nonce":<64 hex>,…}')
  }
  if (first.type === FrameType.authResponse) {
    const result = parseAuthResult(first.payload)
    if (result && !result.ok) return refusalError(result.error, tokenLabel)
  }
  return new DaemonError(
    'OD_BAD_FRAME',
    `expected an auth challenge (0x06), got a frame of type ${first.type}`,
  )
}

/**
 * Wait for the first frame, which must be the challenge. A refusal (0x07 with `ok: false`, for
 * example when the daemon is at `ipc.maxConnections`) rejects with the daemon's error.
 */
export function readChallenge(
  socket: Socket,
  decoder: FrameDecoder,
  timeoutMs: number,
  clock: IpcClock,
  tokenLabel: string,
): Promise<ChallengeReceived> {
  return new Promise((resolve, reject) => {
    const finish = (outcome: ChallengeReceived | DaemonError): void => {
      clock.clearTimeout(timer)
      // Paused until the client attaches its own 'data' listener, so no frame is lost in between.
      socket.pause()
      socket.off('data', onData)
      socket.off('close', onClose)
      if (outcome instanceof DaemonError) reject(outcome)
      else resolve(outcome)
    }
    const onData = (chunk: Buffer): void => {
      let frames: Frame[]
      try {
        frames = decoder.push(chunk)
      } catch (err) {
        return finish(err as DaemonError)
      }
      if (frames.length > 0) finish(challengeFrom(frames, tokenLabel))
    }
    const onClose = (): void =>
      finish(
        new DaemonError(
          'OD_CONNECTION_CLOSED',
          'the daemon closed the connection before sending its challenge',
        ),
      )
    const timer = clock.setTimeout(() => {
      socket.destroy()
      finish(new DaemonError('OD_TIMEOUT', "Waiting for the daemon's auth challenge", timeoutMs))
    }, timeoutMs)
    socket.on('data', onData)
    socket.once('close', onClose)
  })
}
