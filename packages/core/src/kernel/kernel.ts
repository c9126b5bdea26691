import { systemClock, type Clock } from '../clock.js'
import { resolveDaemonConfig, type DaemonConfig } from '../config/daemon-config.js'
import { createDaemonStateMachine } from '../daemon-state.js'
import { DaemonError } from '../errors/daemon-error.js'
import { createEventBus, type EventBus } from '../event-bus.js'
import type { DaemonState, DaemonStopReason, EventMap } from '../events.js'
import { createLogger, type Logger } from '../logger.js'
import type { OdPaths } from '../paths.js'
import { clonePlain, deepFreeze, type DeepReadonly } from '../plain-data.js'
import type { HookName, HookOutcome, HookPayload } from '../plugins/hooks.js'
import type { MetricDefinition, MetricSnapshot } from '../plugins/metrics.js'
import type { Plugin } from '../plugins/plugin.js'
import type { PluginDetails, PluginHealth, PluginInfo } from '../plugins/plugin-info.js'
import type {
  CallMeta,
  MethodDef,
  MethodInfo,
  MethodName,
  MethodParams,
  MethodResult,
} from '../rpc/methods.js'
import { createStateStore } from '../state-store.js'
import { createCircuitBreaker, type BreakerOptions } from './circuit-breaker.js'
import { callMethod, collectMetrics, runHealthChecks, runHook } from './kernel-calls.js'
import { createDaemonLifecycle } from './daemon-lifecycle.js'
import {
  findRecord,
  isActive,
  toPluginDetails,
  toPluginInfo,
  type KernelCore,
  type PluginRecord,
  type PluginScope,
} from './kernel-core.js'
import { resolveLoadOrder } from './load-order.js'
import { resolvePluginConfig } from './plugin-config.js'
import { disablePlugin, enablePlugin } from './plugin-lifecycle.js'
import {
  createHookRegistry,
  createMethodRegistry,
  createMetricRegistry,
  KERNEL_OWNER,
} from './registrations.js'
import { createSerialQueue } from './serial-queue.js'
import { stopDeadlineMs } from './take-down.js'

/** Options of {@link createKernel}. */
export interface KernelOptions {
  readonly paths: OdPaths
  /** Resolved daemon configuration; default: every default of {@link resolveDaemonConfig}. */
  readonly config?: DaemonConfig
  /** Plugin declarations, in any order (load order is computed). */
  readonly plugins?: readonly Plugin[]
  readonly clock?: Clock
  /** Default: a silent logger. Plugins get `logger.child(pluginName)`. */
  readonly logger?: Logger
  /** Overrides `config.hookTimeoutMs`. */
  readonly hookTimeoutMs?: number
  /** Overrides `config.breaker` field by field. */
  readonly breaker?: Partial<BreakerOptions>
  /** Bus to use; default: a new one that logs failing handlers. */
  readonly events?: EventBus<EventMap>
  /** Reported in daemon events; default `process.pid`. */
  readonly pid?: number
}

/**
 * The micro-kernel: plugins, their lifecycle and error boundaries, the event bus, RPC methods,
 * hooks, metrics and the daemon state machine. See {@link createKernel}.
 */
export interface Kernel {
  readonly state: DaemonState
  readonly events: EventBus<EventMap>
  readonly config: DeepReadonly<DaemonConfig>
  readonly paths: OdPaths
  /** Epoch ms when `start()` began; `null` before. */
  readonly startedAt: number | null
  /**
   * Boots: checks every declaration (rejecting with `OD_PLUGIN_*` before any install), then
   * install → onStart for all plugins (state `ready`), onReady for all (state `running`). A plugin
   * failing a step does not fail the boot. Calling it again returns the same promise.
   */
  start(): Promise<void>
  /** Stops every running plugin in reverse order (state `stopped`). Idempotent. */
  stop(reason?: DaemonStopReason): Promise<void>
  /**
   * The longest `onStop` deadline among the active plugins (a plugin's `stopTimeoutMs`, at least
   * the hook timeout; 0 when none is active). The daemon warns when it exceeds `shutdownTimeoutMs`.
   */
  stopBudgetMs(): number
  /**
   * Runs a method: params are parsed by the method's parser, the handler runs inside its owner's
   * error boundary. A known method name types params and result; any other string (a name from
   * the wire) takes and returns `unknown`.
   */
  call<M extends string>(
    method: M,
    params: M extends MethodName ? MethodParams<M> : unknown,
    meta?: CallMeta,
  ): Promise<M extends MethodName ? MethodResult<M> : unknown>
  /** Registers a method owned by the daemon (`kernel`); returns its unregister function. */
  registerMethod<M extends MethodName>(name: M, def: MethodDef<M>): () => void
  /** Registers a metric owned by the daemon; returns its unregister function. */
  registerMetric(metric: MetricDefinition): () => void
  runHook<N extends HookName>(name: N, payload: HookPayload<N>): Promise<HookOutcome<N>[]>
  listPlugins(): PluginInfo[]
  /** @throws {DaemonError} `OD_PLUGIN_NOT_FOUND`. */
  pluginInfo(name: string): PluginDetails
  listMethods(): MethodInfo[]
  enablePlugin(name: string): Promise<PluginInfo[]>
  disablePlugin(name: string): Promise<PluginInfo[]>
  healthChecks(): Promise<PluginHealth[]>
  metrics(): Promise<MetricSnapshot[]>
}

function prepareRecords(
  plugins: readonly Plugin[],
  config: DeepReadonly<DaemonConfig>,
  breaker: BreakerOptions,
): { records: PluginRecord[]; error?: unknown } {
  try {
    const records = resolveLoadOrder(plugins).map((plugin, rank): PluginRecord => ({
      plugin,
      name: plugin.name,
      rank,
      config: resolvePluginConfig(plugin, config.plugins[plugin.name]),
      breaker: createCircuitBreaker(breaker),
      state: 'registered',
      disabledReason: undefined,
      lastError: undefined,
      failure: undefined,
      failures: 0,
      scope: undefined,
      methods: [],
    }))
    return { records }
  } catch (error) {
    return { records: [], error }
  }
}

function createCore(options: KernelOptions): { core: KernelCore; declarationError: unknown } {
  const config = deepFreeze(clonePlain(options.config ?? resolveDaemonConfig(undefined)))
  const logger = options.logger ?? createLogger({ level: 'silent' })
  const clock = options.clock ?? systemClock
  const breaker = { ...config.breaker, ...options.breaker }
  const { records, error } = prepareRecords(options.plugins ?? [], config, breaker)
  const events =
    options.events ??
    createEventBus<EventMap>({
      onHandlerError: (handlerError, { event, pattern }) =>
        logger.warn('event handler failed', { event, pattern, error: handlerError }),
    })
  const core: KernelCore = {
    clock,
    logger,
    events,
    config,
    paths: options.paths,
    pid: options.pid ?? process.pid,
    hookTimeoutMs: options.hookTimeoutMs ?? config.hookTimeoutMs,
    store: createStateStore(),
    methods: createMethodRegistry(),
    hooks: createHookRegistry(),
    metrics: createMetricRegistry(),
    machine: createDaemonStateMachine({ clock }),
    queue: createSerialQueue(),
    records,
  }
  return { core, declarationError: error }
}

/**
 * Creates a kernel. Nothing runs until `start()`.
 *
 * @example
 * ```ts
 * import { createKernel, definePlugin, resolvePaths } from '@opendaemon/core'
 *
 * const hello = definePlugin({
 *   name: 'hello',
 *   version: '1.0.0',
 *   description: 'Answers daemon.ping',
 *   install(ctx) {
 *     ctx.registerMethod('daemon.ping', {
 *       description: 'Answer with pong',
 *       params: () => ({}),
 *       handler: () => ({ pong: true, at: ctx.clock.now() }),
 *     })
 *   },
 * })
 * const kernel = createKernel({ paths: resolvePaths({ OD_HOME: '/tmp/od-demo' }, '/home/me'), plugins: [hello] })
 * await kernel.start()
 * console.log(await kernel.call('daemon.ping', {})) // { pong: true, at: … }
 * await kernel.stop()
 * ```
 * @since 0.1.0
 */
export function createKernel(options: KernelOptions): Kernel {
  const { core, declarationError } = createCore(options)
  const lifecycle = createDaemonLifecycle(core, declarationError)
  const requirePlugin = (name: string) => {
    const record = findRecord(core, name)
    if (record === undefined) throw new DaemonError('OD_PLUGIN_NOT_FOUND', name)
    return record
  }

  return {
    get state() {
      return core.machine.state
    },
    events: core.events,
    config: core.config,
    paths: core.paths,
    get startedAt() {
      return lifecycle.startedAt()
    },
    start: () => lifecycle.start(),
    stop: (reason = 'request') => lifecycle.stop(reason),
    stopBudgetMs: () =>
      core.records
        .filter((record) => isActive(record.state))
        .reduce(
          (most, record) => Math.max(most, stopDeadlineMs(core, record, record.scope as PluginScope)),
          0,
        ),
    call: ((method: string, params: unknown, meta: CallMeta = {}) =>
      callMethod(core, method, params, meta)) as Kernel['call'],
    registerMethod(name, def) {
      core.methods.add(KERNEL_OWNER, name, def)
      return () => core.methods.remove(name, KERNEL_OWNER)
    },
    registerMetric(metric) {
      core.metrics.add(KERNEL_OWNER, -1, metric)
      return () => core.metrics.remove(metric.name, KERNEL_OWNER)
    },
    runHook: (name, payload) => runHook(core, name, payload),
    listPlugins: () => core.records.map(toPluginInfo),
    pluginInfo: (name) => toPluginDetails(core, requirePlugin(name)),
    listMethods: () => core.methods.list(),
    enablePlugin: (name) => core.queue.run(() => enablePlugin(core, name)),
    disablePlugin: (name) => core.queue.run(() => disablePlugin(core, name)),
    healthChecks: () => runHealthChecks(core),
    metrics: () => collectMetrics(core),
  }
}
