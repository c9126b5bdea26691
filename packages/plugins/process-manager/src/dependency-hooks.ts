/**
 * The seam between the process manager and the dependency resolver (SPECIFICATION.md §11): the
 * resolver plugin depends on the process manager and registers a {@link DependencyCoordinator}
 * through the plugin's `api`; the process manager calls it for sets of starts and stops, user
 * starts of apps with dependencies and cascades. Without a coordinator every app starts and stops
 * at once, as before.
 */
import type { DaemonError, DependencyRef, ProcessStatus } from '@opendaemon/core'

/** One app as the dependency graph sees it. */
export interface DependencyNode {
  readonly name: string
  readonly dependencies: readonly DependencyRef[]
}

/** What the resolver reads of one app of the table. */
export interface DependencyAppFacts extends DependencyNode {
  /** How long a dependent waits for its dependencies; 0 waits forever (§11.3). */
  readonly dependencyTimeoutMs: number
  readonly instances: readonly {
    status: ProcessStatus
    /** An automatic restart is scheduled. */
    restartPending: boolean
    exitCode: number | null
  }[]
}

/** The process table, read afresh at every call (states change while a set runs). */
export interface DependencyTable {
  apps(): DependencyAppFacts[]
}

/** An app of a start set that was not started because of a dependency (`OD_DEPENDENCY_FAILED`). */
export interface BlockedStart {
  readonly name: string
  readonly error: DaemonError
}

/** How {@link DependencyCoordinator.startSet} treats dependencies outside the set. */
export interface StartSetOptions {
  /** Add every dependency that is not running to the set (user starts, §11.3 step 1). */
  readonly expand: boolean
  /** Wait only for dependencies inside the set (restarts and cascades). */
  readonly orderOnly?: boolean
}

/** The ordering and gating functions the dependency resolver registers. */
export interface DependencyCoordinator {
  /**
   * Checks the graph `apps` (the table with new or replaced definitions) for the apps named in
   * `names`: dependencies on unknown names and cycles through them.
   *
   * @throws {DaemonError} `OD_DEPENDENCY_UNKNOWN` or `OD_DEPENDENCY_CYCLE` (`data.errors` lists all).
   */
  check(names: readonly string[], apps: readonly DependencyNode[]): void
  /**
   * Starts `names` (plus, with `expand`, every dependency of theirs that is not running), each
   * with `start` once its dependencies are ready; resolves once every start settled. With
   * `orderOnly` (restarts) only dependencies inside the set are waited for.
   */
  startSet(
    names: readonly string[],
    table: DependencyTable,
    start: (name: string) => Promise<void>,
    options: StartSetOptions,
  ): Promise<BlockedStart[]>
  /** Stops `names`, each only after every app of the set that depends on it has stopped. */
  stopSet(
    names: readonly string[],
    table: DependencyTable,
    stop: (name: string) => Promise<void>,
  ): Promise<void>
  /** Every app of the table that depends on one of `names`, transitively (without `names`). */
  dependents(names: readonly string[], table: DependencyTable): string[]
}

/** The process manager's public API, reached through `ctx.getPlugin('process-manager').api`. */
export interface ProcessManagerApi {
  /**
   * Installs the dependency coordinator; returns the function that removes it again.
   *
   * @example
   * ```ts
   * const pm = ctx.getPlugin<ProcessManagerPlugin>('process-manager')
   * const remove = pm?.api.useDependencies(coordinator)
   * ```
   */
  useDependencies(coordinator: DependencyCoordinator): () => void
  /** The table as the dependency graph sees it (`deps.graph`). */
  table(): DependencyTable
}
