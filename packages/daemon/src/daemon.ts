/**
 * The daemon: kernel, IPC server, built-in methods and watchdog on top of the setup (OD_HOME,
 * lock, log, config), with boot, status, reload and graceful shutdown.
 *
 * Boot order: the socket is bound first (so a bad socket fails before any plugin runs, and clients
 * that connect early simply wait), then the kernel boots; requests are held until the kernel is
 * `ready` (plugins started), which is also when `onReady` (the readiness line) fires.
 */
import { rm } from 'node:fs/promises'
import { rmSync } from 'node:fs'
import {
  createIpcServer,
  createKernel,
  DaemonError,
  summarizePlugins,
  systemClock,
  VERSION,
  withTimeout,
  type Clock,
  type DaemonState,
  type DaemonStatus,
  type DaemonStopReason,
  type IpcServer,
  type Kernel,
  type Logger,
  type OdPaths,
  type Plugin,
} from '@opendaemon/core'
import { builtinPlugins } from './builtin-plugins.js'
import { registerBuiltinMethods } from './builtin-methods.js'
import { loadDaemonSettings, type DaemonSettings } from './config-file.js'
import { setUpDaemon, type DaemonSetup } from './daemon-setup.js'
import { createDeferred } from './deferred.js'
import { createDaemonDispatch, type DaemonDispatch } from './ipc-dispatch.js'
import { forwardIpcEvents } from './ipc-events.js'
import { createLagSampler, type LagSampler } from './lag-sampler.js'
import type { ProcessProbe } from './pid-lock.js'
import { nodeProcessProbe } from './process-probe.js'
import { diffSettings } from './settings-diff.js'
import { createServingGate, type ServingGate } from './serving-gate.js'
import { claimSocket } from './socket-claim.js'
import { createSubscriptions, type Subscriptions } from './subscriptions.js'
import { unrefClock } from './unref-clock.js'
import { createWatchdog, type Watchdog } from './watchdog.js'

/** Options of {@link startDaemon}. */
export interface StartDaemonOptions {
  /** OD_HOME (absolute). */
  home: string
  /** Socket path overriding `$OD_HOME/od.sock` (`OD_SOCKET`). */
  socketPath?: string | undefined
  /** Plugins added after the built-ins (embedders, tests). */
  plugins?: readonly Plugin[]
  /** Replaces {@link builtinPlugins}. */
  builtins?: () => Plugin[]
  /** `--resurrect`: the boot behaviour of §8.16, passed to the built-in process manager. */
  resurrect?: boolean
  /** Receives every log line as well as `daemon.log` (foreground mode: stdout). */
  logMirror?: (line: string) => void
  /** Called once the socket serves and the state is `ready`. */
  onReady?: (pid: number) => void
  clock?: Clock
  probe?: ProcessProbe
  createSampler?: () => LagSampler
}

/** Options of {@link Daemon.stop}. */
export interface StopOptions {
  reason?: DaemonStopReason
  /** Budget for the plugins' `onStop`; default `shutdownTimeoutMs` of the config. */
  timeoutMs?: number | undefined
}

/** A running daemon. */
export interface Daemon {
  readonly pid: number
  readonly paths: OdPaths
  readonly kernel: Kernel
  readonly server: IpcServer
  readonly state: DaemonState
  readonly logger: Logger
  status(): DaemonStatus
  /** Re-reads `config.json` (SIGHUP); an invalid file leaves the old configuration in force. */
  reload(): Promise<{ changed: string[]; at: number }>
  /** Graceful shutdown; resolves once stopped. Repeated calls return the same promise. */
  stop(options?: StopOptions): Promise<void>
  /** Records a warning (log and `daemon.status.warnings`). */
  warn(error: unknown): void
  /** Forced exit path: removes the socket and the pid file synchronously, without stopping plugins. */
  abandon(): void
  /** Settles once the daemon has stopped, however the stop was requested. */
  readonly stopped: Promise<void>
}

const SERVER_DRAIN_MS = 1_000

/**
 * Starts a daemon for `home` in this process: lock, log, config, plugins, socket, watchdog. Resolves
 * once every plugin ran `onReady` (state `running`).
 *
 * @throws {DaemonError} `OD_DAEMON_ALREADY_RUNNING` (`data.pid`) when a live daemon holds the lock;
 *   `OD_CONFIG_INVALID`, `OD_HOME_UNUSABLE`, `OD_HOME_INSECURE`, `OD_SOCKET_IN_USE`,
 *   `OD_DAEMON_START_FAILED`, or a plugin declaration error.
 * @example
 * ```ts
 * import { connectClient } from '@opendaemon/core'
 * import { startDaemon } from '@opendaemon/daemon'
 *
 * const daemon = await startDaemon({ home: '/tmp/od-demo' })
 * const client = await connectClient({ socketPath: daemon.paths.socketPath, tokenPath: daemon.paths.tokenFile })
 * console.log(await client.request('daemon.ping'))
 * await client.close()
 * await daemon.stop()
 * ```
 * @since 0.1.0
 */
export async function startDaemon(options: StartDaemonOptions): Promise<Daemon> {
  const clock = options.clock ?? systemClock
  const setup = await setUpDaemon({
    ...options,
    builtins: options.builtins ?? (() => builtinPlugins({ resurrect: options.resurrect === true })),
    clock,
    pid: process.pid,
    probe: options.probe ?? nodeProcessProbe,
  })
  const daemon = createDaemon(assemble(setup, options, clock))
  try {
    await daemon.boot()
  } catch (error) {
    setup.logger.child('daemon').error('the daemon could not start', { error })
    await daemon.stop({ reason: 'boot-failed' })
    throw error
  }
  return daemon
}

interface DaemonParts {
  setup: DaemonSetup
  options: StartDaemonOptions
  clock: Clock
  kernel: Kernel
  server: IpcServer
  watchdog: Watchdog
  gate: ServingGate
  subscriptions: Subscriptions
  bridge: DaemonDispatch
  /** Set when shutdown begins: new requests are refused from then on. */
  flags: { stopping: boolean }
}

function assemble(setup: DaemonSetup, options: StartDaemonOptions, clock: Clock): DaemonParts {
  const { paths, logger, settings } = setup
  const pid = process.pid
  const kernel = createKernel({ paths, config: settings.config, plugins: setup.plugins, clock, logger, pid })
  const gate = createServingGate()
  const flags = { stopping: false }
  const subscriptions = createSubscriptions({
    events: kernel.events,
    send: (id, event, data) => server.sendEvent(id, event, data),
  })
  const bridge = createDaemonDispatch({
    call: (method, params, meta) => kernel.call(method, params, meta),
    refusal: () => (flags.stopping ? new DaemonError('OD_DAEMON_SHUTTING_DOWN') : null),
    whenServing: () => gate.wait(),
    onConnectionClosed: (id) => subscriptions.drop(id),
  })
  const server = createIpcServer({
    socketPath: paths.socketPath,
    token: setup.token,
    tokenPath: paths.tokenFile,
    dispatch: bridge.dispatch,
    limits: settings.config.ipc,
    daemonVersion: VERSION,
    pid,
    logger: logger.child('ipc'),
    onEvent: forwardIpcEvents(kernel.events, logger.child('ipc')),
  })
  const watchdog = createWatchdog({
    clock: unrefClock(clock),
    events: kernel.events,
    logger: logger.child('watchdog'),
    healthChecks: () => kernel.healthChecks(),
    createSampler: options.createSampler ?? (() => createLagSampler()),
    settings: settings.config.watchdog,
  })
  return { setup, options, clock, kernel, server, watchdog, gate, subscriptions, bridge, flags }
}

function createDaemon(parts: DaemonParts): Daemon & { boot(): Promise<void> } {
  const { setup, options, clock, kernel, server, watchdog, gate } = parts
  const { paths, logger, warnings } = setup
  const log = logger.child('daemon')
  const pid = process.pid
  const startedAt = setup.lock.record.startedAt
  const stopped = createDeferred<void>()
  let settings: DaemonSettings = setup.settings
  let stopPromise: Promise<void> | undefined
  let bound = false

  function status(): DaemonStatus {
    const memory = process.memoryUsage()
    const wd = watchdog.snapshot()
    return {
      pid,
      version: VERSION,
      state: kernel.state,
      uptimeMs: clock.now() - startedAt,
      startedAt,
      home: paths.home,
      socketPath: paths.socketPath,
      node: process.version,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      eventLoopLagMs: wd.lagMs,
      plugins: summarizePlugins(kernel.listPlugins()),
      watchdog: wd,
      warnings: warnings.list(),
    }
  }

  async function reload(): Promise<{ changed: string[]; at: number }> {
    const next = await loadDaemonSettings(paths.configFile)
    const { changed, restartRequired } = diffSettings(settings, next)
    settings = next
    logger.setLevel(next.config.logLevel)
    watchdog.reconfigure(next.config.watchdog)
    if (restartRequired.length > 0) {
      log.warn('some changes take effect at the next daemon start', { keys: restartRequired })
    }
    const at = clock.now()
    log.info('configuration reloaded', { changed })
    kernel.events.emit('daemon:config:reloaded', { changed, at })
    return { changed, at }
  }

  async function shutdown(stop: StopOptions): Promise<void> {
    const reason = stop.reason ?? 'request'
    parts.flags.stopping = true
    watchdog.stop()
    log.info('shutting down', { reason })
    gate.fail(new DaemonError('OD_DAEMON_SHUTTING_DOWN'))
    const budget = stop.timeoutMs ?? settings.config.shutdownTimeoutMs
    const needed = kernel.stopBudgetMs()
    if (needed > budget) {
      // A plugin (the process manager: its apps' kill timeouts) may need longer than the cap.
      log.warn(
        `a plugin may need up to ${needed} ms to stop but the shutdown budget is ${budget} ms; raise shutdownTimeoutMs in config.json`,
        { needed, budget },
      )
    }
    const timeout = () => new DaemonError('OD_TIMEOUT', 'Stopping the plugins', budget)
    await withTimeout(clock, budget, () => kernel.stop(reason), timeout).catch((error: unknown) =>
      log.error('plugins did not stop cleanly; exiting anyway', { error }),
    )
    await server.close({ drainTimeoutMs: SERVER_DRAIN_MS })
    // Only a socket this daemon bound is removed: after OD_SOCKET_IN_USE the file is another daemon's.
    if (bound) await rm(paths.socketPath, { force: true })
    log.info('stopped', { reason })
    await setup.close()
    stopped.resolve()
  }

  async function boot(): Promise<void> {
    registerBuiltinMethods({
      kernel,
      clock,
      pid,
      startedAt,
      status,
      reload,
      subscriptions: parts.subscriptions,
      isConnectionOpen: (id) => parts.bridge.isOpen(id),
      shutdown: (timeoutMs) => void setImmediate(() => void daemon.stop({ reason: 'request', timeoutMs })),
    })
    await claimSocket(paths.socketPath, log)
    await server.listen()
    bound = true
    kernel.events.once('daemon:ready', () => {
      gate.open()
      log.info('ready', { pid, socket: paths.socketPath })
      options.onReady?.(pid)
    })
    await kernel.start()
    // A shutdown requested while plugins ran onReady has already begun: no watchdog then.
    if (parts.flags.stopping) return
    watchdog.start()
    log.info('running', { pid, plugins: kernel.listPlugins().length })
  }

  const daemon = {
    pid,
    paths,
    kernel,
    server,
    get state() {
      return kernel.state
    },
    logger,
    status,
    reload,
    boot,
    stopped: stopped.promise,
    warn: (error: unknown) => warnings.add(error),
    stop: (stop: StopOptions = {}) => (stopPromise ??= shutdown(stop)),
    abandon() {
      log.error('forced exit: plugins were not stopped', { pid })
      if (bound) rmSync(paths.socketPath, { force: true })
      setup.lock.releaseSync()
      setup.log.close()
    },
  }
  return daemon
}
