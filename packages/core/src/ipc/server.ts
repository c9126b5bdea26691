import { createServer, type Server, type Socket } from 'node:net'
import { dirname } from 'node:path'
import { DaemonError } from '../errors/daemon-error.js'
import type { IpcClientInfo } from '../events.js'
import { encodeAuthResult } from './auth-messages.js'
import { encodeFrame } from './frame-codec.js'
import { FrameType, type LogSourceCode } from './frame-types.js'
import { ipcSystemClock, silentIpcLogger, type IpcClock, type IpcLogger } from './ipc-deps.js'
import { resolveIpcLimits, type IpcLimits, type IpcLimitsInput } from './ipc-limits.js'
import { encodeLogStreamFrame } from './log-stream-payload.js'
import type { IpcDispatch } from './request-handler.js'
import {
  createServerConnection,
  endGracefully,
  type DisconnectReason,
  type IpcConnectionInfo,
  type ServerConnection,
} from './server-connection.js'
import { listenPrivate, prepareSocketDir } from './socket-files.js'
import { checkSocketPath, maxSocketPathBytes } from './socket-path.js'

/** Connection lifecycle, reported so the daemon can log and emit bus events. */
export type IpcServerEvent =
  | { type: 'connected'; connectionId: string; at: number }
  | { type: 'authenticated'; connectionId: string; client: IpcClientInfo; at: number }
  | { type: 'auth-failed'; connectionId: string; reason: string; at: number }
  | {
      type: 'disconnected'
      connectionId: string
      client: IpcClientInfo | null
      reason: DisconnectReason
      /** How long the connection lasted. */
      durationMs: number
      at: number
    }
  | { type: 'rejected'; reason: 'max-connections' | 'shutting-down'; at: number }

/** Options of {@link createIpcServer}. */
export interface IpcServerOptions {
  socketPath: string
  /** The shared secret (see `ensureToken`). */
  token: string
  /** Named in auth-failure messages. Default: "the daemon's auth-token file". */
  tokenPath?: string
  /** The kernel's `call`. */
  dispatch: IpcDispatch
  limits?: IpcLimitsInput
  /** Announced in the challenge. Default `'0.0.0'`. */
  daemonVersion?: string
  /** Announced in the challenge. Default `process.pid`. */
  pid?: number
  clock?: IpcClock
  logger?: IpcLogger
  onEvent?: (event: IpcServerEvent) => void
}

/** Options of {@link IpcServer.close}. */
export interface IpcCloseOptions {
  /** Let running requests finish for up to this long (new ones get `OD_DAEMON_SHUTTING_DOWN`). Default 0. */
  drainTimeoutMs?: number
}

/** The daemon's socket server. */
export interface IpcServer {
  readonly socketPath: string
  readonly limits: IpcLimits
  readonly listening: boolean
  /** Prepare the directory (0700), bind the socket (0600) and accept connections. */
  listen(): Promise<void>
  /** Stop accepting, optionally drain, end every connection and remove the socket file. */
  close(options?: IpcCloseOptions): Promise<void>
  connections(): IpcConnectionInfo[]
  /** JSON-RPC notification to one authenticated connection; false when not sent. */
  notify(connectionId: string, method: string, params?: unknown): boolean
  /** Bus event to one connection: `notify(id, 'event', { event, data })`. */
  sendEvent(connectionId: string, event: string, data: unknown): boolean
  /** Notification to every authenticated connection (encoded once); returns how many got it. */
  broadcast(method: string, params?: unknown): number
  /** Binary log-stream frame to one connection. */
  sendBinary(connectionId: string, streamId: number, source: LogSourceCode, bytes: Buffer): boolean
}

/**
 * Create the IPC server of the daemon. Nothing happens until `listen()`. Removing a stale socket
 * file first is the caller's job (it holds the daemon lock): see `removeStaleSocket`.
 *
 * @example
 * ```ts
 * import { createIpcServer, DaemonError, ensureToken } from '@opendaemon/core'
 *
 * const { token } = await ensureToken('/home/me/.opendaemon/auth-token')
 * const server = createIpcServer({
 *   socketPath: '/home/me/.opendaemon/od.sock',
 *   token,
 *   dispatch: async (method, params, ctx) => {
 *     if (method === 'test.echo') return params
 *     if (method === 'test.subscribe') {
 *       const timer = setInterval(() => ctx.sendEvent('test:tick', { at: Date.now() }), 1000)
 *       ctx.signal.addEventListener('abort', () => clearInterval(timer))
 *       return true
 *     }
 *     throw new DaemonError('OD_METHOD_NOT_FOUND', method)
 *   },
 *   onEvent: (event) => console.log(event.type),
 * })
 * await server.listen()
 * // …
 * await server.close({ drainTimeoutMs: 2_000 })
 * ```
 * @since 0.1.0
 */
export function createIpcServer(options: IpcServerOptions): IpcServer {
  const limits = resolveIpcLimits(options.limits)
  const clock = options.clock ?? ipcSystemClock
  const logger = options.logger ?? silentIpcLogger
  const connections = new Map<string, ServerConnection>()
  let nextId = 1
  let server: Server | null = null
  let draining = false

  function emit(event: IpcServerEvent): void {
    try {
      options.onEvent?.(event)
    } catch (err) {
      logger.warn('IPC onEvent handler threw', { event: event.type, error: String(err) })
    }
  }

  function refuse(socket: Socket, reason: 'max-connections' | 'shutting-down', detail: string): void {
    const error = new DaemonError('OD_CONNECTION_CLOSED', detail)
    const result = encodeAuthResult({ v: 1, ok: false, error: { code: error.code, message: error.message } })
    socket.on('error', () => undefined) // the peer may already be gone; nothing to report
    endGracefully(socket, clock, limits.closeGraceMs, encodeFrame(FrameType.authResponse, result))
    logger.warn('IPC connection refused', { reason })
    emit({ type: 'rejected', reason, at: clock.now() })
  }

  function accept(socket: Socket): void {
    /* v8 ignore next -- close() stops accepting first; only a connection accepted in the same poll phase lands here */
    if (draining) return refuse(socket, 'shutting-down', 'the daemon is shutting down')
    if (connections.size >= limits.maxConnections) {
      const detail = `the daemon already serves ${limits.maxConnections} connections (ipc.maxConnections); close some clients or raise the limit`
      return refuse(socket, 'max-connections', detail)
    }
    const id = String(nextId++)
    const conn = createServerConnection({
      id,
      socket,
      token: options.token,
      tokenPath: options.tokenPath ?? "the daemon's auth-token file",
      daemonVersion: options.daemonVersion ?? '0.0.0',
      pid: options.pid ?? process.pid,
      limits,
      clock,
      logger,
      dispatch: options.dispatch,
      refusal: () => (draining ? new DaemonError('OD_DAEMON_SHUTTING_DOWN') : null),
      onAuthenticated: (c) =>
        emit({
          type: 'authenticated',
          connectionId: c.id,
          client: c.info().client as IpcClientInfo,
          at: clock.now(),
        }),
      onAuthFailed: (c, reason) => emit({ type: 'auth-failed', connectionId: c.id, reason, at: clock.now() }),
      onClosed: (c, reason) => {
        connections.delete(c.id)
        const { client, connectedAt } = c.info()
        const at = clock.now()
        emit({ type: 'disconnected', connectionId: c.id, client, reason, durationMs: at - connectedAt, at })
      },
    })
    connections.set(id, conn)
    emit({ type: 'connected', connectionId: id, at: clock.now() })
  }

  async function listen(): Promise<void> {
    if (server) return
    checkSocketPath(options.socketPath, maxSocketPathBytes(process.platform))
    await prepareSocketDir(dirname(options.socketPath))
    const candidate = createServer(accept)
    try {
      await listenPrivate(candidate, options.socketPath)
    } catch (err) {
      candidate.close()
      throw new DaemonError(
        'OD_DAEMON_START_FAILED',
        `cannot listen on ${options.socketPath}: ${(err as Error).message}`,
        { cause: err },
      )
    }
    /* v8 ignore next -- accept() failures such as EMFILE; cannot be provoked reliably in a test */
    candidate.on('error', (err) => logger.warn('IPC server error', { error: err.message }))
    server = candidate
    draining = false
  }

  async function drain(timeoutMs: number): Promise<void> {
    let timer: unknown = null
    const timeout = new Promise<void>((resolve) => (timer = clock.setTimeout(resolve, timeoutMs)))
    await Promise.race([Promise.all([...connections.values()].map((c) => c.whenIdle())), timeout])
    clock.clearTimeout(timer)
  }

  async function close(closeOptions: IpcCloseOptions = {}): Promise<void> {
    const current = server
    if (!current) return
    server = null
    draining = true
    const closed = new Promise<void>((resolve) => current.close(() => resolve()))
    const drainMs = closeOptions.drainTimeoutMs ?? 0
    if (drainMs > 0) await drain(drainMs)
    for (const conn of connections.values()) conn.end('server-closed')
    await closed
  }

  return {
    socketPath: options.socketPath,
    limits,
    get listening() {
      return server !== null
    },
    listen,
    close,
    connections: () => [...connections.values()].map((c) => c.info()),
    notify: (id, method, params) => connections.get(id)?.notify(method, params) ?? false,
    sendEvent: (id, event, data) => connections.get(id)?.notify('event', { event, data }) ?? false,
    broadcast(method, params) {
      const frame = encodeFrame(FrameType.notification, JSON.stringify({ jsonrpc: '2.0', method, params }))
      if (frame.length - 5 > limits.maxMessageSize) return 0
      let sent = 0
      for (const conn of connections.values()) if (conn.sendFrame(frame)) sent++
      return sent
    },
    sendBinary(id, streamId, source, bytes) {
      if (bytes.length + 5 > limits.maxMessageSize) return false
      return connections.get(id)?.sendFrame(encodeLogStreamFrame(streamId, source, bytes)) ?? false
    },
  }
}
