/**
 * The process table as the dependency resolver reads it ({@link DependencyTable}): per app its
 * declared dependencies, timeout and the facts of each live instance.
 */
import type { DependencyRef } from '@opendaemon/core'
import type { AppSpec } from './app-spec.js'
import { DEFAULT_DEPENDENCY_TIMEOUT_MS } from './dependency-fields.js'
import type { DependencyAppFacts, DependencyNode, DependencyTable } from './dependency-hooks.js'
import type { Supervisor } from './supervisor.js'

/** One app of the table: its name, spec and live instances. */
export interface TableApp {
  readonly name: string
  readonly spec: AppSpec
  readonly sups: readonly Supervisor[]
}

/** The dependencies of a spec (none in specs saved before they existed). */
export function dependenciesOf(spec: AppSpec): DependencyRef[] {
  return spec.dependencies ?? []
}

function factsOf(app: TableApp): DependencyAppFacts {
  return {
    name: app.name,
    dependencies: dependenciesOf(app.spec),
    dependencyTimeoutMs: app.spec.dependencyTimeoutMs ?? DEFAULT_DEPENDENCY_TIMEOUT_MS,
    instances: app.sups.map((sup) => {
      const state = sup.snapshot()
      return {
        status: state.status,
        restartPending: state.nextRestartAt !== null,
        exitCode: state.lastExit?.code ?? null,
      }
    }),
  }
}

/**
 * A live view of the table: every call of `apps()` reads the current states.
 *
 * @example
 * ```ts
 * const view = dependencyTable(() => table.map((e) => ({ name: e.name, spec: e.spec, sups: supsOf(e) })))
 * view.apps()[0]?.instances[0]?.status // 'online'
 * ```
 */
export function dependencyTable(apps: () => readonly TableApp[]): DependencyTable {
  return { apps: () => apps().map(factsOf) }
}

/** The graph of the table with `specs` added or replacing the apps of the same name. */
export function graphWith(apps: readonly TableApp[], specs: readonly AppSpec[]): DependencyNode[] {
  const replaced = new Set(specs.map((spec) => spec.name))
  return [
    ...apps
      .filter((app) => !replaced.has(app.name))
      .map((app) => ({ name: app.name, dependencies: dependenciesOf(app.spec) })),
    ...specs.map((spec) => ({ name: spec.name, dependencies: dependenciesOf(spec) })),
  ]
}

/** Names of the apps that declare a dependency on `name`, sorted. */
export function directDependents(apps: readonly TableApp[], name: string): string[] {
  return apps
    .filter((app) => dependenciesOf(app.spec).some((dep) => dep.name === name))
    .map((app) => app.name)
    .sort()
}
