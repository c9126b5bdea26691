import type { Clock } from '../clock.js'
import type { DaemonConfig } from '../config/daemon-config.js'
import type { DaemonError } from '../errors/daemon-error.js'
import type { EventBus } from '../event-bus.js'
import type { EventMap } from '../events.js'
import type { Logger } from '../logger.js'
import type { OdPaths } from '../paths.js'
import type { DeepReadonly } from '../plain-data.js'
import type { MethodDef, MethodName } from '../rpc/methods.js'
import type { JsonSchema } from '../schema/json-schema.js'
import type { StateStore } from '../state-store.js'
import type { HookHandler, HookName, HookOutcome, HookPayload } from './hooks.js'
import type { MetricDefinition } from './metrics.js'

/**
 * A plugin's window into the kernel. Each (re)activation gets a fresh context; once the plugin is
 * disabled or stopped its `register*` calls and subscriptions throw `OD_PLUGIN_DISABLED`.
 * Everything registered through it (methods, event subscriptions, hooks, metrics) is removed
 * automatically when the plugin stops.
 */
export interface PluginContext<C = unknown> {
  /** The plugin's own name. */
  readonly name: string
  /** The daemon configuration (frozen). */
  readonly config: DeepReadonly<DaemonConfig>
  /** `defaultConfig` deep-merged with the user's `plugins[name]` and validated (frozen). */
  readonly pluginConfig: DeepReadonly<C>
  /** The event bus, scoped: handler failures count against this plugin. */
  readonly events: EventBus<EventMap>
  /** A logger scoped to the plugin name. */
  readonly logger: Logger
  /** In-memory key/value store private to this plugin; it survives disable/enable. */
  readonly store: StateStore
  readonly clock: Clock
  readonly paths: OdPaths
  /** Registers an RPC method (throws `OD_METHOD_DUPLICATE` if the name is taken). */
  registerMethod<M extends MethodName>(name: M, def: MethodDef<M>): void
  /** Registers a handler for a named hook other plugins run with `runHook`. */
  registerHook<N extends HookName>(name: N, handler: HookHandler<N>): void
  /** Runs every handler of hook `name`, in plugin load order; see {@link HookOutcome}. */
  runHook<N extends HookName>(name: N, payload: HookPayload<N>): Promise<HookOutcome<N>[]>
  /**
   * Returns a declared dependency's plugin object (`undefined` if it is not running).
   * @throws {DaemonError} `OD_PLUGIN_ACCESS_DENIED` when `name` is not in `dependencies`.
   */
  getPlugin<P extends Plugin = Plugin>(name: string): P | undefined
  /** Exposes a metric (throws `OD_METRIC_DUPLICATE` / `OD_METRIC_INVALID`). */
  registerMetric(metric: MetricDefinition): void
}

/**
 * An OpenDaemon plugin: a declaration plus lifecycle steps. Every step may be async and is
 * bounded by the kernel's hook timeout (`OD_PLUGIN_TIMEOUT` on overrun). Order: `install` for all
 * plugins, then `onStart` for all, then `onReady` for all (dependencies first, then by
 * `priority`, then by name); `onStop` in reverse order.
 *
 * @typeParam C - Plugin configuration type, inferred from `defaultConfig`.
 */
export interface Plugin<C = unknown> {
  /** Unique kebab-case name (`process-manager`). */
  readonly name: string
  /** Semantic version. */
  readonly version: string
  readonly description: string
  /** Lower loads first among plugins whose dependencies are met; default 100. */
  readonly priority?: number
  /** Plugins that must be installed and started before this one. */
  readonly dependencies?: readonly string[]
  /** Plugins that cannot run together with this one. */
  readonly conflicts?: readonly string[]
  /** Merged under the user's configuration. */
  readonly defaultConfig?: C
  /** Validates the merged configuration (`OD_PLUGIN_CONFIG_INVALID` with every path). */
  readonly configSchema?: JsonSchema
  /** Registers methods, subscriptions, hooks and metrics. */
  install(context: PluginContext<C>): void | Promise<void>
  /** After every plugin is installed: initialization that needs other plugins. */
  onStart?(context: PluginContext<C>): void | Promise<void>
  /** When the daemon is ready to serve. */
  onReady?(context: PluginContext<C>): void | Promise<void>
  /** On shutdown or when disabled (only if `install` completed). */
  onStop?(context: PluginContext<C>): void | Promise<void>
  /**
   * The deadline of `onStop` in ms, asked right before it runs, for a plugin whose stop may take
   * longer than the kernel's hook timeout (`hookTimeoutMs`, 10 s): the process manager answers
   * its apps' largest kill timeout plus a margin. It only extends the deadline: a value below
   * `hookTimeoutMs`, a value that is not a finite number, or a throw leaves `hookTimeoutMs`. The
   * daemon's `shutdownTimeoutMs` still bounds the whole shutdown.
   *
   * @example
   * ```ts
   * stopTimeoutMs: (ctx) => ctx.pluginConfig.drainMs + 1_000,
   * ```
   */
  stopTimeoutMs?(context: PluginContext<C>): number
  /** Told about every failure caught by the plugin's error boundary. */
  onError?(error: DaemonError, context: PluginContext<C>): void | Promise<void>
  /** Called by `healthChecks()` (the watchdog); false or a throw means unhealthy. */
  healthCheck?(context: PluginContext<C>): boolean | Promise<boolean>
}

/**
 * Declares a plugin. It returns its argument unchanged; it exists so TypeScript infers the config
 * type from `defaultConfig` and checks every method and event name used in the plugin.
 *
 * @example
 * ```ts
 * import { definePlugin, type TimerHandle } from '@opendaemon/core'
 *
 * export function createHeartbeatPlugin() {
 *   let timer: TimerHandle | undefined
 *   return definePlugin({
 *     name: 'heartbeat',
 *     version: '0.1.0',
 *     description: 'Logs a line every intervalMs',
 *     defaultConfig: { intervalMs: 60_000 },
 *     install(ctx) {
 *       timer = ctx.clock.setInterval(() => ctx.logger.info('alive'), ctx.pluginConfig.intervalMs)
 *     },
 *     onStop(ctx) {
 *       if (timer !== undefined) ctx.clock.clearInterval(timer)
 *     },
 *   })
 * }
 * ```
 * @since 0.1.0
 */
export function definePlugin<C>(plugin: Plugin<C>): Plugin<C> {
  return plugin
}
