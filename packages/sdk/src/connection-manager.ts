import {
  DaemonError,
  isValidToken,
  toDaemonError,
  type ClientCredentials,
  type ConnectClientOptions,
  type IpcClient,
  type IpcClock,
} from '@opendaemon/core/client'
import { reconnectDelay } from './backoff.js'
import type { ClientErrorInfo, ClientEventMap } from './client-events.js'
import type { ResolvedClientOptions } from './client-options.js'

/** Where the client's connection stands. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting'

/** What {@link createConnectionManager} needs from the outside. */
export interface ConnectionDeps {
  readonly settings: ResolvedClientOptions
  /** Opens an authenticated IPC connection (`connectClient` of core). */
  readonly connect: (options: ConnectClientOptions) => Promise<IpcClient>
  /** Starts a daemon (auto-start); resolves once its socket answers. */
  readonly launch: () => Promise<void>
  /** Timers for reconnect delays, heartbeats and waiting calls. */
  readonly clock: IpcClock
  /** Passed on to the IPC connection when set (tests); otherwise it uses its own. */
  readonly ipcClock?: IpcClock | undefined
  readonly random: () => number
  /** Runs for each new connection before any caller gets it: wire notifications, re-subscribe. */
  readonly onOpen: (client: IpcClient) => void
  readonly emit: <E extends keyof ClientEventMap>(event: E, data: ClientEventMap[E]) => void
  /** Reads the token file synchronously (`fs.readFileSync`); it is a few bytes, and this spares the
   * asynchronous file API a one-shot client would otherwise load and wait for. */
  readonly readFile: (path: string) => string
}

/** Owns the one connection of a client: connect, auto-start, reconnect with backoff, heartbeat. */
export interface ConnectionManager {
  readonly state: ConnectionState
  readonly client: IpcClient | null
  /**
   * Connects (or returns the open connection). During a reconnect it attempts at once. With
   * `waitForAuth` false it resolves as soon as the auth response is sent, so the first request is
   * pipelined behind it (an auth failure then rejects that request with `OD_AUTH_FAILED`).
   */
  connect(waitForAuth?: boolean): Promise<IpcClient>
  /** The connection for a call: waits for a reconnect up to `timeoutMs`, else connects. */
  acquire(label: string, timeoutMs: number): Promise<IpcClient>
  /** Closes the connection and stops reconnecting; waiting calls reject with `OD_CONNECTION_CLOSED`. */
  disconnect(): Promise<void>
  /** Turns the heartbeat on (while subscribed to daemon events) or off. */
  setHeartbeat(wanted: boolean): void
}

interface Waiter {
  resolve(client: IpcClient): void
  reject(error: unknown): void
}

function info(error: DaemonError): ClientErrorInfo {
  return { code: error.code, message: error.message }
}

function isNotRunning(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'OD_DAEMON_NOT_RUNNING'
}

/**
 * Creates the connection manager of one `OpenDaemon` client (spec §5.9): connects lazily, starts the
 * daemon when `autoStart` is on, and after an unexpected close reconnects with exponential backoff.
 * Calls that were pending when the connection closed are never replayed.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * import { connectClient, systemClock } from '@opendaemon/core/client'
 * import { createConnectionManager, resolveClientOptions } from 'opendaemon-sdk'
 *
 * const manager = createConnectionManager({
 *   settings: resolveClientOptions({}, process.env, '/home/me', '0.1.0'),
 *   connect: connectClient,
 *   launch: () => Promise.reject(new Error('no launcher')),
 *   clock: systemClock,
 *   random: Math.random,
 *   onOpen: () => {},
 *   emit: (event, data) => console.log(event, data),
 *   readFile: (path) => readFileSync(path, 'utf8'),
 * })
 * const client = await manager.connect()
 * console.log(await client.request('daemon.ping'))
 * await manager.disconnect()
 * ```
 * @since 0.1.0
 */
export function createConnectionManager(deps: ConnectionDeps): ConnectionManager {
  const { settings, clock } = deps
  let state: ConnectionState = 'idle'
  let current: IpcClient | null = null
  let opening: Promise<IpcClient> | null = null
  let generation = 0
  let attempts = 0
  let disconnectedAt = 0
  let lastError: DaemonError | null = null
  let reconnectTimer: unknown = null
  let heartbeatWanted = false
  let heartbeatTimer: unknown = null
  let deadReason: DaemonError | null = null
  const waiters = new Set<Waiter>()
  // Connections whose auth the daemon acknowledged: only those are worth reconnecting.
  const verified = new WeakSet<IpcClient>()

  function credentials(): ClientCredentials {
    let token: string
    try {
      token = deps.readFile(settings.tokenPath).trim()
    } catch {
      // Missing or unreadable: connectClient reports it, after "not running" (which outranks it).
      return { tokenPath: settings.tokenPath }
    }
    // With both, connectClient uses the token and names the path in an OD_AUTH_FAILED message.
    return isValidToken(token) ? { token, tokenPath: settings.tokenPath } : { tokenPath: settings.tokenPath }
  }

  async function openOnce(reconnecting: boolean): Promise<IpcClient> {
    const options: ConnectClientOptions = {
      socketPath: settings.socketPath,
      ...credentials(),
      timeoutMs: settings.connectTimeoutMs,
      clientInfo: { name: settings.clientName, version: settings.clientVersion },
      ...(deps.ipcClock === undefined ? {} : { clock: deps.ipcClock }),
    }
    let client: IpcClient
    try {
      client = await deps.connect(options)
    } catch (error) {
      if (reconnecting || !settings.autoStart || !isNotRunning(error)) throw error
      await deps.launch()
      client = await deps.connect(options)
    }
    // A reconnect attempt only counts once the daemon accepted the token; a first connection lets
    // requests pipeline behind the auth response (spec §5.3).
    if (reconnecting) await client.authenticated
    return client
  }

  function open(): Promise<IpcClient> {
    const gen = generation
    const reconnecting = state === 'reconnecting'
    const promise = openOnce(reconnecting).then(
      (client) => {
        if (opening === promise) opening = null
        if (gen !== generation) {
          void client.close()
          throw new DaemonError('OD_CONNECTION_CLOSED', 'disconnect() was called while connecting')
        }
        adopt(client, reconnecting)
        return client
      },
      (error: unknown) => {
        if (opening === promise) opening = null
        if (gen === generation && state === 'reconnecting') {
          lastError = toDaemonError(error)
          scheduleReconnect()
        } else if (gen === generation) {
          state = 'idle'
        }
        throw error
      },
    )
    opening = promise
    return promise
  }

  function adopt(client: IpcClient, reconnected: boolean): void {
    current = client
    state = 'connected'
    lastError = null
    deadReason = null
    client.onClose((reason) => onClosed(client, reason))
    client.authenticated.then(
      () => verified.add(client),
      (error: unknown) => onClosed(client, toDaemonError(error)),
    )
    deps.onOpen(client)
    const at = clock.now()
    const { pid, version } = client.daemon
    if (reconnected) deps.emit('client:reconnected', { attempts, gapMs: at - disconnectedAt, pid, at })
    else deps.emit('client:connected', { pid, version, at })
    attempts = 0
    updateHeartbeat()
    for (const waiter of [...waiters]) waiter.resolve(client)
  }

  function onClosed(client: IpcClient, closeReason: DaemonError): void {
    if (client !== current) return
    const reason = deadReason ?? closeReason
    current = null
    updateHeartbeat()
    const at = clock.now()
    deps.emit('client:disconnected', { reason: info(reason), expected: false, at })
    if (settings.reconnect === null || !verified.has(client)) {
      state = 'idle'
      return
    }
    state = 'reconnecting'
    disconnectedAt = at
    lastError = reason
    scheduleReconnect()
  }

  function scheduleReconnect(): void {
    const policy = settings.reconnect as NonNullable<ResolvedClientOptions['reconnect']>
    if (attempts >= policy.maxAttempts) return giveUp()
    const delayMs = reconnectDelay(attempts, policy, deps.random)
    attempts++
    deps.emit('client:reconnecting', { attempt: attempts, delayMs, at: clock.now() })
    reconnectTimer = clock.setTimeout(() => {
      reconnectTimer = null
      // A failed attempt already scheduled the next one (or gave up) inside open().
      open().catch(() => undefined)
    }, delayMs)
  }

  function giveUp(): void {
    const error = lastError as DaemonError
    deps.emit('client:reconnect-failed', { attempts, error: info(error), at: clock.now() })
    state = 'idle'
    attempts = 0
    for (const waiter of [...waiters]) waiter.reject(error)
  }

  function clearReconnect(): void {
    if (reconnectTimer !== null) clock.clearTimeout(reconnectTimer)
    reconnectTimer = null
  }

  function updateHeartbeat(): void {
    const wanted = heartbeatWanted && current !== null
    if (wanted && heartbeatTimer === null)
      heartbeatTimer = clock.setTimeout(beat, settings.heartbeatIntervalMs)
    if (!wanted && heartbeatTimer !== null) {
      clock.clearTimeout(heartbeatTimer)
      heartbeatTimer = null
    }
  }

  function beat(): void {
    heartbeatTimer = null
    const client = current as IpcClient
    const timeoutMs = settings.heartbeatTimeoutMs
    client.ping({ timeoutMs }).then(
      () => updateHeartbeat(),
      (error: unknown) => {
        if (client !== current || (error as DaemonError).code !== 'OD_TIMEOUT') return
        deadReason = new DaemonError('OD_CONNECTION_CLOSED', `no heartbeat answer within ${timeoutMs} ms`)
        void client.close()
      },
    )
  }

  function waitForReconnect(label: string, timeoutMs: number): Promise<IpcClient> {
    return new Promise((resolve, reject) => {
      const timer = clock.setTimeout(() => {
        waiters.delete(waiter)
        reject(new DaemonError('OD_TIMEOUT', `${label} (waiting to reconnect to the daemon)`, timeoutMs))
      }, timeoutMs)
      const settle = (): void => {
        clock.clearTimeout(timer)
        waiters.delete(waiter)
      }
      const waiter: Waiter = {
        resolve: (client) => (settle(), resolve(client)),
        reject: (error) => (settle(), reject(error)),
      }
      waiters.add(waiter)
    })
  }

  function connectNow(): Promise<IpcClient> {
    if (current !== null) return Promise.resolve(current)
    if (opening !== null) return opening
    if (state === 'reconnecting') clearReconnect()
    else state = 'connecting'
    return open()
  }

  async function connect(waitForAuth = true): Promise<IpcClient> {
    const client = await connectNow()
    if (waitForAuth) await client.authenticated
    return client
  }

  async function disconnect(): Promise<void> {
    generation++
    clearReconnect()
    state = 'idle'
    opening = null
    attempts = 0
    const closed = new DaemonError('OD_CONNECTION_CLOSED', 'closed by this client')
    for (const waiter of [...waiters]) waiter.reject(closed)
    const client = current
    current = null
    updateHeartbeat()
    if (client === null) return
    await client.close()
    deps.emit('client:disconnected', { reason: info(closed), expected: true, at: clock.now() })
  }

  return {
    get state() {
      return state
    },
    get client() {
      return current
    },
    connect,
    acquire(label, timeoutMs) {
      if (current !== null) return Promise.resolve(current)
      if (state === 'reconnecting') return waitForReconnect(label, timeoutMs)
      return connectNow()
    },
    disconnect,
    setHeartbeat(wanted) {
      heartbeatWanted = wanted
      updateHeartbeat()
    },
  }
}
