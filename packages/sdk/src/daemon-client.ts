import type * as ChildProcessModule from 'node:child_process'
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import {
  connectClient,
  DaemonError,
  importModule,
  systemClock,
  toDaemonError,
  VERSION,
  type ConnectClientOptions,
  type EventListener,
  type EventPattern,
  type IpcClient,
  type IpcClock,
  type JsonRpcParams,
  type MatchingEvent,
  type MethodName,
  type MethodParams,
  type MethodResult,
} from '@opendaemon/core/client'
import { callTimeoutMs } from './call-timeout.js'
import type { ClientEventMap, ClientEvents } from './client-events.js'
import { resolveClientOptions, type OpenDaemonOptions, type ResolvedClientOptions } from './client-options.js'
import {
  createConnectionManager,
  type ConnectionManager,
  type ConnectionState,
} from './connection-manager.js'
import { createCommandLauncher, type SpawnProcess } from './default-launcher.js'
import { createEventRouter, type EventRouter, type RawEventHandler } from './event-router.js'

/** Per-call options. */
export interface CallOptions {
  /** Deadline in ms for this call; `0` = none. Default: the client's `timeoutMs` (long methods ≥ 120 s). */
  timeoutMs?: number
}

/** Options of {@link DaemonClient.connect}. */
export interface ConnectOptions {
  /** Resolve only once the daemon acknowledged the token (default `true`). */
  waitForAuth?: boolean
}

/** Options of {@link DaemonClient.waitFor}. */
export interface WaitForOptions {
  /** Give up after this many ms with `OD_TIMEOUT`. Default: the client's `timeoutMs`. */
  timeoutMs?: number
}

/** The outside world a client uses; every field has a real default. Tests pass fakes. */
export interface OpenDaemonDeps {
  connect: (options: ConnectClientOptions) => Promise<IpcClient>
  /** Timers of reconnects, heartbeats, `waitFor` and calls waiting for a reconnect. */
  clock: IpcClock
  /** Clock of the IPC connection itself (default: its own, whose timers never keep the process alive). */
  ipcClock: IpcClock | undefined
  random: () => number
  env: Readonly<Record<string, string | undefined>>
  homedir: string
  cwd: string
  /** Used by the default launcher (`opendaemon daemon start`); loaded on first use when absent. */
  spawn: SpawnProcess | undefined
  /** Reads the token file (default `fs.readFileSync(path, 'utf8')`). */
  readFile: (path: string) => string
}

type Payload<P extends string> = ClientEvents[MatchingEvent<ClientEvents, P>]

function defaultDeps(deps: Partial<OpenDaemonDeps>): OpenDaemonDeps {
  return {
    connect: deps.connect ?? connectClient,
    clock: deps.clock ?? systemClock,
    ipcClock: deps.ipcClock,
    random: deps.random ?? Math.random,
    env: deps.env ?? process.env,
    homedir: deps.homedir ?? homedir(),
    cwd: deps.cwd ?? process.cwd(),
    spawn: deps.spawn,
    readFile: deps.readFile ?? ((path) => readFileSync(path, 'utf8')),
  }
}

/**
 * The connection, calls and events of an OpenDaemon client. {@link OpenDaemon} adds one typed method per
 * RPC method; use this class through it.
 */
export class DaemonClient {
  /**
   * The options with every default applied (paths resolved).
   *
   * @example
   * ```ts
   * const od = new OpenDaemon({ home: '/srv/od' })
   * console.log(od.settings.socketPath) // '/srv/od/od.sock'
   * ```
   */
  readonly settings: ResolvedClientOptions
  readonly #deps: OpenDaemonDeps
  readonly #router: EventRouter
  readonly #manager: ConnectionManager
  readonly #notificationHandlers = new Set<(method: string, params: unknown) => void>()

  /**
   * Creates a client; nothing connects until {@link DaemonClient.connect} or the first call.
   *
   * @example
   * ```ts
   * import { OpenDaemon } from 'opendaemon-sdk'
   *
   * const od = new OpenDaemon({ home: '/srv/od', timeoutMs: 10_000, reconnect: { maxAttempts: 5 } })
   * ```
   */
  constructor(options: OpenDaemonOptions = {}, deps: Partial<OpenDaemonDeps> = {}) {
    this.#deps = defaultDeps(deps)
    const { env, cwd, clock } = this.#deps
    this.settings = resolveClientOptions(options, env, this.#deps.homedir, VERSION, cwd)
    this.#router = createEventRouter({
      onFirst: (pattern) => this.#subscribe([pattern]),
      onLast: (pattern) => this.#unsubscribe(pattern),
      onHandlerError: this.settings.onHandlerError,
    })
    this.#manager = createConnectionManager({
      settings: this.settings,
      connect: this.#deps.connect,
      launch: this.settings.launcher ?? (() => this.#launchWithCommand()),
      clock,
      ipcClock: this.#deps.ipcClock,
      random: this.#deps.random,
      onOpen: (client) => this.#onOpen(client),
      readFile: this.#deps.readFile,
      emit: (event, data) => this.#router.dispatch(event, data),
    })
  }

  /**
   * Where the connection stands: `idle`, `connecting`, `connected` or `reconnecting`.
   *
   * @example
   * ```ts
   * if (od.state !== 'connected') await od.connect()
   * ```
   */
  get state(): ConnectionState {
    return this.#manager.state
  }

  /**
   * The connected daemon's pid and version (from its handshake), or `null` when not connected.
   *
   * @example
   * ```ts
   * await od.connect()
   * console.log(od.daemon?.pid)
   * ```
   */
  get daemon(): { readonly pid: number; readonly version: string } | null {
    return this.#manager.client?.daemon ?? null
  }

  /**
   * Connects and authenticates; resolves once the daemon accepted the token. Idempotent. Starts the
   * daemon first when none answers and `autoStart` is on. With `{ waitForAuth: false }` it resolves as
   * soon as the token proof is sent: the next call is pipelined behind it (a one-shot client such as the
   * CLI saves a round trip), and a refused token then fails that call with `OD_AUTH_FAILED`.
   *
   * @throws {DaemonError} `OD_DAEMON_NOT_RUNNING`, `OD_DAEMON_START_FAILED`, `OD_AUTH_FAILED`, `OD_TIMEOUT`,
   *   `OD_SOCKET_PATH_TOO_LONG`.
   * @example
   * ```ts
   * const od = new OpenDaemon()
   * await od.connect()
   * ```
   */
  async connect(options: ConnectOptions = {}): Promise<void> {
    await this.#manager.connect(options.waitForAuth ?? true)
  }

  /**
   * Closes the connection; pending calls reject with `OD_CONNECTION_CLOSED` and no reconnect follows.
   * A later call connects again.
   *
   * @example
   * ```ts
   * await od.disconnect()
   * ```
   */
  disconnect(): Promise<void> {
    return this.#manager.disconnect()
  }

  /**
   * Calls an RPC method, typed by the `RpcMethods` map. Connects first when needed; during a reconnect it
   * waits for the connection up to its deadline.
   *
   * @throws {DaemonError} The daemon's error (its `code` is the wire `data.code`), `OD_TIMEOUT`,
   *   `OD_CONNECTION_CLOSED` (the connection dropped; the call is not retried).
   * @example
   * ```ts
   * const plugins = await od.call('plugin.list')
   * const info = await od.call('plugin.info', { name: 'process-manager' }, { timeoutMs: 5_000 })
   * ```
   */
  call<M extends MethodName>(
    method: M,
    params?: MethodParams<M>,
    options?: CallOptions,
  ): Promise<MethodResult<M>> {
    let timeoutMs: number
    try {
      timeoutMs = callTimeoutMs(method, options?.timeoutMs, this.settings.timeoutMs)
    } catch (error) {
      return Promise.reject(error)
    }
    const client = this.#manager.client
    const wire = params as JsonRpcParams | undefined
    if (client !== null) return client.request<MethodResult<M>>(method, wire, { timeoutMs })
    return this.#callWhenConnected(method, wire, timeoutMs)
  }

  async #callWhenConnected<T>(
    method: string,
    params: JsonRpcParams | undefined,
    timeoutMs: number,
  ): Promise<T> {
    // Waiting for the connection is bounded on its own (connectTimeoutMs, or timeoutMs during a
    // reconnect); the request then gets its whole deadline, so a timeout message names the real value.
    const client = await this.#manager.acquire(`Request ${method}`, timeoutMs)
    return client.request<T>(method, params, { timeoutMs })
  }

  /**
   * Calls `handler` for every event matching `pattern`: an exact name, `prefix:*` or `*`. Daemon events
   * need a connection (subscriptions are re-created after a reconnect); `client:*` events are local.
   *
   * @returns A function that removes the handler.
   * @example
   * ```ts
   * const off = od.on('plugin:*', (data, event) => console.log(event, data.name))
   * await od.connect()
   * off()
   * ```
   */
  on<P extends EventPattern<ClientEvents>>(pattern: P, handler: EventListener<ClientEvents, P>): () => void {
    return this.#router.add(pattern, handler as RawEventHandler, false)
  }

  /**
   * Like {@link DaemonClient.on}, but the handler runs at most once.
   *
   * @example
   * ```ts
   * od.once('client:reconnected', ({ gapMs }) => console.log(`back after ${gapMs} ms`))
   * ```
   */
  once<P extends EventPattern<ClientEvents>>(
    pattern: P,
    handler: EventListener<ClientEvents, P>,
  ): () => void {
    return this.#router.add(pattern, handler as RawEventHandler, true)
  }

  /**
   * Removes `handler` from `pattern`, or every handler added with exactly `pattern`.
   *
   * @example
   * ```ts
   * const onReady = () => console.log('ready')
   * od.on('daemon:ready', onReady)
   * od.off('daemon:ready', onReady)
   * ```
   */
  off<P extends EventPattern<ClientEvents>>(pattern: P, handler?: EventListener<ClientEvents, P>): void {
    this.#router.remove(pattern, handler as RawEventHandler | undefined)
  }

  /**
   * Resolves with the payload of the next event matching `pattern` (and `predicate`, when given).
   *
   * @throws {DaemonError} `OD_TIMEOUT` when none arrives within `timeoutMs`.
   * @example
   * ```ts
   * const disabled = od.waitFor('plugin:disabled', (e) => e.name === 'metrics', { timeoutMs: 5_000 })
   * await od.call('plugin.disable', { name: 'metrics' })
   * console.log((await disabled).reason)
   * ```
   */
  waitFor<P extends EventPattern<ClientEvents>>(
    pattern: P,
    predicate?: (data: Payload<P>, event: MatchingEvent<ClientEvents, P>) => boolean,
    options: WaitForOptions = {},
  ): Promise<Payload<P>> {
    const { clock } = this.#deps
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs
    return new Promise((resolve, reject) => {
      const finish = (settle: () => void): void => {
        clock.clearTimeout(timer)
        remove()
        settle()
      }
      const remove = this.#router.add(
        pattern,
        (data, event) => {
          let matched: boolean
          try {
            matched =
              predicate === undefined ||
              predicate(data as Payload<P>, event as MatchingEvent<ClientEvents, P>)
          } catch (error) {
            return finish(() => reject(error))
          }
          if (matched) finish(() => resolve(data as Payload<P>))
        },
        false,
      )
      const timer = clock.setTimeout(
        () => finish(() => reject(new DaemonError('OD_TIMEOUT', `Waiting for event ${pattern}`, timeoutMs))),
        timeoutMs,
      )
    })
  }

  /**
   * Calls `handler` for every notification other than bus events (`log`, `log.skipped`, `log.end` of
   * log streams). While a handler is registered the client sends heartbeats, so a quiet stream is not
   * closed as idle. Used by {@link OpenDaemon.logs}.
   *
   * @returns A function that removes the handler.
   * @example
   * ```ts
   * const off = od.onNotification((method, params) => console.log(method, params))
   * ```
   */
  onNotification(handler: (method: string, params: unknown) => void): () => void {
    const entry = (method: string, params: unknown): void => handler(method, params)
    this.#notificationHandlers.add(entry)
    this.#manager.setHeartbeat(true)
    return () => {
      this.#notificationHandlers.delete(entry)
      this.#manager.setHeartbeat(this.#wantsHeartbeat())
    }
  }

  #wantsHeartbeat(): boolean {
    return this.#router.daemonPatterns().length > 0 || this.#notificationHandlers.size > 0
  }

  #onOpen(client: IpcClient): void {
    client.onNotification((method, params) => {
      if (method !== 'event') {
        for (const handler of [...this.#notificationHandlers]) handler(method, params)
        return
      }
      const { event, data } = (params ?? {}) as { event?: unknown; data?: unknown }
      if (typeof event === 'string') this.#router.dispatch(event, data)
    })
    const patterns = this.#router.daemonPatterns()
    if (patterns.length > 0) this.#subscribe(patterns)
  }

  #subscribe(patterns: string[]): void {
    this.#manager.setHeartbeat(true)
    const client = this.#manager.client
    if (client === null) return
    client
      .request('event.subscribe', { events: patterns }, { timeoutMs: this.settings.timeoutMs })
      .catch((error: unknown) => {
        if (client !== this.#manager.client) return // the connection dropped; the next one re-subscribes
        const { code, message } = toDaemonError(error)
        const at = this.#deps.clock.now()
        this.#emit('client:subscribe-failed', { patterns, error: { code, message }, at })
      })
  }

  #unsubscribe(pattern: string): void {
    this.#manager.setHeartbeat(this.#wantsHeartbeat())
    const client = this.#manager.client
    if (client === null) return
    // Failing to unsubscribe only means a few more events arrive; the router drops them.
    client
      .request('event.unsubscribe', { events: [pattern] }, { timeoutMs: this.settings.timeoutMs })
      .catch(() => undefined)
  }

  #emit<E extends keyof ClientEventMap>(event: E, data: ClientEventMap[E]): void {
    this.#router.dispatch(event, data)
  }

  async #launchWithCommand(): Promise<void> {
    const spawn =
      this.#deps.spawn ??
      ((await importModule('node:child_process')) as unknown as typeof ChildProcessModule).spawn
    const { home, socketPath } = this.settings
    await createCommandLauncher({ home, socketPath, env: this.#deps.env, spawn })()
  }
}
