/**
 * Starting, stopping, restarting and deleting sets of instances through the dependency resolver's
 * coordinator (SPECIFICATION.md §11.3–§11.4) when one is installed, or all at once when not. The
 * process manager routes its commands here; ordering and gating are the coordinator's.
 */
import { toErrorInfo, type ErrorInfo } from '@opendaemon/core'
import type { BlockedStart, DependencyCoordinator, DependencyTable } from './dependency-hooks.js'
import type { Supervisor } from './supervisor.js'

/** What the set runner needs from the manager. */
export interface SetRunnerDeps {
  /** The installed coordinator, or null. */
  coordinator(): DependencyCoordinator | null
  table: DependencyTable
  /** The live instances of an app. */
  supsOf(name: string): Supervisor[]
}

const RUNNING = new Set(['starting', 'online'])

function namesOf(sups: readonly Supervisor[]): string[] {
  return [...new Set(sups.map((sup) => sup.ident.name))]
}

/**
 * Creates the set runner of a manager.
 *
 * @example
 * ```ts
 * const sets = createSetRunner({ coordinator: () => coordinator, table, supsOf })
 * const blocked = await sets.start(sups, { expand: true })
 * ```
 */
export function createSetRunner(deps: SetRunnerDeps) {
  /** Why an app of a set was not started (§11.3 "blocked"); cleared by its next start. */
  const blocked = new Map<string, ErrorInfo>()

  /** Runs `op` on the instances of `name` among `sups`, or on all its instances when none is. */
  function forApp(sups: readonly Supervisor[], op: (sup: Supervisor) => Promise<void>) {
    return async (name: string): Promise<void> => {
      const mine = sups.filter((sup) => sup.ident.name === name)
      await Promise.all((mine.length > 0 ? mine : deps.supsOf(name)).map(op))
    }
  }

  function note(found: readonly BlockedStart[]): BlockedStart[] {
    for (const b of found) blocked.set(b.name, toErrorInfo(b.error))
    return [...found]
  }

  return {
    /** Starts `sups` app by app, each once its dependencies are ready; `expand` adds idle dependencies. */
    async start(sups: readonly Supervisor[], options: { expand: boolean }): Promise<BlockedStart[]> {
      const startApp = forApp(sups, (sup) => {
        blocked.delete(sup.ident.name)
        return sup.start()
      })
      const coordinator = deps.coordinator()
      if (coordinator === null) {
        await Promise.all(namesOf(sups).map(startApp))
        return []
      }
      return note(await coordinator.startSet(namesOf(sups), deps.table, startApp, options))
    },

    /** Stops `sups` dependents first; `cascade` adds the running dependents. Returns every instance stopped. */
    async stop(sups: readonly Supervisor[], cascade: boolean): Promise<Supervisor[]> {
      const coordinator = deps.coordinator()
      if (coordinator === null) {
        await Promise.all(sups.map((sup) => sup.stop()))
        return [...sups]
      }
      const names = namesOf(sups)
      const extra = cascade
        ? coordinator
            .dependents(names, deps.table)
            .filter((name) => deps.supsOf(name).some((sup) => RUNNING.has(sup.status)))
        : []
      const all = [...sups, ...extra.flatMap((name) => deps.supsOf(name))]
      await coordinator.stopSet(
        [...names, ...extra],
        deps.table,
        forApp(all, (sup) => sup.stop()),
      )
      return all
    },

    /** Restarts `sups` in dependency order; `cascade` restarts their dependents afterwards. */
    async restart(sups: readonly Supervisor[], cascade: boolean): Promise<Supervisor[]> {
      const coordinator = deps.coordinator()
      if (coordinator === null) {
        await Promise.all(sups.map((sup) => sup.restart()))
        return [...sups]
      }
      const names = namesOf(sups)
      const extra = cascade ? coordinator.dependents(names, deps.table) : []
      const all = [...sups, ...extra.flatMap((name) => deps.supsOf(name))]
      const restartApp = forApp(all, (sup) => {
        blocked.delete(sup.ident.name)
        return sup.restart()
      })
      note(
        await coordinator.startSet([...names, ...extra], deps.table, restartApp, {
          expand: false,
          orderOnly: true,
        }),
      )
      return all
    },

    /** Runs `remove` on each of `sups`, dependents first. */
    async remove(sups: readonly Supervisor[], remove: (sup: Supervisor) => Promise<void>): Promise<void> {
      const coordinator = deps.coordinator()
      if (coordinator === null) await Promise.all(sups.map(remove))
      else await coordinator.stopSet(namesOf(sups), deps.table, forApp(sups, remove))
    },

    /** The error that blocked the last start of `name`, if it is still unresolved. */
    blockedBy(name: string): ErrorInfo | undefined {
      return blocked.get(name)
    },

    forget(name: string): void {
      blocked.delete(name)
    },
  }
}

/** The runner made by {@link createSetRunner}. */
export type SetRunner = ReturnType<typeof createSetRunner>
