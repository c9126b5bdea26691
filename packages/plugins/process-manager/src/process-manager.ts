/**
 * The app table: numeric instance ids (monotonic, never reused while the table lives), unique app
 * names, namespaces and tags, selectors with the `--all` guard, and persistence of every change to
 * `state.json`. Each instance is driven by its own supervisor; this file only routes commands.
 */
import {
  DaemonError,
  type Clock,
  type EventBus,
  type EventMap,
  type Logger,
  type ProcessDetail,
  type ProcessInfo,
  type AdoptParams,
  type ProcessSelectorParams,
} from '@opendaemon/core'
import { adoptProcess, type AdoptContext } from './adopt.js'
import { normalizeAppSpec, type AppSpec, type AppSpecContext } from './app-spec.js'
import { buildSpawnSpec, type LaunchContext } from './launch-spec.js'
import type { AppLogSink } from './log-sink.js'
import { toProcessDetail, toProcessInfo, type InstanceView } from './process-info.js'
import { resolveLaunch } from './interpreter.js'
import { selectApps } from './selectors.js'
import { createStateWriter, type PersistedInstance, type StateData } from './state-file.js'
import { buildStateData } from './state-snapshot.js'
import {
  createSupervisor,
  type InstanceIdentity,
  type RestoredState,
  type Supervisor,
  type SupervisorDeps,
} from './supervisor.js'

/** What the manager needs; the plugin passes the real ones. */
export interface ManagerDeps {
  supervisor: Omit<SupervisorDeps, 'launch' | 'onChange'>
  clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>
  events: Pick<EventBus<EventMap>, 'emit'>
  logger: Logger
  logSink: AppLogSink
  launch: LaunchContext
  specContext: () => AppSpecContext
  /** Writes `state.json` (atomically). */
  writeState: (data: StateData) => Promise<void>
  readRss: (pid: number) => Promise<number | null>
  pid: number
  /** The current boot id, recorded in `state.json`. */
  bootId: string | null
  adopt: AdoptProbes
}

/** How `adopt` inspects a pid. */
export interface AdoptProbes {
  /** `kill(pid, 0)`: `ok`, or why not. */
  probe: (pid: number) => 'ok' | 'ESRCH' | 'EPERM'
  startTime: (pid: number) => Promise<number | null>
  /** `/proc/<pid>/cmdline` words; null when unreadable. */
  cmdline: (pid: number) => Promise<string[] | null>
  isSameProcess: (pid: number, startTime: number) => Promise<boolean>
  kill: (pid: number, signal: NodeJS.Signals) => void
  parentPid: number
  pollMs: number
}

interface Instance {
  sup: Supervisor
  createdAt: number
  /** Set synchronously by delete: the instance leaves every selection at once. */
  deleting: boolean
}

interface AppEntry {
  name: string
  namespace: string
  spec: AppSpec
  interpreter: string
  createdAt: number
  instances: Instance[]
  /** Registered with `od adopt`: not persisted (its command is unknown). */
  adopted: boolean
}

/** The process manager's operations (one per RPC method). */
export interface ProcessManager {
  start(request: unknown): Promise<ProcessInfo[]>
  adopt(params: AdoptParams): Promise<ProcessInfo>
  stop(selector: ProcessSelectorParams): Promise<ProcessInfo[]>
  restart(selector: ProcessSelectorParams): Promise<ProcessInfo[]>
  delete(selector: ProcessSelectorParams): Promise<{ id: number; name: string; deleted: true }[]>
  reset(selector: ProcessSelectorParams): Promise<ProcessInfo[]>
  list(filter?: { namespace?: string; tags?: readonly string[] }): Promise<ProcessInfo[]>
  info(target: string | number): Promise<ProcessDetail[]>
  /** Registers an app (from the state file or a dump) without starting it; returns its instances. */
  register(spec: AppSpec, createdAt: number, restored?: readonly PersistedInstance[]): Supervisor[]
  /** Stops every instance, keeping desired states (daemon shutdown). */
  shutdown(): Promise<void>
  /** The table as persisted. */
  snapshot(shutdown?: 'clean' | null): StateData
  /** Resolves once the latest change is on disk. */
  flush(): Promise<void>
  /** Raises the id counter (restore). */
  reserveIds(nextId: number): void
  apps(): readonly { name: string; spec: AppSpec; desired: 'online' | 'stopped' }[]
}

/**
 * Create the process manager.
 *
 * @example
 * ```ts
 * const manager = createProcessManager(deps)
 * const [api] = await manager.start({ script: 'server.js', name: 'api', cwd: '/srv/api' })
 * ```
 */
export function createProcessManager(deps: ManagerDeps): ProcessManager {
  const table: AppEntry[] = []
  let nextId = 0
  let resumeIds = new Set<number>()
  let shutdownMark: 'clean' | null = null

  const writer = createStateWriter(() => deps.writeState(snapshot(shutdownMark)), deps)
  const supDeps: SupervisorDeps = {
    ...deps.supervisor,
    launch: (ident, spec) => buildSpawnSpec(ident, spec, deps.launch),
    onChange: () => writer.markDirty(),
  }

  function live(): { entry: AppEntry; inst: Instance }[] {
    return table.flatMap((entry) =>
      entry.instances.filter((inst) => !inst.deleting).map((inst) => ({ entry, inst })),
    )
  }

  function view(entry: AppEntry, inst: Instance, memory: number | null): InstanceView {
    const state = inst.sup.snapshot()
    return {
      ident: inst.sup.ident,
      spec: entry.spec,
      interpreter: entry.interpreter,
      createdAt: inst.createdAt,
      state,
      memory: memory ?? state.memory,
      adopted: entry.adopted,
    }
  }

  async function rss(inst: Instance): Promise<number | null> {
    const pid = inst.sup.snapshot().pid
    return pid === null ? null : deps.readRss(pid)
  }

  async function infos(items: readonly { entry: AppEntry; inst: Instance }[]): Promise<ProcessInfo[]> {
    const memory = await Promise.all(items.map(({ inst }) => rss(inst)))
    const now = deps.clock.now()
    return items
      .map(({ entry, inst }, i) => toProcessInfo(view(entry, inst, memory[i] as number | null), now))
      .sort((a, b) => a.id - b.id)
  }

  function select(
    selector: ProcessSelectorParams,
    destructive: boolean,
  ): { entry: AppEntry; inst: Instance }[] {
    const items = live().map((item) => ({
      id: item.inst.sup.ident.id,
      name: item.entry.name,
      namespace: item.entry.namespace,
      tags: item.entry.spec.tags,
      item,
    }))
    return selectApps(items, selector, { destructive, all: selector.all === true }).map((s) => s.item)
  }

  function interpreterOf(spec: AppSpec): string {
    // Also validates the script before anything is created (missing file, directory, interpreter).
    return resolveLaunch(spec, deps.launch.launchEnv(deps.launch.baseEnv['PATH'] ?? '')).interpreter
  }

  function register(
    spec: AppSpec,
    createdAt: number,
    restored: readonly PersistedInstance[] = [],
  ): Supervisor[] {
    const entry: AppEntry = {
      name: spec.name,
      namespace: spec.namespace,
      spec,
      interpreter: interpreterOf(spec),
      createdAt,
      instances: [],
      adopted: false,
    }
    const count = restored.length > 0 ? restored.length : spec.instances
    for (let i = 0; i < count; i++) {
      const saved = restored[i]
      const id = saved?.id ?? nextId++
      const ident: InstanceIdentity = {
        id,
        name: spec.name,
        namespace: spec.namespace,
        instance: saved?.instance ?? i,
      }
      const state: RestoredState =
        saved === undefined
          ? {}
          : {
              status: saved.status,
              desired: saved.desired,
              restarts: saved.restarts,
              unstableRestarts: saved.unstableRestarts,
              lastExit: saved.lastExit,
              error: saved.error,
            }
      entry.instances.push({ sup: createSupervisor(ident, spec, supDeps, state), createdAt, deleting: false })
      if (saved === undefined)
        deps.events.emit('process:created', { id, name: spec.name, at: deps.clock.now() })
    }
    table.push(entry)
    writer.markDirty()
    return entry.instances.map((inst) => inst.sup)
  }

  async function startExisting(target: string): Promise<ProcessInfo[] | null> {
    const items = live().filter(
      ({ entry, inst }) => entry.name === target || String(inst.sup.ident.id) === target,
    )
    if (items.length === 0) return null
    await Promise.all(items.map(({ inst }) => inst.sup.start()))
    return infos(items)
  }

  async function start(request: unknown): Promise<ProcessInfo[]> {
    const script = (request as { script?: unknown } | null)?.script
    if (typeof script === 'string') {
      const existing = await startExisting(script)
      if (existing !== null) return existing
    }
    const spec = normalizeAppSpec(request, deps.specContext())
    if (table.some((entry) => entry.name === spec.name))
      throw new DaemonError('OD_PROCESS_NAME_TAKEN', spec.name)
    const sups = register(spec, deps.clock.now())
    if (spec.autostart) await Promise.all(sups.map((sup) => sup.start()))
    return infos(live().filter(({ inst }) => sups.includes(inst.sup)))
  }

  async function each(
    selector: ProcessSelectorParams,
    destructive: boolean,
    op: (sup: Supervisor) => Promise<void> | void,
  ): Promise<ProcessInfo[]> {
    const items = select(selector, destructive)
    await Promise.all(items.map(({ inst }) => op(inst.sup)))
    return infos(items)
  }

  async function remove(
    selector: ProcessSelectorParams,
  ): Promise<{ id: number; name: string; deleted: true }[]> {
    const items = select(selector, true)
    for (const { inst } of items) inst.deleting = true
    writer.markDirty()
    await Promise.all(
      items.map(async ({ entry, inst }) => {
        await inst.sup.remove()
        entry.instances = entry.instances.filter((x) => x !== inst)
        if (entry.instances.length === 0) table.splice(table.indexOf(entry), 1)
        deps.events.emit('process:deleted', { id: inst.sup.ident.id, name: entry.name, at: deps.clock.now() })
        writer.markDirty()
      }),
    )
    return items
      .map(({ entry, inst }) => ({ id: inst.sup.ident.id, name: entry.name, deleted: true as const }))
      .sort((a, b) => a.id - b.id)
  }

  function adoptContext(): AdoptContext {
    return {
      probes: deps.adopt,
      daemonPid: deps.pid,
      managedBy: (pid) => {
        const found = live().find(({ inst }) => inst.sup.snapshot().pid === pid)
        return found === undefined ? null : { name: found.entry.name, id: found.inst.sup.ident.id }
      },
      nameTaken: (name) => table.some((entry) => entry.name === name),
      specContext: deps.specContext(),
      add(spec, make) {
        const id = nextId++
        const ident: InstanceIdentity = { id, name: spec.name, namespace: spec.namespace, instance: 0 }
        const sup = make(ident, {
          events: deps.events,
          clock: deps.clock,
          onChange: () => writer.markDirty(),
        })
        const entry: AppEntry = {
          name: spec.name,
          namespace: spec.namespace,
          spec,
          interpreter: 'none',
          createdAt: deps.clock.now(),
          instances: [{ sup, createdAt: deps.clock.now(), deleting: false }],
          adopted: true,
        }
        table.push(entry)
        writer.markDirty()
        return infos([{ entry, inst: entry.instances[0] as Instance }]).then(
          (procs) => procs[0] as ProcessInfo,
        )
      },
    }
  }

  function snapshot(shutdown: 'clean' | null = null): StateData {
    const { pid, bootId } = deps
    return buildStateData(table, { now: deps.clock.now(), pid, bootId, shutdown, nextId, resumeIds })
  }

  return {
    start,
    stop: (selector) => each(selector, true, (sup) => sup.stop()),
    restart: (selector) => each(selector, true, (sup) => sup.restart()),
    delete: remove,
    reset: (selector) => each(selector, true, (sup) => sup.reset()),
    list: (filter = {}) =>
      infos(
        live().filter(
          ({ entry }) =>
            (filter.namespace === undefined || entry.namespace === filter.namespace) &&
            (filter.tags === undefined ||
              filter.tags.length === 0 ||
              filter.tags.some((t) => entry.spec.tags.includes(t))),
        ),
      ),
    async info(target) {
      const items = select({ target }, false)
      const memory = await Promise.all(items.map(({ inst }) => rss(inst)))
      const now = deps.clock.now()
      return items
        .map(({ entry, inst }, i) =>
          toProcessDetail(
            view(entry, inst, memory[i] as number | null),
            now,
            deps.logSink.paths({ id: inst.sup.ident.id, name: entry.name }),
          ),
        )
        .sort((a, b) => a.id - b.id)
    },
    register,
    async shutdown() {
      const items = live()
      resumeIds = new Set(
        items
          .filter(
            ({ inst }) =>
              ['starting', 'online', 'stopping'].includes(inst.sup.status) ||
              inst.sup.snapshot().nextRestartAt !== null,
          )
          .map(({ inst }) => inst.sup.ident.id),
      )
      await Promise.all(items.map(({ inst }) => inst.sup.halt()))
      shutdownMark = 'clean'
      writer.markDirty()
      await writer.flush()
    },
    snapshot,
    flush: () => writer.flush(),
    reserveIds(n) {
      nextId = Math.max(nextId, n)
    },
    adopt: (params) => adoptProcess(params, adoptContext()),
    apps: () =>
      table
        .filter((entry) => !entry.adopted)
        .map((entry) => ({
          name: entry.name,
          spec: entry.spec,
          desired: entry.instances.some((i) => i.sup.snapshot().desired === 'online')
            ? ('online' as const)
            : ('stopped' as const),
        })),
  }
}
