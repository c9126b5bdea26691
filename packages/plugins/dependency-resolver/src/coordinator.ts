/**
 * The {@link DependencyCoordinator} the plugin registers with the process manager: graph checks
 * with errors that name the apps, ordered and gated starts, reverse-ordered stops, cascades.
 */
import { DaemonError } from '@opendaemon/core'
import type { DependencyCoordinator, DependencyNode } from '@opendaemon/plugin-process-manager'
import { checkGraph, dependentsClosure, type GraphIssue } from './dependency-graph.js'
import { createStartGate, type GateDeps } from './start-gate.js'
import { stopInOrder } from './stop-order.js'

function issueError(issue: GraphIssue, data: Record<string, unknown> = {}): DaemonError {
  return issue.kind === 'cycle'
    ? new DaemonError('OD_DEPENDENCY_CYCLE', issue.text, { data })
    : new DaemonError('OD_DEPENDENCY_UNKNOWN', issue.app, issue.missing, { data })
}

/**
 * The graph problems that concern `names`, as one error (the first) listing every one in
 * `data.errors`; null when there is none.
 *
 * @example
 * ```ts
 * const error = graphError(['api'], apps)
 * if (error !== null) throw error // Dependency cycle: api → worker → api. …
 * ```
 */
export function graphError(names: readonly string[], apps: readonly DependencyNode[]): DaemonError | null {
  const known = new Set(apps.map((app) => app.name))
  const issues = checkGraph(apps, (name) => known.has(name)).filter((issue) =>
    issue.kind === 'cycle' ? issue.cycle.some((n) => names.includes(n)) : names.includes(issue.app),
  )
  const [first] = issues
  if (first === undefined) return null
  const errors = issues.map((issue) => {
    const error = issueError(issue)
    return { code: error.code, message: error.message }
  })
  return issueError(first, { errors })
}

/**
 * Creates the coordinator.
 *
 * @example
 * ```ts
 * const coordinator = createCoordinator({ clock: ctx.clock, events: ctx.events, onStateChange })
 * pm.api.useDependencies(coordinator)
 * ```
 */
export function createCoordinator(deps: GateDeps): DependencyCoordinator {
  const gate = createStartGate(deps)
  return {
    check(names, apps) {
      const error = graphError(names, apps)
      if (error !== null) throw error
    },
    startSet: (names, table, start, options) => gate.start(names, table, start, options),
    stopSet: (names, table, stop) => stopInOrder(names, table.apps(), stop),
    dependents: (names, table) => dependentsClosure(table.apps(), names),
  }
}
