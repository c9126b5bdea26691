/**
 * The app table: numeric instance ids (monotonic, never reused while the table lives), unique app
 * names, namespaces and tags, selectors with the `--all` guard, and persistence of every change to
 * `state.json`. Each instance is driven by its own supervisor; this file only routes commands.
 */
import { DaemonError, parseSignal, type ProcessInfo, type ProcessSelectorParams } from '@opendaemon/core'
import type { BlockedStart, DependencyCoordinator } from './dependency-hooks.js'
import { createSetRunner } from './dependency-sets.js'
import {
  STOP_MARGIN_MS,
  type AppEntry,
  type Instance,
  type ManagerDeps,
  type ProcessManager,
} from './process-manager-types.js'
import { dependencyTable, directDependents, graphWith, type TableApp } from './dependency-view.js'
import { adoptProcess } from './adopt.js'
import { createAdoptedEntries } from './adopted-entries.js'
import { normalizeAppSpec, type AppSpec } from './app-spec.js'
import { buildLaunchEnv, buildSpawnSpec } from './launch-spec.js'
import { instanceEnv } from './process-env.js'
import { signalInstances } from './process-signal.js'
import { adoptionOf } from './state-snapshot.js'
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
export {
  STOP_MARGIN_MS,
  type AdoptedRecord,
  type AdoptProbes,
  type ManagerDeps,
  type ProcessManager,
} from './process-manager-types.js'

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
  /** The environment of each instance's latest spawn (`od env`); never persisted. */
  const spawnedEnv = new Map<number, Readonly<Record<string, string>>>()

  let coordinator: DependencyCoordinator | null = null
  const tableApps = (): TableApp[] =>
    table.map((entry) => ({
      name: entry.name,
      spec: entry.spec,
      sups: entry.instances.filter((inst) => !inst.deleting).map((inst) => inst.sup),
    }))
  const depTable = dependencyTable(tableApps)
  const supsOf = (name: string): Supervisor[] =>
    live()
      .filter(({ entry }) => entry.name === name)
      .map(({ inst }) => inst.sup)
  const sets = createSetRunner({ coordinator: () => coordinator, table: depTable, supsOf })

  const writer = createStateWriter(() => deps.writeState(snapshot(shutdownMark)), deps)
  const supDeps: SupervisorDeps = {
    ...deps.supervisor,
    launch: (ident, spec) => {
      const spawnSpec = buildSpawnSpec(ident, spec, deps.launch)
      spawnedEnv.set(ident.id, spawnSpec.env)
      return spawnSpec
    },
    onChange: () => writer.markDirty(),
  }
  const adoptedEntries = createAdoptedEntries({
    deps,
    table,
    takeId: () => nextId++,
    markDirty: () => writer.markDirty(),
    flush: () => writer.flush(),
    live,
    infos,
    interpreterOf,
    makeManaged: (ident, spec, restored) => createSupervisor(ident, spec, supDeps, restored),
  })

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
      adopted: (inst.sup.adoption?.() ?? null) !== null,
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
      .map(({ entry, inst }, i) => {
        const info = toProcessInfo(view(entry, inst, memory[i] as number | null), now)
        const blockedBy = sets.blockedBy(entry.name)
        const idle = info.status === 'stopped' || info.status === 'created'
        return blockedBy !== undefined && idle && info.error === null ? { ...info, error: blockedBy } : info
      })
      .sort((a, b) => a.id - b.id)
  }

  /** Checks the dependencies of `names` against the table with `specs` added (§11.1). */
  function checkDependencies(names: readonly string[], specs: readonly AppSpec[]): void {
    coordinator?.check(names, graphWith(tableApps(), specs))
  }

  /** A user start: an app its dependencies blocked fails with their error. */
  function throwBlocked(found: readonly BlockedStart[], names: readonly string[]): void {
    const mine = found.find((b) => names.includes(b.name)) ?? found[0]
    if (mine !== undefined) throw mine.error
  }

  const itemsOf = (sups: readonly Supervisor[]) => live().filter(({ inst }) => sups.includes(inst.sup))

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
      restartable: false,
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
    const names = [...new Set(items.map(({ entry }) => entry.name))]
    checkDependencies(names, [])
    throwBlocked(
      await sets.start(
        items.map(({ inst }) => inst.sup),
        { expand: true },
      ),
      names,
    )
    return infos(items)
  }

  /** `process.start { apps }`: validate every app and the graph, register, start in order. */
  async function startBatch(requests: readonly unknown[]): Promise<ProcessInfo[]> {
    const specs = requests.map((request) => normalizeAppSpec(request, deps.specContext()))
    const twice = specs.find((spec, i) => specs.findIndex((s) => s.name === spec.name) !== i)
    if (twice !== undefined) {
      throw new DaemonError(
        'OD_INVALID_PARAMS',
        `apps: "${twice.name}" is defined twice; app names are unique`,
      )
    }
    for (const spec of specs) deps.logSink.check?.(spec.logs)
    const fresh = specs.filter((spec) => !table.some((entry) => entry.name === spec.name))
    checkDependencies(
      specs.map((spec) => spec.name),
      fresh,
    )
    // Every script must resolve before the first app is registered: a bad one fails the whole set.
    for (const spec of fresh) interpreterOf(spec)
    const now = deps.clock.now()
    const started = fresh.filter((spec) => spec.autostart).map((spec) => spec.name)
    for (const spec of fresh) register(spec, now)
    const existing = specs.filter((spec) => !fresh.includes(spec)).map((spec) => spec.name)
    const names = new Set([...started, ...existing])
    await sets.start(
      live()
        .filter(({ entry }) => names.has(entry.name))
        .map(({ inst }) => inst.sup),
      { expand: true },
    )
    return infos(live().filter(({ entry }) => specs.some((spec) => spec.name === entry.name)))
  }

  async function start(request: unknown): Promise<ProcessInfo[]> {
    const apps = (request as { apps?: unknown } | null)?.apps
    if (Array.isArray(apps)) return startBatch(apps)
    const script = (request as { script?: unknown } | null)?.script
    if (typeof script === 'string') {
      const existing = await startExisting(script)
      if (existing !== null) return existing
    }
    const spec = normalizeAppSpec(request, deps.specContext())
    deps.logSink.check?.(spec.logs)
    if (table.some((entry) => entry.name === spec.name))
      throw new DaemonError('OD_PROCESS_NAME_TAKEN', spec.name)
    checkDependencies([spec.name], [spec])
    const sups = register(spec, deps.clock.now())
    if (spec.autostart) throwBlocked(await sets.start(sups, { expand: true }), [spec.name])
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
    await sets.remove(
      items.map(({ inst }) => inst.sup),
      async (sup) => {
        const { entry, inst } = items.find((item) => item.inst.sup === sup) as (typeof items)[number]
        await inst.sup.remove()
        entry.instances = entry.instances.filter((x) => x !== inst)
        spawnedEnv.delete(inst.sup.ident.id)
        if (entry.instances.length === 0) {
          table.splice(table.indexOf(entry), 1)
          sets.forget(entry.name)
        }
        deps.events.emit('process:deleted', { id: inst.sup.ident.id, name: entry.name, at: deps.clock.now() })
        writer.markDirty()
      },
    )
    return items
      .map(({ entry, inst }) => ({ id: inst.sup.ident.id, name: entry.name, deleted: true as const }))
      .sort((a, b) => a.id - b.id)
  }

  /** One instance for `od env`: an id, a name (instance 0) or `name:index`. */
  function pickInstance(target: string | number): Supervisor {
    const match = typeof target === 'string' ? /^(.+):(\d+)$/.exec(target) : null
    const name = match === null ? target : (match[1] as string)
    const sups = select({ target: name }, false).map(({ inst }) => inst.sup)
    if (new Set(sups.map((sup) => sup.ident.name)).size > 1) {
      throw new DaemonError(
        'OD_INVALID_PARAMS',
        `target: "${target}" matches several apps; od env shows one instance: give a name, an id or name:index`,
      )
    }
    const index = match === null ? undefined : Number(match[2])
    const found = index === undefined ? sups[0] : sups.find((sup) => sup.ident.instance === index)
    if (found === undefined) throw new DaemonError('OD_PROCESS_NOT_FOUND', `instance ${index} of "${name}"`)
    return found
  }

  function snapshot(shutdown: 'clean' | null = null): StateData {
    const { pid, bootId } = deps
    return buildStateData(table, { now: deps.clock.now(), pid, bootId, shutdown, nextId, resumeIds })
  }

  return {
    start,
    async stop({ cascade, ...selector }) {
      const sups = select(selector, true).map(({ inst }) => inst.sup)
      return infos(itemsOf(await sets.stop(sups, cascade !== false)))
    },
    async restart({ cascade, ...selector }) {
      const sups = select(selector, true).map(({ inst }) => inst.sup)
      return infos(itemsOf(await sets.restart(sups, cascade === true)))
    },
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
        .map(({ entry, inst }, i) => {
          const target = {
            ...inst.sup.ident,
            instances: entry.spec.instances,
            cwd: entry.spec.cwd,
            logs: entry.spec.logs,
          }
          const detail = toProcessDetail(
            view(entry, inst, memory[i] as number | null),
            now,
            deps.logSink.paths(target),
            directDependents(tableApps(), entry.name),
          )
          const crash = deps.logSink.lastCrash?.(target)
          return crash === undefined ? detail : { ...detail, crash }
        })
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
    adopt: (params) => adoptProcess(params, adoptedEntries.adoptContext()),
    env: async ({ target, showPlain }) =>
      instanceEnv(
        pickInstance(target),
        {
          spawned: (id) => spawnedEnv.get(id),
          next: (sup) => buildLaunchEnv(sup.ident, sup.spec, deps.launch),
          environ: deps.adopt.environ,
        },
        showPlain === true,
      ),
    async signal(params) {
      const signal = parseSignal(params.signal)
      const { signal: _given, group, ...selector } = params
      const sups = select(selector, true).map(({ inst }) => inst.sup)
      return signalInstances(sups, signal, group === true, deps.adopt)
    },
    async resetHard() {
      const deleted = live().length === 0 ? [] : await remove({ target: 'all' })
      nextId = 0
      writer.markDirty()
      await writer.flush()
      return { reset: true, deleted: deleted.length }
    },
    stopBudgetMs: () =>
      Math.max(0, ...live().map(({ inst }) => inst.sup.spec.killTimeoutMs)) + STOP_MARGIN_MS,
    restoreAdopted: adoptedEntries.restoreAdopted,
    startSupervisors: async (sups) => void (await sets.start(sups, { expand: false })),
    useDependencies(installed) {
      coordinator = installed
      return () => {
        if (coordinator === installed) coordinator = null
      }
    },
    dependencyTable: () => depTable,
    apps: () =>
      table.map((entry) => {
        const adopted = adoptionOf(entry)
        return {
          name: entry.name,
          spec: entry.spec,
          desired: entry.instances.some((i) => i.sup.snapshot().desired === 'online')
            ? ('online' as const)
            : ('stopped' as const),
          ...(adopted === undefined ? {} : { adopted }),
        }
      }),
  }
}
