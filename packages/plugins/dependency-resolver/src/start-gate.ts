/**
 * Starting a set of apps in dependency order (SPECIFICATION.md §11.3). Execution is event-driven,
 * not level by level: each app starts the moment its dependencies are ready, so a slow branch never
 * delays an independent one. A dependent whose dependency fails (errored, stopped, blocked itself)
 * or does not become ready within its `dependencyTimeout` is blocked: not started, reported.
 */
import {
  DaemonError,
  toErrorInfo,
  type Clock,
  type DependencyRef,
  type EventBus,
  type EventMap,
} from '@opendaemon/core'
import type {
  BlockedStart,
  DependencyAppFacts,
  DependencyTable,
  StartSetOptions,
} from '@opendaemon/plugin-process-manager'
import { dependenciesClosure, startLevels } from './dependency-graph.js'
import { evaluateCondition } from './readiness-condition.js'

/** What the gate needs from the outside world. */
export interface GateDeps {
  clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>
  events: Pick<EventBus<EventMap>, 'emit'>
  /** Calls `listener` after every process state change; returns the unsubscribe function. */
  onStateChange(listener: () => void): () => void
}

type Reason = EventMap['deps:blocked']['reason']
type Outcome = { ok: true } | { ok: false; dependency: string; reason: Reason }

const RUNNING = new Set(['starting', 'online'])

function reasonText(reason: Reason, condition: string, timeoutMs: number): string {
  if (reason === 'timeout') return `was not ${condition} within ${timeoutMs} ms`
  if (reason === 'missing') return 'is not in the process table'
  return reason === 'blocked' ? 'was blocked by its own dependencies' : `is ${reason}`
}

/** The set to start: `names` plus, with `expand`, their dependencies that are not running. */
export function expandStartSet(names: readonly string[], apps: readonly DependencyAppFacts[]): string[] {
  const index = new Map(apps.map((app) => [app.name, app]))
  const idle = dependenciesClosure(apps, names).filter((name) => {
    const app = index.get(name)
    return app !== undefined && !app.instances.every((i) => RUNNING.has(i.status))
  })
  return [...names, ...idle.filter((name) => !names.includes(name))]
}

/**
 * Creates the gate: `start` runs a set and resolves with the apps it blocked.
 *
 * @example
 * ```ts
 * const gate = createStartGate({ clock, events, onStateChange })
 * const blocked = await gate.start(['api', 'db'], table, (name) => manager.startApp(name), { expand: true })
 * ```
 */
export function createStartGate(deps: GateDeps) {
  /** Resolves once `dep` satisfies `condition` (`ok`) or cannot any more. */
  function whenReady(table: DependencyTable, dep: DependencyRef, patient: boolean): Promise<Outcome> {
    return new Promise((resolve) => {
      let off = (): void => undefined
      const check = (): boolean => {
        const facts = table.apps().find((app) => app.name === dep.name)
        if (facts === undefined) return settle({ ok: false, dependency: dep.name, reason: 'missing' })
        const verdict = evaluateCondition(dep.condition, facts.instances)
        if (verdict.state === 'ready') return settle({ ok: true })
        if (verdict.state === 'failed' && !patient)
          return settle({ ok: false, dependency: dep.name, reason: verdict.reason })
        return false
      }
      const settle = (outcome: Outcome): true => {
        off()
        resolve(outcome)
        return true
      }
      if (!check()) off = deps.onStateChange(() => void check())
    })
  }

  function withTimeout(
    wait: Promise<Outcome>,
    timeoutMs: number,
    pendingDep: () => string,
  ): Promise<Outcome> {
    if (timeoutMs === 0) return wait
    return new Promise((resolve) => {
      const timer = deps.clock.setTimeout(
        () => resolve({ ok: false, dependency: pendingDep(), reason: 'timeout' }),
        timeoutMs,
      )
      void wait.then((outcome) => {
        deps.clock.clearTimeout(timer)
        resolve(outcome)
      })
    })
  }

  async function start(
    names: readonly string[],
    table: DependencyTable,
    op: (name: string) => Promise<void>,
    options: StartSetOptions,
  ): Promise<BlockedStart[]> {
    const apps = table.apps()
    const set = options.expand ? expandStartSet(names, apps) : [...names]
    const members = apps.filter((app) => set.includes(app.name))
    const order = startLevels(members)
    deps.events.emit('deps:resolved', { apps: set, levels: order.length, order, at: deps.clock.now() })
    // Apps on a cycle (a hand-edited state file) are not in `order`: they wait for nobody's task.
    const ordered = new Set(order.flat())
    const tasks = new Map<string, Promise<boolean>>()
    const blocked: BlockedStart[] = []
    const failures: unknown[] = []

    const gateOf = async (app: DependencyAppFacts): Promise<Outcome> => {
      const ready = new Set<string>()
      const waitOne = async (dep: DependencyRef): Promise<Outcome> => {
        const task = ordered.has(app.name) ? tasks.get(dep.name) : undefined
        if (task !== undefined && !(await task)) return { ok: false, dependency: dep.name, reason: 'blocked' }
        const outcome = await whenReady(table, dep, app.dependencyTimeoutMs === 0)
        if (outcome.ok) ready.add(dep.name)
        return outcome
      }
      const waits = app.dependencies.map((dep) => waitOne(dep))
      const first = new Promise<Outcome>((resolve) => {
        void Promise.all(waits.map((w) => w.then((o) => (o.ok ? o : resolve(o))))).then(() =>
          resolve({ ok: true }),
        )
      })
      const pending = (): string => app.dependencies.find((dep) => !ready.has(dep.name))?.name as string
      return withTimeout(first, app.dependencyTimeoutMs, pending)
    }

    const run = async (whole: DependencyAppFacts): Promise<boolean> => {
      const app =
        options.orderOnly === true
          ? { ...whole, dependencies: whole.dependencies.filter((dep) => set.includes(dep.name)) }
          : whole
      const began = deps.clock.now()
      if (app.dependencies.length > 0) {
        const waitingFor = app.dependencies.map((dep) => dep.name)
        deps.events.emit('deps:waiting', { name: app.name, waitingFor, at: began })
        const outcome = await gateOf(app)
        if (!outcome.ok) {
          const dep = app.dependencies.find((d) => d.name === outcome.dependency) as DependencyRef
          const error = new DaemonError(
            'OD_DEPENDENCY_FAILED',
            app.name,
            dep.name,
            reasonText(outcome.reason, dep.condition, app.dependencyTimeoutMs),
            { data: { dependency: dep.name, condition: dep.condition, reason: outcome.reason } },
          )
          blocked.push({ name: app.name, error })
          const at = deps.clock.now()
          deps.events.emit('deps:blocked', {
            name: app.name,
            dependency: dep.name,
            reason: outcome.reason,
            error: toErrorInfo(error),
            at,
          })
          return false
        }
        deps.events.emit('deps:satisfied', {
          name: app.name,
          waitedMs: deps.clock.now() - began,
          at: deps.clock.now(),
        })
      }
      try {
        await op(app.name)
      } catch (error) {
        // Dependents judge this app by its state, like any other; the caller gets the error.
        failures.push(error)
      }
      return true
    }

    // Register every task before any runs, so a dependent always finds its dependency's task.
    const runs: (() => void)[] = []
    for (const app of members) {
      tasks.set(app.name, new Promise<boolean>((resolve) => runs.push(() => void run(app).then(resolve))))
    }
    for (const go of runs) go()
    await Promise.all(tasks.values())
    if (failures.length > 0) throw failures[0]
    return blocked.sort((a, b) => a.name.localeCompare(b.name))
  }

  return { start }
}

/** The gate made by {@link createStartGate}. */
export type StartGate = ReturnType<typeof createStartGate>
