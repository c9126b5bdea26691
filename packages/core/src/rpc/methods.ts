import type { DaemonState, EventMap, IpcClientInfo } from '../events.js'
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
