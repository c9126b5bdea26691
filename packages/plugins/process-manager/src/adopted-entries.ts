/**
 * The adopted entries of the process table (`od adopt`, and adopted apps restored from `state.json` or
 * `dump.json`): their identities, watchers and table rows. The process manager hands over its table and
 * id counter; everything else about adoption (probes, checks) is in adopt.ts and adopted*.ts.
 */
import type { ProcessInfo } from '@opendaemon/core'
import type { AdoptContext } from './adopt.js'
import { buildAdoptedSupervisor } from './adopted-handover.js'
import type { AdoptedStart } from './adopted.js'
import type { AppSpec } from './app-spec.js'
import type { AdoptedRecord, AppEntry, Instance, ManagerDeps } from './process-manager-types.js'
import type { PersistedInstance } from './state-file.js'
import type { InstanceIdentity, RestoredState, Supervisor } from './supervisor.js'

/** What the adopted entries need from the process manager. */
export interface AdoptedEntriesDeps {
  deps: Pick<ManagerDeps, 'adopt' | 'pid' | 'specContext' | 'clock' | 'events'>
  /** The process table, shared (entries are pushed onto it). */
  table: AppEntry[]
  /** The next free id (the manager's counter). */
  takeId(): number
  markDirty(): void
  /** Resolves once the latest change is on disk. */
  flush(): Promise<void>
  live(): { entry: AppEntry; inst: Instance }[]
  infos(items: readonly { entry: AppEntry; inst: Instance }[]): Promise<ProcessInfo[]>
  /** @throws {DaemonError} when the spec's command does not resolve. */
  interpreterOf(spec: AppSpec): string
  /** A managed supervisor that takes over once the restart command runs. */
  makeManaged(ident: InstanceIdentity, spec: AppSpec, restored: RestoredState): Supervisor
}

/** The adoption half of the process manager. */
export interface AdoptedEntries {
  adoptContext(): AdoptContext
  restoreAdopted(app: AdoptedRecord, saved: PersistedInstance | undefined, alive: boolean): Supervisor
}

/**
 * @example
 * ```ts
 * const adopted = createAdoptedEntries({ deps, table, takeId: () => nextId++, markDirty, flush, live, infos,
 *   interpreterOf, makeManaged: (ident, spec, restored) => createSupervisor(ident, spec, supDeps, restored) })
 * await adoptProcess({ pid: 4242, name: 'legacy' }, adopted.adoptContext())
 * ```
 */
export function createAdoptedEntries(d: AdoptedEntriesDeps): AdoptedEntries {
  function adoptContext(): AdoptContext {
    return {
      probes: d.deps.adopt,
      daemonPid: d.deps.pid,
      managedBy: (pid) => {
        const found = d.live().find(({ inst }) => inst.sup.snapshot().pid === pid)
        return found === undefined ? null : { name: found.entry.name, id: found.inst.sup.ident.id }
      },
      nameTaken: (name) => d.table.some((entry) => entry.name === name),
      specContext: d.deps.specContext(),
      add(spec, restartable, make) {
        const interpreter = restartable ? d.interpreterOf(spec) : 'none'
        const ident = adoptedIdent(spec, d.takeId())
        const sup = make(ident, { ...adoptWiring(), makeManaged: managedFor(ident, spec) })
        const entry = addAdopted(spec, restartable, interpreter, sup, d.deps.clock.now())
        // On disk before the answer: a daemon killed right after still knows the process.
        return d
          .flush()
          .then(() => d.infos([{ entry, inst: entry.instances[0] as Instance }]))
          .then((procs) => procs[0] as ProcessInfo)
      },
    }
  }

  const adoptedIdent = (spec: AppSpec, id: number): InstanceIdentity => ({
    id,
    name: spec.name,
    namespace: spec.namespace,
    instance: 0,
  })
  const adoptWiring = () => ({ events: d.deps.events, clock: d.deps.clock, onChange: () => d.markDirty() })
  const managedFor = (ident: InstanceIdentity, spec: AppSpec) => (restored: RestoredState) =>
    d.makeManaged(ident, spec, restored)

  function addAdopted(
    spec: AppSpec,
    restartable: boolean,
    interpreter: string,
    sup: Supervisor,
    createdAt: number,
  ): AppEntry {
    const entry: AppEntry = {
      name: spec.name,
      namespace: spec.namespace,
      spec,
      interpreter,
      createdAt,
      instances: [{ sup, createdAt, deleting: false }],
      adopted: true,
      restartable,
    }
    d.table.push(entry)
    d.markDirty()
    return entry
  }

  function restoreAdopted(
    app: AdoptedRecord,
    saved: PersistedInstance | undefined,
    alive: boolean,
  ): Supervisor {
    const { spec, adopted } = app
    const ident = adoptedIdent(spec, saved?.id ?? d.takeId())
    const now = d.deps.clock.now()
    const gone = {
      code: null,
      signal: null,
      at: now,
      uptimeMs: now - adopted.adoptedAt,
      reason: 'crash' as const,
    }
    const begin: AdoptedStart = alive
      ? { status: 'online', adoptedAt: adopted.adoptedAt }
      : {
          status: 'stopped',
          adoptedAt: adopted.adoptedAt,
          desired: saved?.desired ?? 'online',
          lastExit: saved?.status === 'stopped' ? saved.lastExit : gone,
        }
    const wiring = {
      ...adoptWiring(),
      isSameProcess: d.deps.adopt.isSameProcess,
      kill: d.deps.adopt.kill,
      pollMs: d.deps.adopt.pollMs,
      makeManaged: managedFor(ident, spec),
    }
    const sup = buildAdoptedSupervisor(ident, spec, adopted, adopted.restartable, wiring, begin)
    const interpreter = adopted.restartable ? interpreterOrNone(spec) : 'none'
    addAdopted(spec, adopted.restartable, interpreter, sup, app.createdAt)
    return sup
  }

  function interpreterOrNone(spec: AppSpec): string {
    try {
      return d.interpreterOf(spec)
    } catch {
      return 'none' // the restart command no longer resolves; the start will say why
    }
  }

  return { adoptContext, restoreAdopted }
}
