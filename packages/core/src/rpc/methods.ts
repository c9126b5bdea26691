import type { DaemonState, EventMap, IpcClientInfo, ProcessStatus } from '../events.js'
import type { EventPattern } from '../event-pattern.js'
import type { PluginDetails, PluginInfo, PluginSummary } from '../plugins/plugin-info.js'

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
}

/** `daemon.version` result. */
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
  /** Recent exits, oldest first. */
  history: ProcessExit[]
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

/** Which processes a command acts on (§1.6); `all: true` passes the `--all` guard. */
export interface ProcessSelectorParams {
  target?: string | number
  namespace?: string
  tags?: string[]
  tagsAll?: string[]
  all?: boolean
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
  'daemon.ping': { params: EmptyParams; result: { pong: true; at: number } }
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
  'process.start': { params: StartParams; result: ProcessInfo[] }
  /** Stops the selected instances (kill signal to the group, SIGKILL after killTimeout). */
  'process.stop': { params: ProcessSelectorParams; result: ProcessInfo[] }
  /** Stops then starts the selected instances. */
  'process.restart': { params: ProcessSelectorParams; result: ProcessInfo[] }
  /** Stops and removes the selected instances. */
  'process.delete': { params: ProcessSelectorParams; result: { id: number; name: string; deleted: true }[] }
  /** Clears restart counters and the last exit of the selected instances. */
  'process.reset': { params: ProcessSelectorParams; result: ProcessInfo[] }
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
