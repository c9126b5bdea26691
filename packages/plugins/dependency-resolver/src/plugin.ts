/**
 * The dependency-resolver plugin (SPECIFICATION.md §11): registers its ordering and gating
 * functions with the process manager's `api` (the process manager cannot depend on it) and serves
 * `deps.graph`.
 */
import {
  createParamsParser,
  DaemonError,
  definePlugin,
  type DepsGraphParams,
  type Plugin,
} from '@opendaemon/core'
import type { ProcessManagerApi } from '@opendaemon/plugin-process-manager'
import { createCoordinator } from './coordinator.js'
import { describeGraph } from './graph-view.js'

const parseGraph = createParamsParser<DepsGraphParams>({
  type: 'object',
  properties: { target: { type: 'string', minLength: 1 } },
  additionalProperties: false,
})

function apiOf(plugin: Plugin | undefined): ProcessManagerApi {
  const api = (plugin as { api?: Partial<ProcessManagerApi> } | undefined)?.api
  if (typeof api?.useDependencies !== 'function' || typeof api.table !== 'function') {
    throw new DaemonError('OD_PLUGIN_DEPENDENCY_MISSING', 'dependency-resolver', 'process-manager')
  }
  return api as ProcessManagerApi
}

/**
 * Create the dependency-resolver plugin.
 *
 * @example
 * ```ts
 * import { createKernel, resolvePaths } from '@opendaemon/core'
 * import { createProcessManagerPlugin } from '@opendaemon/plugin-process-manager'
 * import { createDependencyResolverPlugin } from '@opendaemon/plugin-dependency-resolver'
 *
 * const kernel = createKernel({
 *   paths: resolvePaths({ OD_HOME: '/tmp/od-demo' }, '/root'),
 *   plugins: [createProcessManagerPlugin(), createDependencyResolverPlugin()],
 * })
 * await kernel.start()
 * const graph = await kernel.call('deps.graph', {})
 * ```
 */
export function createDependencyResolverPlugin(): Plugin {
  let remove: (() => void) | undefined
  return definePlugin({
    name: 'dependency-resolver',
    version: '0.1.0',
    description: 'Starts apps after their dependencies are ready and stops them in reverse order',
    dependencies: ['process-manager'],
    priority: 20,

    install(ctx) {
      const pm = apiOf(ctx.getPlugin('process-manager'))
      const coordinator = createCoordinator({
        clock: ctx.clock,
        events: ctx.events,
        onStateChange: (listener) => ctx.events.on('process:state', listener),
      })
      remove = pm.useDependencies(coordinator)
      ctx.registerMethod('deps.graph', {
        description: 'The dependency graph: nodes with status, edges, start levels and cycles',
        params: parseGraph,
        handler: ({ target }) => describeGraph(pm.table().apps(), target),
      })
    },

    onStop() {
      remove?.()
      remove = undefined
    },
  })
}
