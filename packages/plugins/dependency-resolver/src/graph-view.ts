/**
 * The `deps.graph` result (SPECIFICATION.md §11.5): nodes with their status, edges, start levels
 * and cycles, for the whole table or one app's neighbourhood. Pure: the CLI draws it.
 */
import { DaemonError, type DepsGraph, type ProcessStatus } from '@opendaemon/core'
import type { DependencyAppFacts } from '@opendaemon/plugin-process-manager'
import {
  dependenciesClosure,
  dependencyNames,
  dependentsClosure,
  dependentsIndex,
  findCycles,
  formatCycle,
  startLevels,
} from './dependency-graph.js'

function appStatus(app: DependencyAppFacts): ProcessStatus {
  return app.instances.find((i) => i.status !== 'online')?.status ?? 'online'
}

/**
 * Builds the graph of `apps`; with `target`, only that app, what it needs and what needs it.
 *
 * @throws {DaemonError} `OD_PROCESS_NOT_FOUND` when no app is named `target`.
 * @example
 * ```ts
 * const graph = describeGraph(table.apps(), 'api')
 * graph.order // [['db'], ['api'], ['gateway']]
 * ```
 */
export function describeGraph(apps: readonly DependencyAppFacts[], target?: string): DepsGraph {
  if (target !== undefined && !apps.some((app) => app.name === target)) {
    throw new DaemonError('OD_PROCESS_NOT_FOUND', target)
  }
  const keep =
    target === undefined
      ? null
      : new Set([target, ...dependenciesClosure(apps, [target]), ...dependentsClosure(apps, [target])])
  const shown = apps.filter((app) => keep === null || keep.has(app.name))
  const dependents = dependentsIndex(shown)
  const known = new Set(apps.map((app) => app.name))
  const missing = [...new Set(shown.flatMap((app) => dependencyNames(app)))].filter((n) => !known.has(n))
  const nodes: DepsGraph['nodes'] = [
    ...shown.map((app) => ({
      name: app.name,
      status: appStatus(app) as DepsGraph['nodes'][number]['status'],
      dependencies: app.dependencies.map((dep) => ({ ...dep })),
      dependents: dependents.get(app.name) ?? [],
    })),
    ...missing.map((name) => ({
      name,
      status: 'missing' as const,
      dependencies: [],
      // A missing name is only ever shown because an app depends on it.
      dependents: dependents.get(name) as string[],
    })),
  ].sort((a, b) => a.name.localeCompare(b.name))
  return {
    nodes,
    edges: shown.flatMap((app) =>
      app.dependencies.map((dep) => ({ from: app.name, to: dep.name, condition: dep.condition })),
    ),
    order: startLevels(shown),
    cycles: findCycles(shown).map(formatCycle),
  }
}
