import type { AppSpec } from './app-spec.js'
import type { PersistedApp, PersistedInstance, StateData } from './state-file.js'
import type { InstanceState } from './supervisor-contract.js'

/** What {@link buildStateData} reads of one app of the live table. */
export interface SnapshotEntry {
  readonly name: string
  readonly namespace: string
  readonly spec: AppSpec
  readonly createdAt: number
  /** Adopted apps are not persisted: their command is unknown. */
  readonly adopted: boolean
  readonly instances: readonly {
    readonly deleting: boolean
    readonly sup: { readonly ident: { id: number; instance: number }; snapshot(): InstanceState }
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

/**
 * Pure: the `state.json` data for the live table — every non-adopted app with its non-deleted
 * instances (apps left without instances are dropped).
 */
export function buildStateData(entries: readonly SnapshotEntry[], ctx: SnapshotContext): StateData {
  const apps: PersistedApp[] = entries
    .filter((entry) => !entry.adopted)
    .map((entry) => ({
      name: entry.name,
      namespace: entry.namespace,
      spec: entry.spec,
      createdAt: entry.createdAt,
      instances: entry.instances
        .filter((inst) => !inst.deleting)
        .map((inst) => persistInstance(inst.sup, ctx.resumeIds)),
    }))
  return {
    kind: 'opendaemon-state',
    writtenAt: ctx.now,
    daemon: { pid: ctx.pid, bootId: ctx.bootId, shutdown: ctx.shutdown },
    nextId: ctx.nextId,
    apps: apps.filter((app) => app.instances.length > 0),
  }
}
