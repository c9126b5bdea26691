import type { Clock } from '../clock.js'
import type { DaemonConfig } from '../config/daemon-config.js'
import type { DaemonStateMachine } from '../daemon-state.js'
import type { DaemonError } from '../errors/daemon-error.js'
import type { EventBus } from '../event-bus.js'
import type { DisabledReason, EventMap, PluginState } from '../events.js'
import type { Logger } from '../logger.js'
import type { OdPaths } from '../paths.js'
import type { DeepReadonly } from '../plain-data.js'
import type { Plugin, PluginContext } from '../plugins/plugin.js'
import type { PluginDetails, PluginInfo } from '../plugins/plugin-info.js'
import type { StateStoreRoot } from '../state-store.js'
import type { CircuitBreaker } from './circuit-breaker.js'
import { DEFAULT_PRIORITY } from './load-order.js'
import type { HookRegistry, MethodRegistry, MetricRegistry } from './registrations.js'
import type { ScopedEventBus } from './scoped-events.js'
import type { SerialQueue } from './serial-queue.js'

/** What one activation of a plugin holds; replaced on every enable, revoked when it stops. */
export interface PluginScope {
  readonly ctx: PluginContext
  readonly events: ScopedEventBus
  revoked: boolean
}

/** The kernel's bookkeeping for one plugin. */
export interface PluginRecord {
  readonly plugin: Plugin
  readonly name: string
  /** Position in load order. */
  readonly rank: number
  /** Resolved, frozen plugin configuration. */
  readonly config: unknown
  readonly breaker: CircuitBreaker
  state: PluginState
  disabledReason: DisabledReason | undefined
  lastError: PluginInfo['lastError']
  /** The error that made the plugin `failed`, rethrown by `enablePlugin`. */
  failure: DaemonError | undefined
  failures: number
  scope: PluginScope | undefined
  /** Methods registered by the current (or last) activation. */
  methods: string[]
}

/** Shared state of one kernel, passed to the kernel's modules. */
export interface KernelCore {
  readonly clock: Clock
  readonly logger: Logger
  readonly events: EventBus<EventMap>
  readonly config: DeepReadonly<DaemonConfig>
  readonly paths: OdPaths
  readonly pid: number
  readonly hookTimeoutMs: number
  readonly store: StateStoreRoot
  readonly methods: MethodRegistry
  readonly hooks: HookRegistry
  readonly metrics: MetricRegistry
  readonly machine: DaemonStateMachine
  readonly queue: SerialQueue
  /** Every plugin, in load order. */
  readonly records: readonly PluginRecord[]
}

const ACTIVE_STATES: readonly PluginState[] = ['installed', 'started', 'ready']

/** True for states in which a plugin holds a live context (install completed). */
export function isActive(state: PluginState): boolean {
  return ACTIVE_STATES.includes(state)
}

/** The record named `name`. */
export function findRecord(core: KernelCore, name: string): PluginRecord | undefined {
  return core.records.find((record) => record.name === name)
}

/** True once the kernel is shutting down (no more enabling, no more breaker trips). */
export function isShuttingDown(core: KernelCore): boolean {
  return core.machine.state === 'stopping' || core.machine.state === 'stopped'
}

/** The JSON description of a plugin for `plugin.list`. */
export function toPluginInfo(record: PluginRecord): PluginInfo {
  const { plugin } = record
  return {
    name: record.name,
    version: plugin.version,
    description: plugin.description,
    state: record.state,
    priority: plugin.priority ?? DEFAULT_PRIORITY,
    dependencies: [...(plugin.dependencies ?? [])],
    conflicts: [...(plugin.conflicts ?? [])],
    methods: [...record.methods].sort(),
    failures: record.failures,
    ...(record.lastError === undefined ? {} : { lastError: { ...record.lastError } }),
    ...(record.disabledReason === undefined ? {} : { disabledReason: record.disabledReason }),
  }
}

/** {@link toPluginInfo} plus hooks, metrics, subscriptions and dependents, for `plugin.info`. */
export function toPluginDetails(core: KernelCore, record: PluginRecord): PluginDetails {
  return {
    ...toPluginInfo(record),
    hooks: core.hooks.namesOf(record.name).sort(),
    metrics: core.metrics.namesOf(record.name),
    subscriptions: record.scope?.events.subscriptions() ?? 0,
    dependents: core.records
      .filter((r) => r.plugin.dependencies?.includes(record.name) === true)
      .map((r) => r.name),
  }
}
