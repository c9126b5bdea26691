/**
 * An adopted process with a restart command (`od adopt <pid> --restart-command "<cmd>"`, §8.15):
 * the adopted watcher stands for the instance until its process has ended; from then on a normal,
 * fully managed supervisor running the restart command does (same id, captured output, restart
 * policy). The hand-over happens when the adopted process ends on its own (unless the policy says
 * `never`), on `start`/`restart`, or at a daemon restart that finds the process gone.
 */
import type { ProcessExit } from '@opendaemon/core'
import {
  createAdoptedSupervisor,
  type AdoptedDeps,
  type AdoptedProcess,
  type AdoptedStart,
} from './adopted.js'
import type { AppSpec } from './app-spec.js'
import type { AdoptionFacts, InstanceIdentity, RestoredState, Supervisor } from './supervisor-contract.js'

/** What the wrapper needs. */
export interface HandoverDeps {
  /** Creates the managed supervisor (not started) with these restored counters. */
  makeManaged(restored: RestoredState): Supervisor
  /** Called once the managed supervisor took over (the table persists the change). */
  onHandover(): void
}

/**
 * Wrap an adopted watcher so the restart command takes over once its process has ended. Give the
 * watcher `onGone: () => wrapper.onGone()`.
 *
 * @example
 * ```ts
 * let wrapper: HandoverSupervisor
 * const watcher = createAdoptedSupervisor(ident, spec, proc, { ...deps, onGone: () => wrapper.onGone() })
 * wrapper = withRestartCommand(watcher, { makeManaged: (r) => createSupervisor(ident, spec, supDeps, r), onHandover })
 * ```
 */
export function withRestartCommand(
  adopted: Supervisor & { adoption(): AdoptionFacts | null },
  deps: HandoverDeps,
): HandoverSupervisor {
  let current: Supervisor = adopted
  let managed: Supervisor | null = null

  function handOver(restarts: number): Supervisor {
    if (managed !== null) return managed
    const lastExit: ProcessExit | null = adopted.snapshot().lastExit
    managed = deps.makeManaged({ restarts, lastExit })
    current = managed
    deps.onHandover()
    return managed
  }

  const live = (): boolean => adopted.status === 'online' || adopted.status === 'stopping'

  return {
    ident: adopted.ident,
    spec: adopted.spec,
    get status() {
      return current.status
    },
    async start() {
      if (managed === null && live()) return
      await handOver(0).start()
    },
    async restart() {
      if (managed !== null) return managed.restart()
      if (live()) await adopted.stop()
      await handOver(1).start()
    },
    stop: () => current.stop(),
    halt: () => current.halt(),
    remove: () => current.remove(),
    reset: () => current.reset(),
    snapshot: () => current.snapshot(),
    adoption: () => (managed === null ? adopted.adoption() : null),
    onGone() {
      if (managed !== null || adopted.spec.restart.autorestart === 'never') return
      void handOver(1).start()
    },
  }
}

/** A {@link withRestartCommand} supervisor; `onGone` is the watcher's cue. */
export interface HandoverSupervisor extends Supervisor {
  /** The adopted process until the restart command took over, then null. */
  adoption(): AdoptionFacts | null
  onGone(): void
}

/** What {@link buildAdoptedSupervisor} wires into the watcher and the managed supervisor. */
export interface AdoptedWiring extends Omit<AdoptedDeps, 'onGone'> {
  /** Creates the managed supervisor that runs the restart command. */
  makeManaged(restored: RestoredState): Supervisor
}

/**
 * The supervisor of an adopted instance: a watcher, wrapped by {@link withRestartCommand} when the
 * app has a restart command (`restartable`).
 *
 * @example
 * ```ts
 * const sup = buildAdoptedSupervisor(ident, spec, { pid, startTime, groupKill: false }, true, wiring)
 * ```
 */
export function buildAdoptedSupervisor(
  ident: InstanceIdentity,
  spec: AppSpec,
  proc: AdoptedProcess,
  restartable: boolean,
  wiring: AdoptedWiring,
  begin?: AdoptedStart,
): Supervisor {
  const { makeManaged, ...deps } = wiring
  if (!restartable) return createAdoptedSupervisor(ident, spec, proc, deps, begin)
  const box: { wrapper?: HandoverSupervisor } = {}
  const onGone = (): void => (box.wrapper as HandoverSupervisor).onGone()
  const watcher = createAdoptedSupervisor(ident, spec, proc, { ...deps, onGone }, begin)
  box.wrapper = withRestartCommand(watcher, { makeManaged, onHandover: deps.onChange })
  return box.wrapper
}
