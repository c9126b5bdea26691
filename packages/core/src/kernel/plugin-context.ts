import { DaemonError } from '../errors/daemon-error.js'
import type { Plugin, PluginContext } from '../plugins/plugin.js'
import { reportFailure } from './error-boundary.js'
import { runHook } from './kernel-calls.js'
import { findRecord, isActive, type KernelCore, type PluginRecord, type PluginScope } from './kernel-core.js'
import { createScopedEventBus } from './scoped-events.js'

/**
 * Creates a fresh scope (context + scoped bus) for one activation of `record`. Every registration
 * goes through it and is tied to the plugin, so the kernel can remove them all when the plugin
 * stops; after that the context throws `OD_PLUGIN_DISABLED`.
 */
export function createPluginScope(core: KernelCore, record: PluginRecord): PluginScope {
  const { name } = record
  const disabled = () => new DaemonError('OD_PLUGIN_DISABLED', name)
  const events = createScopedEventBus(core.events, {
    onFailure: (error, where) => void reportFailure(core, record, error, where),
    disposedError: disabled,
  })
  const dependencies = record.plugin.dependencies ?? []
  // `scope` is declared below; `live` only runs after it exists.
  const live = () => {
    if (scope.revoked) throw disabled()
  }
  record.methods = []

  const ctx: PluginContext = {
    name,
    config: core.config,
    pluginConfig: record.config,
    events,
    logger: core.logger.child(name),
    store: core.store.namespace(name),
    clock: core.clock,
    paths: core.paths,
    registerMethod(method, def) {
      live()
      core.methods.add(name, method, def)
      record.methods.push(method)
    },
    registerHook(hook, handler) {
      live()
      core.hooks.add(name, record.rank, hook, handler as (payload: unknown) => unknown)
    },
    runHook: (hook, payload) => runHook(core, hook, payload),
    getPlugin<P extends Plugin = Plugin>(other: string): P | undefined {
      if (!dependencies.includes(other)) throw new DaemonError('OD_PLUGIN_ACCESS_DENIED', name, other)
      const dep = findRecord(core, other)
      return dep !== undefined && isActive(dep.state) ? (dep.plugin as P) : undefined
    },
    registerMetric(metric) {
      live()
      core.metrics.add(name, record.rank, metric)
    },
  }
  const scope: PluginScope = { ctx, events, revoked: false }
  return scope
}
