import type { ErrorCode } from '../errors/codes.js'
import type { DaemonState, EventMap, IpcClientInfo, ProcessStatus } from '../events.js'
import type { EventPattern } from '../event-pattern.js'
import type { PluginDetails, PluginInfo, PluginSummary } from '../plugins/plugin-info.js'
import type { LogEntry } from '../logs/log-entry.js'
import type { LogReadParams, LogSearchResult, LogSelector, LogStreamParams } from './log-methods.js'

/** Params of a method that takes none: `{}` (JSON-RPC `params` may also be omitted). */
export type EmptyParams = Record<string, never>

/** `daemon.status` result. */
export interface DaemonStatus {
  pid: number
  version: string
  state: DaemonState
  uptimeMs: number
  startedAt: number
  home: string
  socketPath: string
  /** `process.version` of the daemon. */
  node: string
  rss: number
  heapUsed: number
  eventLoopLagMs: number
  plugins: PluginSummary
  watchdog: {
    lagMs: number
    lagMaxMs: number
    unhealthyPlugins: string[]
    /** Epoch ms of the last watchdog check; `null` before the first. */
    checkedAt: number | null
  }
  /** The last warnings of this daemon run (at most 50, oldest first). */
  warnings: DaemonWarning[]
}

/** One warning of the daemon's run, as `daemon.status` lists it (`od list` prints recent ones). */
export interface DaemonWarning {
  code: ErrorCode
  message: string
  /** Epoch ms. */
  at: number
}

/** `daemon.version` result. */
/** Result of `daemon.ping`. */
export interface DaemonPing {
  pong: true
  /** Epoch ms on the daemon's clock. */
  at: number
  pid: number
  uptimeMs: number
  version: string
}

export interface DaemonVersion {
  version: string
  node: string
  platform: string
  arch: string
}

/** How the last run of a process instance ended. */
export interface ProcessExit {
  code: number | null
  signal: string | null
  /** Epoch ms. */
  at: number
  uptimeMs: number
  /** `crash` (ended on its own), `stop` (a user's stop/restart/delete), `max-memory`, `ready-timeout`. */
  reason: 'crash' | 'stop' | 'max-memory' | 'ready-timeout'
}

/**
 * One process instance as `process.list` returns it (`od list --json`). Plain JSON; never holds env.
 *
 * @since 0.1.0
 */
export interface ProcessInfo {
  /** Numeric id of the instance (unique, never reused while the table lives). */
  id: number
  name: string
  namespace: string
  tags: string[]
  /** 0-based index among the app's instances. */
  instance: number
  instances: number
  mode: 'fork'
  status: ProcessStatus
  pid: number | null
  pgid: number | null
  /** Epoch ms of the current run's spawn; null when not running. */
  startedAt: number | null
  uptimeMs: number
  /** Restarts since creation or the last `reset` (automatic and by the user). */
  restarts: number
  /** Consecutive restarts after runs shorter than `minUptime`. */
  unstableRestarts: number
  /** Epoch ms of a pending automatic restart. */
  nextRestartAt: number | null
  exitCode: number | null
  signal: string | null
  lastExit: ProcessExit | null
  script: string
  /** What runs the script: `node`, `python3`, `none` (a binary), `sh` (a shell command). */
  interpreter: string
  args: string[]
  cwd: string
  autorestart: 'always' | 'on-failure' | 'unless-stopped' | 'never'
  /** Registered with `process.adopt`: watched by polling, output not captured. */
  adopted: boolean
  createdAt: number
  /** RSS in bytes from the latest sample; null when not running or unknown. */
  memory: number | null
  /** Percent of one core; null when unknown. */
  cpu: number | null
  /** Why the instance is `errored`. */
  error: { code: string; message: string } | null
}

/** `process.info` result: a {@link ProcessInfo} with the definition and runtime details. */
export interface ProcessDetail extends ProcessInfo {
  /** `stopped` after a user's stop, else `online`. */
  desired: 'online' | 'stopped'
  pidStartTime: number | null
  onlineAt: number | null
  interpreterArgs: string[]
  /** Names of the app's own variables; values are never returned (§5.11). */
  envKeys: string[]
  killSignal: string
  killTimeoutMs: number
  maxMemoryBytes: number | null
  waitReady: boolean
  readyPattern: string | null
  listenTimeoutMs: number
  restartPolicy: {
    autorestart: 'always' | 'on-failure' | 'unless-stopped' | 'never'
    stopExitCodes: number[]
    maxRestarts: number
    minUptimeMs: number
    restartDelayMs: number
    backoff: 'fixed' | 'linear' | 'exponential'
    maxDelayMs: number
    backoffFactor: number
    jitter: number
  }
  logs: { out: string; err: string }
  /** The newest crash record's exit and last lines (§9.7); null when the instance never crashed. */
  crash?: CrashSummary | null
  /** Recent exits, oldest first. */
  history: ProcessExit[]
  /** The app's declared dependencies (§11), in declaration order. */
  dependencies: DependencyRef[]
  /** Names of the apps that depend on this one directly, sorted. */
  dependents: string[]
}

/** One declared dependency of an app (§11.2): the app it needs and when that app counts as ready. */
export interface DependencyRef {
  name: string
  condition: 'started' | 'online' | 'healthy' | 'completed'
}

/** The newest crash record of an instance, as `od info` shows it (§9.7). */
export interface CrashSummary {
  at: number
  code: number | null
  signal: string | null
  reason: 'crash' | 'ready-timeout'
  /** The last lines before the exit (at most 20), oldest first. */
  lines: { timestamp: string; source: 'stdout' | 'stderr'; message: string }[]
}

/**
 * `process.start` params: an app definition (the fields `normalizeAppSpec` accepts: `script`,
 * `name`, `args`, `interpreter`, `cwd`, `env`, `instances`, restart options, PM2/GoPM aliases …).
 */
export interface StartParams {
  script: string
  name?: string
  cwd?: string
  args?: string[] | string
  env?: Record<string, string>
  instances?: number | 'max'
  namespace?: string
  tags?: string[]
  [option: string]: unknown
}

/**
 * `process.start` params of a set (`od start <config>`, §11.3): every entry is validated, and the
 * dependency graph checked, before anything starts; an entry naming an app already in the table
 * starts that app (if not online) instead of creating it. Apps start in dependency order.
 */
export interface BatchStartParams {
  apps: StartParams[]
}

/** Which processes a command acts on (§1.6); `all: true` passes the `--all` guard. */
export interface ProcessSelectorParams {
  target?: string | number
  namespace?: string
  tags?: string[]
  tagsAll?: string[]
  all?: boolean
}

/** `process.stop` params: `cascade` (default true) also stops running dependents first (§11.4). */
export interface ProcessStopParams extends ProcessSelectorParams {
  cascade?: boolean
}

/** `process.restart` params: `cascade: true` restarts the dependents afterwards, in order (§11.4). */
export interface ProcessRestartParams extends ProcessSelectorParams {
  cascade?: boolean
}

/** `deps.graph` params (§11.5): one app's neighbourhood, or the whole graph. */
export interface DepsGraphParams {
  target?: string
}

/** `deps.graph` result (§11.5). */
export interface DepsGraph {
  nodes: {
    name: string
    /** The app's status (the first instance not online, else `online`); `missing` for a dangling name. */
    status: ProcessStatus | 'missing'
    dependencies: DependencyRef[]
    dependents: string[]
  }[]
  edges: { from: string; to: string; condition: DependencyRef['condition'] }[]
  /** Start levels, each sorted by name; stops use the reverse. */
  order: string[][]
  /** Every cycle, printed `api → worker → api`. */
  cycles: string[]
}

/** `process.adopt` params (§8.15). */
export interface AdoptParams {
  pid: number
  name?: string
  namespace?: string
  tags?: string[]
  /** First stop signal (default SIGTERM). */
  killSignal?: string
  /** SIGKILL after this (duration; default 5 s). */
  killTimeout?: number | string
  /** Signal the pid's whole process group instead of the pid alone. */
  groupKill?: boolean
  /**
   * How to start it again once it has ended (§8.15): split into words like a POSIX shell would and
   * run without a shell, unless it contains shell syntax (a pipe, redirection, `;`, `&`, `$`, a
   * glob, a backquote …), then through `/bin/sh -c`. Makes the adopted app restartable.
   */
  restartCommand?: string
  /** Working directory of the restart command (absolute; default `/`). */
  cwd?: string
}

/** `process.env` params: one instance (instance 0 for an app name). */
export interface ProcessEnvParams {
  target: string | number
  /** Reveal the values of keys that look secret (§16.4). */
  showPlain?: boolean
}

/** `process.env` result: the environment an instance was spawned with (or would be, when stopped). */
export interface ProcessEnvResult {
  id: number
  name: string
  instance: number
  running: boolean
  /** Sorted by key; masked values are `••••••`. */
  env: Record<string, string>
  /** Keys whose value comes from the secret store (none until the secret manager exists). */
  secrets: string[]
  /** Keys whose value was replaced by `••••••` (empty with `showPlain`). */
  masked: string[]
}

/** `process.signal` params: a selector, the signal (`SIGUSR2`, `USR2` or a number), `group`. */
export interface ProcessSignalParams extends ProcessSelectorParams {
  signal: string | number
  /** Signal each instance's whole process group instead of its main pid. */
  group?: boolean
}

/** One signalled instance (`process.signal`). */
export interface SignalResult {
  id: number
  pid: number
  /** The canonical name (`SIGUSR2`). */
  signal: string
  /** False when the process ended before the signal reached it. */
  sent: boolean
}

/** `process.reset` params of the hard reset (`od reset --hard --confirm RESET`). */
export interface HardResetParams {
  hard: true
  /** Must be exactly `RESET`. */
  confirm: string
}

/** `process.reset` result of the hard reset. */
export interface HardResetResult {
  reset: true
  /** Instances deleted. */
  deleted: number
}

/** `process.save` result. */
export interface SaveResult {
  file: string
  apps: number
}

/** `process.resurrect` result. */
export interface ResurrectResult {
  started: ProcessInfo[]
  /** Names already in the table, left alone. */
  skipped: string[]
}

/**
 * Every RPC method: name → `{ params, result }`. The daemon registers a handler for each and the
 * SDK's `call()` is typed from it. Plugins add methods by declaration merging.
 *
 * @example
 * ```ts
 * import type { MethodResult } from '@opendaemon/core'
 *
 * type Plugins = MethodResult<'plugin.list'> // PluginInfo[]
 * ```
 * @since 0.1.0
 */
export interface RpcMethods {
  'daemon.status': { params: EmptyParams; result: DaemonStatus }
  'daemon.version': { params: EmptyParams; result: DaemonVersion }
  /** The cheapest call; also what `od ping` shows (pid, uptime, version) without building a status. */
  'daemon.ping': { params: EmptyParams; result: DaemonPing }
  /** Starts a graceful shutdown; answers before the daemon exits. */
  'daemon.shutdown': { params: { timeoutMs?: number }; result: { stopping: true; pid: number } }
  /** Re-reads `config.json`; `changed` lists the top-level keys whose value changed. */
  'daemon.reload': { params: EmptyParams; result: { changed: string[]; at: number } }
  'plugin.list': { params: EmptyParams; result: PluginInfo[] }
  'plugin.info': { params: { name: string }; result: PluginDetails }
  /** Enables a plugin and the dependents it took down; the named plugin comes first. */
  'plugin.enable': { params: { name: string }; result: PluginInfo[] }
  /** Disables a plugin and its dependents; the named plugin comes first. */
  'plugin.disable': { params: { name: string }; result: PluginInfo[] }
  /** Subscribes this connection to event patterns; returns every pattern it now holds. */
  'event.subscribe': { params: { events: EventPattern<EventMap>[] }; result: { events: string[] } }
  /** Drops the given patterns (all when omitted); returns the patterns still held. */
  'event.unsubscribe': { params: { events?: string[] }; result: { events: string[] } }
  /** Creates an app (one entry per instance) and starts it; resolves once each is online, stopped or errored. */
  'process.start': { params: StartParams | BatchStartParams; result: ProcessInfo[] }
  /** Stops the selected instances (kill signal to the group, SIGKILL after killTimeout). */
  'process.stop': { params: ProcessStopParams; result: ProcessInfo[] }
  /** Stops then starts the selected instances. */
  'process.restart': { params: ProcessRestartParams; result: ProcessInfo[] }
  /** Stops and removes the selected instances. */
  'process.delete': { params: ProcessSelectorParams; result: { id: number; name: string; deleted: true }[] }
  /**
   * Clears restart counters and the last exit of the selected instances; with `{ hard: true,
   * confirm: 'RESET' }` deletes every app, clears state.json and dump.json and resets the ids.
   */
  'process.reset': {
    params: ProcessSelectorParams | HardResetParams
    result: ProcessInfo[] | HardResetResult
  }
  /** The environment of one instance (redacted unless `showPlain`). */
  'process.env': { params: ProcessEnvParams; result: ProcessEnvResult }
  /** Sends a signal to the selected instances' main pids (or process groups). */
  'process.signal': { params: ProcessSignalParams; result: SignalResult[] }
  /** The process table, sorted by id. */
  'process.list': { params: { namespace?: string; tags?: string[] }; result: ProcessInfo[] }
  /** Every instance of one app (or one instance by id), with details. */
  'process.info': { params: { target: string | number }; result: ProcessDetail[] }
  /** Writes the table's definitions to dump.json. */
  'process.save': { params: { force?: boolean }; result: SaveResult }
  /** Registers a running process OD did not start: watched, listed, stoppable, not restartable. */
  'process.adopt': { params: AdoptParams; result: ProcessInfo }
  /** Starts the apps of dump.json that are not in the table. */
  'process.resurrect': { params: EmptyParams; result: ResurrectResult }
  /** The dependency graph (§11.5): nodes with status, edges, start levels and cycles. */
  'deps.graph': { params: DepsGraphParams; result: DepsGraph }
  /** The newest lines of the selected apps, oldest first (current files; rotated ones when needed). */
  'log.tail': { params: LogReadParams; result: { entries: LogEntry[] } }
  /** Searches current and rotated (gzipped) files newest first, stopping at `since`. */
  'log.search': { params: LogReadParams; result: LogSearchResult }
  /** Opens a log stream on this connection: history, then live `log` notifications. */
  'log.stream': { params: LogStreamParams; result: { stream: string } }
  /** Ends a log stream of this connection. */
  'log.unstream': { params: { stream: string }; result: { closed: true } }
  /** Truncates the current log files of the selection (every app when omitted); `rotated`/`crash` also delete those. */
  'log.flush': {
    params: { selector?: LogSelector; rotated?: boolean; crash?: boolean }
    result: { name: string; files: string[]; bytes: number }[]
  }
  /** Closes and reopens every open log file (external rotation tools; SIGUSR2). */
  'log.reload': { params: EmptyParams; result: { reopened: number } }
  /** Writes every queued log byte (and fsyncs the files with `fsync: true`). */
  'log.sync': { params: { fsync?: boolean }; result: Record<string, never> }
}

/** Any RPC method name. */
export type MethodName = keyof RpcMethods & string

/** Params type of method `M`. */
export type MethodParams<M extends MethodName> = RpcMethods[M]['params']

/** Result type of method `M`. */
export type MethodResult<M extends MethodName> = RpcMethods[M]['result']

/** Who is calling; the IPC server fills it in. Augmentable by declaration merging. */
export interface CallMeta {
  /** Connection the request came on; absent for in-process calls. */
  readonly connectionId?: string
  /** Identity the client announced when authenticating. */
  readonly client?: IpcClientInfo
  /** The connection itself, for methods that push notifications later (log streams); absent in-process. */
  readonly channel?: CallChannel
}

/** Push access to the connection a call came on. */
export interface CallChannel {
  /** Sends a JSON-RPC notification (frame 0x03); false when the connection is gone. */
  notify(method: string, params?: unknown): boolean
  /** Bytes written to the socket and not yet taken by the peer (a slow reader makes it grow). */
  queuedBytes(): number
  /** Aborted when the connection closes. */
  readonly signal: AbortSignal
}

/**
 * A method definition: parse `unknown` into typed params (throwing `OD_INVALID_PARAMS` with the
 * path), then handle them. Handlers return data or throw a {@link DaemonError}.
 *
 * @example
 * ```ts
 * import { createParamsParser, type MethodDef } from '@opendaemon/core'
 *
 * const ping: MethodDef<'daemon.ping'> = {
 *   description: 'Answer with pong',
 *   params: createParamsParser({ type: 'object', additionalProperties: false }),
 *   handler: () => ({ pong: true, at: Date.now() }),
 * }
 * ```
 * @since 0.1.0
 */
export interface MethodDef<M extends MethodName> {
  readonly description: string
  readonly params: (input: unknown) => MethodParams<M>
  readonly handler: (params: MethodParams<M>, meta: CallMeta) => MethodResult<M> | Promise<MethodResult<M>>
}

/** A registered method as the kernel lists it. */
export interface MethodInfo {
  name: string
  description: string
  /** Plugin name, or `kernel` for methods the daemon registers itself. */
  owner: string
}
