import type { AppSpec } from './app-spec.js'
import type { PersistedAdoption, PersistedApp, PersistedInstance, StateData } from './state-file.js'
import type { AdoptionFacts, InstanceState } from './supervisor-contract.js'

/** What {@link buildStateData} reads of one app of the live table. */
export interface SnapshotEntry {
  readonly name: string
  readonly namespace: string
  readonly spec: AppSpec
  readonly createdAt: number
  /** Adopted with a restart command. */
  readonly restartable: boolean
  readonly instances: readonly {
    readonly deleting: boolean
    readonly sup: {
      readonly ident: { id: number; instance: number }
      snapshot(): InstanceState
      adoption?(): AdoptionFacts | null
    }
  }[]
}

/** The rest of `state.json` that is not in the table. */
export interface SnapshotContext {
  readonly now: number
  readonly pid: number
  readonly bootId: string | null
  readonly shutdown: 'clean' | null
  readonly nextId: number
  /** Instances that were running when the daemon stopped cleanly. */
  readonly resumeIds: ReadonlySet<number>
}

function persistInstance(
  sup: SnapshotEntry['instances'][number]['sup'],
  resumeIds: ReadonlySet<number>,
): PersistedInstance {
  const s = sup.snapshot()
  const id = sup.ident.id
  return {
    id,
    instance: sup.ident.instance,
    status: s.status,
    desired: s.desired,
    resume: resumeIds.has(id),
    pid: s.pid,
    pgid: s.pgid,
    pidStartTime: s.pidStartTime,
    restarts: s.restarts,
    unstableRestarts: s.unstableRestarts,
    nextRestartAt: s.nextRestartAt,
    lastExit: s.lastExit,
    error: s.error,
  }
}

/** The adoption record of an entry whose (single) instance is still the adopted process. */
export function adoptionOf(entry: SnapshotEntry): PersistedAdoption | undefined {
  const first = entry.instances[0] as SnapshotEntry['instances'][number]
  const facts = first.sup.adoption?.() ?? null
  return facts === null ? undefined : { ...facts, restartable: entry.restartable }
}

/**
 * Pure: the `state.json` data for the live table — every app with its non-deleted instances
 * (apps left without instances are dropped); adopted ones carry their process (`adopted`).
 */
export function buildStateData(entries: readonly SnapshotEntry[], ctx: SnapshotContext): StateData {
  const apps: PersistedApp[] = entries.map((entry) => {
    const adopted = adoptionOf(entry)
    return {
      name: entry.name,
      namespace: entry.namespace,
      spec: entry.spec,
      createdAt: entry.createdAt,
      instances: entry.instances
        .filter((inst) => !inst.deleting)
        .map((inst) => persistInstance(inst.sup, ctx.resumeIds)),
      ...(adopted === undefined ? {} : { adopted }),
    }
  })
  return {
    kind: 'opendaemon-state',
    writtenAt: ctx.now,
    daemon: { pid: ctx.pid, bootId: ctx.bootId, shutdown: ctx.shutdown },
    nextId: ctx.nextId,
    apps: apps.filter((app) => app.instances.length > 0),
  }
}
