import type { Socket } from 'node:net'
import { DaemonError } from '../errors/daemon-error.js'
import { generateNonce, verifyHmac } from './auth.js'
import type { IpcClientInfo } from '../events.js'
import { encodeAuthChallenge, encodeAuthResult, parseAuthAnswer } from './auth-messages.js'
import {
  nextDeadline,
  expiredDeadline,
  type DeadlineKind,
  type DeadlineState,
} from './connection-deadlines.js'
import { encodeFrame, FrameDecoder, type Frame } from './frame-codec.js'
import { FrameType, Heartbeat } from './frame-types.js'
import type { IpcClock, IpcLogger } from './ipc-deps.js'
import type { IpcLimits } from './ipc-limits.js'
import { errorResponse } from './jsonrpc.js'
import { encodeLogStreamFrame } from './log-stream-payload.js'
import {
  createRequestHandler,
  type IpcDispatch,
  type IpcRequestContext,
  type RequestHandler,
} from './request-handler.js'
import { createTokenBucket } from './token-bucket.js'

/** Why a server-side connection ended. */
export type DisconnectReason =
  | 'client-closed'
  | 'auth-failed'
  | 'auth-timeout'
  | 'frame-timeout'
  | 'idle-timeout'
  | 'bad-frame'
  | 'frame-too-large'
  | 'write-buffer-full'
  | 'server-closed'

/** A snapshot of one connection, for `daemon.status` and logs. */
export interface IpcConnectionInfo {
  id: string
  authenticated: boolean
  client: IpcClientInfo | null
  connectedAt: number
  lastFrameAt: number
  inFlight: number
  queuedBytes: number
}

/** What one server-side connection needs from its server. */
export interface ServerConnectionDeps {
  id: string
  socket: Socket
  token: string
  tokenPath: string
  daemonVersion: string
  pid: number
  limits: IpcLimits
  clock: IpcClock
  logger: IpcLogger
  dispatch: IpcDispatch
  /** Non-null while the server drains: new requests get this error. */
  refusal(): DaemonError | null
  onAuthenticated(conn: ServerConnection): void
  onAuthFailed(conn: ServerConnection, reason: string): void
  onClosed(conn: ServerConnection, reason: DisconnectReason): void
}

/** One accepted socket, from challenge to close. */
export interface ServerConnection {
  readonly id: string
  info(): IpcConnectionInfo
  /** Write a ready frame; false when the connection is unauthenticated, closing or was just dropped. */
  sendFrame(frame: Buffer): boolean
  /** JSON-RPC notification (0x03); false when not sent. */
  notify(method: string, params: unknown): boolean
  /** End the connection gracefully (buffered bytes are flushed for up to `closeGraceMs`). */
  end(reason: DisconnectReason): void
  /** Resolves when no dispatch is running on this connection. */
  whenIdle(): Promise<void>
}

/**
 * End `socket` after flushing what was written, destroying it once flushed or after `graceMs` for a
 * peer that does not read.
 */
export function endGracefully(socket: Socket, clock: IpcClock, graceMs: number, last?: Buffer): void {
  const timer = clock.setTimeout(() => socket.destroy(), graceMs)
  socket.once('close', () => clock.clearTimeout(timer))
  socket.once('finish', () => socket.destroy())
  if (last) socket.end(last)
  else socket.end()
}

const AUTH_OK = encodeFrame(FrameType.authResponse, encodeAuthResult({ v: 1, ok: true }))
const PONG = encodeFrame(FrameType.heartbeat, Buffer.from([Heartbeat.pong]))

function hex(type: number): string {
  return `0x${type.toString(16).padStart(2, '0')}`
}

function errorFrame(err: DaemonError): Buffer {
  return encodeFrame(FrameType.response, JSON.stringify(errorResponse(null, err)))
}

/**
 * Serve one accepted socket: send the challenge, authenticate, route frames, enforce the deadlines,
 * the rate limit and the write-buffer caps, and report the end exactly once through `onClosed`.
 */
export function createServerConnection(deps: ServerConnectionDeps): ServerConnection {
  const { socket, clock, limits } = deps
  const decoder = new FrameDecoder({ maxPayload: limits.maxMessageSize })
  const connectedAt = clock.now()
  const timing: DeadlineState = {
    authenticated: false,
    connectedAt,
    lastFrameAt: connectedAt,
    partialSince: null,
  }
  const bucket = createTokenBucket(limits.rateLimit, connectedAt)
  const abort = new AbortController()
  const nonce = generateNonce()
  let client: IpcClientInfo | null = null
  let handler: RequestHandler | null = null
  let closing: DisconnectReason | null = null
  let timer: unknown = null
  let timerDue = Infinity
  let readPaused = false

  const conn: ServerConnection = {
    id: deps.id,
    info: () => ({
      id: deps.id,
      authenticated: timing.authenticated,
      client,
      connectedAt,
      lastFrameAt: timing.lastFrameAt,
      inFlight: handler ? handler.inFlight : 0,
      queuedBytes: socket.writableLength,
    }),
    sendFrame: (frame) => timing.authenticated && write(frame),
    notify: (method, params) => timing.authenticated && sendJson({ jsonrpc: '2.0', method, params }),
    end: (reason) => finish(reason),
    whenIdle: () => (handler ? handler.whenIdle() : Promise.resolve()),
  }

  function write(frame: Buffer): boolean {
    if (closing !== null) return false
    socket.write(frame)
    const queued = socket.writableLength
    if (queued <= limits.writeHighWaterMark) return true
    if (queued > limits.maxWriteBuffer) {
      deps.logger.warn('IPC client does not read its responses; dropping the connection', {
        connectionId: deps.id,
        queuedBytes: queued,
        maxWriteBuffer: limits.maxWriteBuffer,
      })
      closing = 'write-buffer-full'
      socket.destroy()
      return false
    }
    // Pause only when Node will emit 'drain' (a write returned false), so reading always resumes.
    if (!readPaused && socket.writableNeedDrain) pauseReading()
    return true
  }

  function sendJson(message: unknown): boolean {
    const frame = encodeFrame(FrameType.notification, JSON.stringify(message))
    if (frame.length - 5 <= limits.maxMessageSize) return write(frame)
    deps.logger.warn('IPC notification dropped: larger than ipc.maxMessageSize', {
      connectionId: deps.id,
      bytes: frame.length - 5,
    })
    return false
  }

  // Backpressure: stop reading requests from a client that does not read its responses, until the
  // queue drains. The frame deadline keeps running: a client that neither reads nor finishes its
  // frame within frameTimeoutMs is dropped like any stalled client.
  function pauseReading(): void {
    readPaused = true
    socket.pause()
    socket.once('drain', () => {
      readPaused = false
      socket.resume()
    })
  }

  function finish(reason: DisconnectReason, last?: Buffer): void {
    if (closing !== null) return
    closing = reason
    stopTimer()
    socket.pause() // nothing more is read from a connection being closed
    endGracefully(socket, clock, limits.closeGraceMs, last)
  }

  function refuseAuth(reason: DisconnectReason, err: DaemonError, detail: string): void {
    const message = `${err.message} Reason: ${detail}.`
    const result = encodeAuthResult({ v: 1, ok: false, error: { code: err.code, message } })
    deps.onAuthFailed(conn, detail)
    finish(reason, encodeFrame(FrameType.authResponse, result))
  }

  function authFailed(detail: string): void {
    refuseAuth('auth-failed', new DaemonError('OD_AUTH_FAILED', deps.tokenPath), detail)
  }

  function badFrame(reason: DisconnectReason, err: DaemonError): void {
    finish(reason, errorFrame(err))
  }

  function onAuthAnswer(payload: Buffer): void {
    const answer = parseAuthAnswer(payload)
    if (!answer) return authFailed('the auth response is not JSON of the form {"v":1,"hmac":…,"client":…}')
    if (!verifyHmac(deps.token, nonce, answer.hmac))
      return authFailed('the HMAC does not match (wrong token)')
    timing.authenticated = true
    client = answer.client
    handler = createHandler(answer.client)
    write(AUTH_OK)
    deps.onAuthenticated(conn)
  }

  function createHandler(info: IpcClientInfo): RequestHandler {
    const context: IpcRequestContext = {
      connectionId: deps.id,
      client: info,
      signal: abort.signal,
      notify: (method, params) => conn.notify(method, params),
      sendEvent: (event, data) => conn.notify('event', { event, data }),
      sendBinary: (streamId, source, bytes) => sendBinary(streamId, source, bytes),
      queuedBytes: () => socket.writableLength,
    }
    return createRequestHandler({
      dispatch: deps.dispatch,
      context,
      admit: (count) => deps.refusal() ?? (bucket.take(count, clock.now()) ? null : rateLimited()),
      respond: (json) => void write(encodeFrame(FrameType.response, json)),
      maxMessageSize: limits.maxMessageSize,
      onUnexpectedError: (err, method) =>
        deps.logger.warn('IPC method failed with an error that is not a DaemonError', {
          connectionId: deps.id,
          method,
          error: err instanceof Error ? err.stack : err,
        }),
    })
  }

  function rateLimited(): DaemonError {
    return new DaemonError('OD_RATE_LIMITED', limits.rateLimit.perSecond)
  }

  function sendBinary(streamId: number, source: 1 | 2, bytes: Buffer): boolean {
    if (bytes.length + 5 > limits.maxMessageSize) {
      deps.logger.warn('IPC binary frame dropped: larger than ipc.maxMessageSize', { connectionId: deps.id })
      return false
    }
    return timing.authenticated && write(encodeLogStreamFrame(streamId, source, bytes))
  }

  function onHeartbeat(payload: Buffer): void {
    if (payload.length !== 1 || (payload[0] !== Heartbeat.ping && payload[0] !== Heartbeat.pong)) {
      return badFrame(
        'bad-frame',
        new DaemonError('OD_BAD_FRAME', 'a heartbeat payload must be one byte, 0x00 or 0x01'),
      )
    }
    if (payload[0] === Heartbeat.ping) write(PONG)
  }

  function route(frame: Frame): void {
    const { type, payload } = frame
    if (type === FrameType.heartbeat) return onHeartbeat(payload)
    if (!timing.authenticated) {
      if (type === FrameType.authResponse) return onAuthAnswer(payload)
      return authFailed(`a frame of type ${hex(type)} arrived before authentication`)
    }
    if (type === FrameType.request || type === FrameType.notification) {
      return (handler as RequestHandler).handle(payload.toString('utf8'), type === FrameType.request)
    }
    badFrame(
      'bad-frame',
      new DaemonError('OD_BAD_FRAME', `clients may not send frames of type ${hex(type)} here`),
    )
  }

  function onData(chunk: Buffer): void {
    let frames: Frame[]
    try {
      frames = decoder.push(chunk)
    } catch (err) {
      const failure = err as DaemonError
      return badFrame(failure.code === 'OD_FRAME_TOO_LARGE' ? 'frame-too-large' : 'bad-frame', failure)
    }
    const now = clock.now()
    if (frames.length > 0) timing.lastFrameAt = now
    for (const frame of frames) {
      route(frame)
      if (closing !== null) return
    }
    if (!decoder.partial) timing.partialSince = null
    else if (frames.length > 0 || timing.partialSince === null) markPartial(now)
  }

  function markPartial(now: number): void {
    timing.partialSince = now
    arm()
  }

  function arm(): void {
    const due = nextDeadline(timing, limits).at
    if (timer !== null && timerDue <= due) return
    if (timer !== null) clock.clearTimeout(timer)
    timerDue = due
    timer = clock.setTimeout(onTimer, Math.max(0, due - clock.now()))
  }

  function stopTimer(): void {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    timerDue = Infinity
  }

  function onTimer(): void {
    timer = null
    timerDue = Infinity
    const kind = expiredDeadline(timing, clock.now(), limits)
    if (kind === null) return arm()
    expire(kind)
  }

  function expire(kind: DeadlineKind): void {
    if (kind === 'auth') {
      return refuseAuth(
        'auth-timeout',
        new DaemonError('OD_TIMEOUT', 'Authentication', limits.authTimeoutMs),
        'no valid auth response in time',
      )
    }
    if (kind === 'frame') {
      return badFrame(
        'frame-timeout',
        new DaemonError('OD_TIMEOUT', 'Receiving a frame', limits.frameTimeoutMs),
      )
    }
    finish('idle-timeout')
  }

  socket.on('data', onData)
  socket.on('error', (err: NodeJS.ErrnoException) =>
    deps.logger.debug('IPC socket error', { connectionId: deps.id, code: err.code, message: err.message }),
  )
  socket.once('close', () => {
    stopTimer()
    const reason = closing ?? 'client-closed'
    closing = reason
    abort.abort()
    deps.onClosed(conn, reason)
  })
  write(
    encodeFrame(
      FrameType.authChallenge,
      encodeAuthChallenge({ v: 1, nonce, version: deps.daemonVersion, pid: deps.pid }),
    ),
  )
  arm()
  return conn
}
