/**
 * Bringing the table back when the daemon starts (§6.12), and `od save` / `od resurrect` (§8.16).
 *
 * Recovery replaces, never adopts: an instance the previous daemon left running (recognised by pid
 * plus start time, so a reused pid is never touched) has lost its only log reader, so its group is
 * stopped (kill signal, SIGKILL after min(killTimeout, 500 ms)) and a fresh instance is spawned.
 */
import {
  DaemonError,
  type EventBus,
  type EventMap,
  type Logger,
  type ResurrectResult,
} from '@opendaemon/core'
import type { RecoveredJson } from './persistence/atomic-json.js'
import { corruptFileError } from './persistence/atomic-json.js'
import type { AdoptedRecord, ProcessManager } from './process-manager.js'
import type { DumpData, DumpedApp, PersistedInstance, StateData } from './state-file.js'
import type { Supervisor } from './supervisor.js'

/** What recovery needs. */
export interface RecoveryDeps {
  manager: ProcessManager
  events: Pick<EventBus<EventMap>, 'emit'>
  logger: Logger
  now: () => number
  readState: () => Promise<RecoveredJson<StateData>>
  /** True when `pid` still runs and started at `startTime` (`isSameProcess`). */
  isSameProcess: (pid: number, startTime: number) => Promise<boolean>
  /** Stops a left-behind group; resolves with survivors. */
  killGroup: (pgid: number, signal: NodeJS.Signals, graceMs: number) => Promise<number[]>
  /** Upper bound of the grace given to a left-behind group (§6.12: 500 ms). */
  recoveryKillTimeoutMs: number
  /** The current boot id; null when unknown (then every boot counts as the same one). */
  bootId: string | null
  /** After a reboot, start the apps that were running (`od daemon start --resurrect`, §8.16). */
  resurrectOnBoot: boolean
}

/** Whether an instance comes back at daemon start: it was meant to run and was running. */
export function shouldResume(saved: PersistedInstance): boolean {
  if (saved.desired !== 'online' || saved.status === 'errored') return false
  return (
    saved.resume ||
    saved.status === 'starting' ||
    saved.status === 'online' ||
    saved.status === 'stopping' ||
    saved.nextRestartAt !== null
  )
}

function reportCorrupt(deps: RecoveryDeps, state: RecoveredJson<StateData>): void {
  for (const problem of state.problems) {
    const err = corruptFileError(problem)
    deps.logger.error(err.message, { code: err.code })
    deps.events.emit('daemon:state-corrupt', {
      file: problem.file,
      reason: problem.reason,
      movedTo: problem.movedTo,
      restoredFrom: state.source === 'backup' ? 'backup' : 'none',
      at: deps.now(),
    })
  }
}

async function replaceOrphan(deps: RecoveryDeps, saved: PersistedInstance, sup: Supervisor): Promise<void> {
  if (saved.pid === null || saved.pidStartTime === null) return
  if (!(await deps.isSameProcess(saved.pid, saved.pidStartTime))) return
  const grace = Math.min(sup.spec.killTimeoutMs, deps.recoveryKillTimeoutMs)
  deps.logger.warn(`${sup.ident.name} (pid ${saved.pid}) outlived the previous daemon; replacing it`, {
    id: sup.ident.id,
  })
  const left = await deps.killGroup(saved.pgid ?? saved.pid, sup.spec.killSignal, grace)
  if (left.length > 0)
    deps.logger.error(`processes ${left.join(', ')} survived SIGKILL`, { id: sup.ident.id })
}

/**
 * Load `state.json` into the manager, stop what the previous daemon left behind and start every
 * instance that was running. Resolves once every left-behind group is gone and every start is
 * under way (not once online: readiness may take an app's listen timeout).
 *
 * @example
 * ```ts
 * await restoreTable(deps) // in the plugin's onStart
 * ```
 */
export async function restoreTable(deps: RecoveryDeps): Promise<void> {
  const state = await deps.readState()
  reportCorrupt(deps, state)
  if (state.data === null) return
  const saved = state.data.daemon.bootId
  const rebooted = saved !== null && deps.bootId !== null && saved !== deps.bootId
  const pending = state.data.apps.flatMap((a) => a.instances).filter(shouldResume).length
  if (rebooted && !deps.resurrectOnBoot && pending > 0) {
    deps.logger.warn(
      `${pending} instances were online before the reboot and were not started; run \`od resurrect\` (or \`od startup\` to do it at boot)`,
    )
  }
  deps.manager.reserveIds(
    Math.max(state.data.nextId, ...state.data.apps.flatMap((a) => a.instances.map((i) => i.id + 1))),
  )
  const work: Promise<void>[] = []
  const resumes = (record: PersistedInstance): boolean =>
    shouldResume(record) && (!rebooted || deps.resurrectOnBoot)
  for (const app of state.data.apps) {
    if (app.adopted !== undefined) {
      work.push(
        restoreAdoptedApp(deps, { ...app, adopted: app.adopted }, app.instances[0], rebooted, resumes),
      )
      continue
    }
    let sups: Supervisor[]
    try {
      sups = deps.manager.register(app.spec, app.createdAt, app.instances)
    } catch (err) {
      deps.logger.error(`could not restore ${app.name}: ${(err as Error).message}`)
      continue
    }
    sups.forEach((sup, i) => {
      const record = app.instances[i] as PersistedInstance
      work.push(
        // After a reboot no recorded process can be alive: a matching pid would be a stranger.
        (rebooted ? Promise.resolve() : replaceOrphan(deps, record, sup)).then(() => {
          // Not awaited: readiness may take the app's listen timeout; boot must not wait for it.
          if (resumes(record)) void sup.start()
        }),
      )
    })
  }
  await Promise.all(work)
}

/**
 * An adopted app of `state.json` or `dump.json`: re-adopted when its pid still runs with the
 * recorded start time (never after a reboot), else registered stopped — and, with a restart
 * command, started when it was meant to run (`resume`).
 */
async function restoreAdoptedApp(
  deps: Pick<RecoveryDeps, 'manager' | 'isSameProcess' | 'logger'>,
  app: AdoptedRecord & { name: string },
  saved: PersistedInstance | undefined,
  rebooted: boolean,
  resume: (record: PersistedInstance) => boolean,
): Promise<void> {
  const { pid, startTime } = app.adopted
  const alive = !rebooted && (await deps.isSameProcess(pid, startTime))
  const sup = deps.manager.restoreAdopted(app, saved, alive)
  if (alive) return
  deps.logger.info(`${app.name}: the adopted process ${pid} has ended`, { id: sup.ident.id })
  if (app.adopted.restartable && (saved === undefined || resume(saved))) void sup.start()
}

/**
 * `od save`: the definitions of the table, for `od resurrect`.
 *
 * @throws {DaemonError} `OD_DUMP_EMPTY` for an empty table without `force`.
 */
export function dumpOf(manager: ProcessManager, now: number, force: boolean): DumpData {
  const apps = manager.apps().map((a) => ({ ...a }))
  if (apps.length === 0 && !force) throw new DaemonError('OD_DUMP_EMPTY')
  return { kind: 'opendaemon-dump', writtenAt: now, apps }
}

/**
 * `od resurrect`: create and start the dumped apps whose names are not in the table. An adopted
 * app is re-adopted when its pid still runs with the recorded start time (`isSameProcess`; the
 * default, for a boot, says no), else registered stopped, and started when it has a restart
 * command and was meant to run.
 *
 * @throws {DaemonError} `OD_DUMP_NOT_FOUND` when there is no dump; `OD_STATE_CORRUPT` for a bad one.
 */
export async function resurrect(
  manager: ProcessManager,
  dump: RecoveredJson<DumpData>,
  file: string,
  now: number,
  isSameProcess: (pid: number, startTime: number) => Promise<boolean> = () => Promise.resolve(false),
): Promise<ResurrectResult> {
  if (dump.data === null) {
    const problem = dump.problems[0]
    throw problem === undefined ? new DaemonError('OD_DUMP_NOT_FOUND', file) : corruptFileError(problem)
  }
  const taken = new Set(manager.apps().map((a) => a.name))
  const skipped: string[] = []
  const started: Supervisor[] = []
  const adopted: (AdoptedRecord & DumpedApp)[] = []
  for (const app of dump.data.apps) {
    if (taken.has(app.name)) {
      skipped.push(app.name)
      continue
    }
    if (app.adopted !== undefined) {
      adopted.push({ ...app, adopted: app.adopted, createdAt: now })
      continue
    }
    const sups = manager.register(app.spec, now)
    if (app.desired === 'online') started.push(...sups)
  }
  // Adopted apps last: every other app is registered before the first await (boot resurrect).
  for (const app of adopted) {
    const alive = await isSameProcess(app.adopted.pid, app.adopted.startTime)
    const sup = manager.restoreAdopted(app, undefined, alive)
    if (!alive && app.adopted.restartable && app.desired === 'online') started.push(sup)
  }
  await manager.startSupervisors(started)
  const ids = new Set(started.map((sup) => sup.ident.id))
  return { started: (await manager.list()).filter((p) => ids.has(p.id)), skipped }
}
