import type { Socket } from 'node:net'
import { DaemonError } from '../errors/daemon-error.js'
import { computeHmac, readToken } from './auth-client.js'
import type { IpcClientInfo } from '../events.js'
import { encodeAuthAnswer, parseAuthResult } from './auth-messages.js'
import { openSocket, readChallenge, refusalError } from './client-handshake.js'
import { encodeFrame, FrameDecoder, type Frame } from './frame-codec.js'
import { FrameType, Heartbeat } from './frame-types.js'
import { ipcSystemClock, type IpcClock } from './ipc-deps.js'
import { defaultIpcLimits } from './ipc-limits.js'
import { daemonErrorFromRpc, type JsonRpcParams } from './jsonrpc.js'
import { decodeLogStreamPayload, type LogStreamChunk } from './log-stream-payload.js'
import { createPendingRequests } from './pending-requests.js'
import { checkSocketPath, maxSocketPathBytes } from './socket-path.js'

/** How the client proves it may talk to the daemon: the token itself, or the file holding it. */
export type ClientCredentials = { token: string } | { tokenPath: string }

/** Options of {@link connectClient}. */
export type ConnectClientOptions = ClientCredentials & {
  socketPath: string
  /** Announced to the daemon (logs, `od daemon status`). */
  clientInfo?: Partial<IpcClientInfo>
  /** Deadline of connecting and of the challenge, and the default per-request timeout. Default 30 s. */
  timeoutMs?: number
  /** Largest payload sent or accepted, in bytes. Default 10 MiB. */
  maxMessageSize?: number
  /** Ping interval while notification or binary handlers are registered. Default 30 s. */
  pingIntervalMs?: number
  clock?: IpcClock
}

/** Per-call options. */
export interface RequestOptions {
  timeoutMs?: number
}

/** A server → client notification: `method` is `'event'` for bus events, with `params: {event, data}`. */
export type NotificationHandler = (method: string, params: unknown) => void

/** An authenticated JSON-RPC connection to the daemon. Handlers must not throw. */
export interface IpcClient {
  /** Call a method; rejects with a DaemonError carrying the daemon's code, `OD_TIMEOUT` or the close reason. */
  request<T = unknown>(method: string, params?: JsonRpcParams, options?: RequestOptions): Promise<T>
  /** Send a notification (no response). False when the connection is closed. */
  notify(method: string, params?: JsonRpcParams): boolean
  onNotification(handler: NotificationHandler): () => void
  onBinary(handler: (chunk: LogStreamChunk) => void): () => void
  onClose(handler: (reason: DaemonError) => void): () => void
  /** Round trip of a heartbeat, in ms. */
  ping(options?: RequestOptions): Promise<number>
  /** End the connection; pending requests reject with `OD_CONNECTION_CLOSED`. */
  close(): Promise<void>
  /** Resolves when the daemon accepted the auth response; rejects with the close reason otherwise. */
  readonly authenticated: Promise<void>
  readonly closed: boolean
  /** Why the connection closed (null while open). */
  readonly closeReason: DaemonError | null
  /** What the daemon announced in its challenge. */
  readonly daemon: { version: string; pid: number }
  /** Requests awaiting their response. */
  readonly pendingRequests: number
}

interface ClientSettings {
  socket: Socket
  decoder: FrameDecoder
  clock: IpcClock
  timeoutMs: number
  maxMessageSize: number
  pingIntervalMs: number
  tokenLabel: string
  daemon: { version: string; pid: number }
}

const PING = encodeFrame(FrameType.heartbeat, Buffer.from([Heartbeat.ping]))
const PONG = encodeFrame(FrameType.heartbeat, Buffer.from([Heartbeat.pong]))
const CLOSE_GRACE_MS = 1_000

/**
 * Connect to the daemon, answer its challenge and return a client. It resolves as soon as the auth
 * response is written: requests sent right away are pipelined behind it, and if the daemon refuses
 * the token they reject with `OD_AUTH_FAILED`.
 *
 * @throws {DaemonError} `OD_DAEMON_NOT_RUNNING` (nothing listens on the socket),
 *   `OD_SOCKET_PATH_TOO_LONG`, `OD_AUTH_FAILED` (token file unreadable), `OD_TIMEOUT`,
 *   `OD_CONNECTION_CLOSED` (refused, for example at `ipc.maxConnections`).
 * @example
 * ```ts
 * import { connectClient } from '@opendaemon/core'
 *
 * const client = await connectClient({
 *   socketPath: '/home/me/.opendaemon/od.sock',
 *   tokenPath: '/home/me/.opendaemon/auth-token',
 *   clientInfo: { name: 'my-tool', version: '1.0.0' },
 * })
 * const status = await client.request('daemon.status')
 * await client.close()
 * ```
 * @since 0.1.0
 */
export async function connectClient(options: ConnectClientOptions): Promise<IpcClient> {
  const timeoutMs = options.timeoutMs ?? 30_000
  const clock = options.clock ?? ipcSystemClock
  checkSocketPath(options.socketPath, maxSocketPathBytes(process.platform))
  const tokenLabel = 'tokenPath' in options ? options.tokenPath : 'the token given to connectClient'
  const token = 'token' in options ? Promise.resolve(options.token) : readToken(options.tokenPath)
  token.catch(() => undefined) // awaited once connected: "not running" outranks a missing token
  const socket = await openSocket(options.socketPath, timeoutMs, clock)
  const maxMessageSize = options.maxMessageSize ?? defaultIpcLimits.maxMessageSize
  const decoder = new FrameDecoder({ maxPayload: maxMessageSize })
  try {
    // The socket is not read until readChallenge listens, so nothing (not even its close) is missed.
    const secret = await token
    const { challenge, rest } = await readChallenge(socket, decoder, timeoutMs, clock, tokenLabel)
    const info = options.clientInfo
    const client = {
      name: info?.name ?? 'opendaemon-client',
      version: info?.version ?? '',
      pid: info?.pid ?? process.pid,
    }
    const answer = encodeAuthAnswer({ v: 1, hmac: computeHmac(secret, challenge.nonce), client })
    socket.write(encodeFrame(FrameType.authResponse, answer))
    const settings = {
      socket,
      decoder,
      clock,
      timeoutMs,
      maxMessageSize,
      pingIntervalMs: options.pingIntervalMs ?? 30_000,
      tokenLabel,
      daemon: { version: challenge.version, pid: challenge.pid },
    }
    return createIpcClient(settings, rest)
  } catch (err) {
    socket.destroy()
    throw err
  }
}

function createIpcClient(settings: ClientSettings, initialFrames: Frame[]): IpcClient {
  const { socket, clock } = settings
  const pending = createPendingRequests(clock)
  const notificationHandlers = new Set<NotificationHandler>()
  const binaryHandlers = new Set<(chunk: LogStreamChunk) => void>()
  const closeHandlers = new Set<(reason: DaemonError) => void>()
  // Outstanding pings in send order; null marks a keep-alive ping or one that already timed out.
  const pings: ({ resolve(ms: number): void; reject(err: unknown): void; sentAt: number } | null)[] = []
  let nextId = 1
  let closed = false
  let closeReason: DaemonError | null = null
  let serverError: DaemonError | null = null
  let keepAlive: unknown = null
  let settleAuth: { resolve(): void; reject(err: unknown): void } | null = null
  const authenticated = new Promise<void>((resolve, reject) => (settleAuth = { resolve, reject }))
  authenticated.catch(() => undefined) // also reported through every pending request and onClose

  function fail(err: DaemonError): void {
    if (closeReason === null) closeReason = err
    socket.destroy()
  }

  function onResponse(payload: Buffer): void {
    let value: unknown
    try {
      value = JSON.parse(payload.toString('utf8'))
    } catch {
      return fail(new DaemonError('OD_BAD_FRAME', 'the daemon sent a response that is not JSON'))
    }
    if (Array.isArray(value)) value.forEach(settle)
    else settle(value)
  }

  function settle(value: unknown): void {
    if (typeof value !== 'object' || value === null) return
    const { id, result, error } = value as { id?: unknown; result?: unknown; error?: unknown }
    if (error === undefined) {
      if (typeof id === 'number') pending.resolve(id, result)
    } else if (typeof id === 'number') {
      pending.reject(id, daemonErrorFromRpc(error))
    } else if (id === null) {
      serverError = daemonErrorFromRpc(error) // announces why the daemon is about to close
    }
  }

  function onNotificationFrame(payload: Buffer): void {
    let value: unknown
    try {
      value = JSON.parse(payload.toString('utf8'))
    } catch {
      return fail(new DaemonError('OD_BAD_FRAME', 'the daemon sent a notification that is not JSON'))
    }
    const { method, params } = (value ?? {}) as { method?: unknown; params?: unknown }
    if (typeof method !== 'string') return
    for (const handler of notificationHandlers) handler(method, params)
  }

  function onBinaryFrame(payload: Buffer): void {
    let chunk: LogStreamChunk
    try {
      chunk = decodeLogStreamPayload(payload)
    } catch (err) {
      return fail(err as DaemonError)
    }
    for (const handler of binaryHandlers) handler(chunk)
  }

  function onHeartbeat(payload: Buffer): void {
    if (payload[0] === Heartbeat.ping) {
      socket.write(PONG)
      return
    }
    const waiter = pings.shift()
    if (waiter) waiter.resolve(clock.now() - waiter.sentAt)
  }

  function onAuthResult(payload: Buffer): void {
    const result = parseAuthResult(payload)
    if (result?.ok) return settleAuth?.resolve()
    fail(
      result
        ? refusalError(result.error, settings.tokenLabel)
        : new DaemonError('OD_BAD_FRAME', 'malformed auth result'),
    )
  }

  function route(frame: Frame): void {
    switch (frame.type) {
      case FrameType.response:
        return onResponse(frame.payload)
      case FrameType.notification:
        return onNotificationFrame(frame.payload)
      case FrameType.binary:
        return onBinaryFrame(frame.payload)
      case FrameType.heartbeat:
        return onHeartbeat(frame.payload)
      case FrameType.authResponse:
        return onAuthResult(frame.payload)
      default:
        return fail(new DaemonError('OD_BAD_FRAME', `unexpected frame of type ${frame.type} from the daemon`))
    }
  }

  function onData(chunk: Buffer): void {
    let frames: Frame[]
    try {
      frames = settings.decoder.push(chunk)
    } catch (err) {
      return fail(err as DaemonError)
    }
    for (const frame of frames) route(frame)
  }

  function onClosed(): void {
    closed = true
    const reason =
      closeReason ??
      serverError ??
      new DaemonError('OD_CONNECTION_CLOSED', 'the daemon closed the connection')
    closeReason = reason
    if (keepAlive !== null) clock.clearTimeout(keepAlive)
    keepAlive = null
    settleAuth?.reject(reason)
    pending.rejectAll(reason)
    for (const waiter of pings.splice(0)) waiter?.reject(reason)
    for (const handler of closeHandlers) handler(reason)
  }

  function updateKeepAlive(): void {
    const wanted = !closed && notificationHandlers.size + binaryHandlers.size > 0
    if (wanted && keepAlive === null) keepAlive = clock.setTimeout(sendKeepAlive, settings.pingIntervalMs)
    if (!wanted && keepAlive !== null) {
      clock.clearTimeout(keepAlive)
      keepAlive = null
    }
  }

  function sendKeepAlive(): void {
    keepAlive = null
    pings.push(null)
    socket.write(PING)
    updateKeepAlive()
  }

  function subscribe<H>(set: Set<H>, handler: H): () => void {
    set.add(handler)
    updateKeepAlive()
    return () => {
      set.delete(handler)
      updateKeepAlive()
    }
  }

  function request<T>(method: string, params?: JsonRpcParams, options?: RequestOptions): Promise<T> {
    if (closeReason !== null) return Promise.reject(closeReason)
    const id = nextId++
    let frame: Buffer
    try {
      frame = encodeFrame(FrameType.request, JSON.stringify({ jsonrpc: '2.0', id, method, params }))
    } catch (err) {
      return Promise.reject(
        new DaemonError(
          'OD_INVALID_PARAMS',
          `params of ${method} are not JSON-serializable (${(err as Error).message})`,
        ),
      )
    }
    if (frame.length - 5 > settings.maxMessageSize) {
      return Promise.reject(new DaemonError('OD_FRAME_TOO_LARGE', frame.length - 5, settings.maxMessageSize))
    }
    const promise = pending.add<T>(id, method, options?.timeoutMs ?? settings.timeoutMs)
    socket.write(frame)
    return promise
  }

  function ping(options?: RequestOptions): Promise<number> {
    if (closeReason !== null) return Promise.reject(closeReason)
    const timeoutMs = options?.timeoutMs ?? settings.timeoutMs
    return new Promise<number>((resolve, reject) => {
      const waiter = {
        sentAt: clock.now(),
        resolve: (ms: number) => {
          clock.clearTimeout(timer)
          resolve(ms)
        },
        reject,
      }
      const timer = clock.setTimeout(() => {
        pings[pings.indexOf(waiter)] = null
        reject(new DaemonError('OD_TIMEOUT', 'Ping', timeoutMs))
      }, timeoutMs)
      pings.push(waiter)
      socket.write(PING)
    })
  }

  function close(): Promise<void> {
    if (closed) return Promise.resolve()
    if (closeReason === null) closeReason = new DaemonError('OD_CONNECTION_CLOSED', 'closed by this client')
    const done = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    const timer = clock.setTimeout(() => socket.destroy(), CLOSE_GRACE_MS)
    socket.once('close', () => clock.clearTimeout(timer))
    socket.once('finish', () => socket.destroy())
    socket.end()
    return done
  }

  socket.on('data', onData)
  socket.once('close', onClosed)
  for (const frame of initialFrames) route(frame)
  socket.resume()

  return {
    request,
    notify(method, params) {
      if (closeReason !== null) return false
      const frame = encodeFrame(FrameType.request, JSON.stringify({ jsonrpc: '2.0', method, params }))
      if (frame.length - 5 > settings.maxMessageSize) return false
      socket.write(frame)
      return true
    },
    onNotification: (handler) => subscribe(notificationHandlers, handler),
    onBinary: (handler) => subscribe(binaryHandlers, handler),
    onClose(handler) {
      closeHandlers.add(handler)
      return () => {
        closeHandlers.delete(handler)
      }
    },
    ping,
    close,
    authenticated,
    get closed() {
      return closed
    },
    get closeReason() {
      return closed ? closeReason : null
    },
    daemon: settings.daemon,
    get pendingRequests() {
      return pending.size
    },
  }
}
