import { DaemonError } from '../errors/daemon-error.js'
import type { MetricDefinition } from '../plugins/metrics.js'
import type { CallMeta, MethodDef, MethodInfo, MethodName } from '../rpc/methods.js'

/**
 * Owner name of methods and metrics the daemon registers on the kernel itself (reserved: no
 * plugin may use it). `MethodInfo.owner` and `MetricSnapshot.plugin` show it.
 */
export const KERNEL_OWNER = 'kernel'

/** A method as stored: types erased, owner attached. */
export interface RegisteredMethod {
  readonly name: string
  readonly owner: string
  readonly description: string
  readonly parse: (input: unknown) => unknown
  readonly handler: (params: unknown, meta: CallMeta) => unknown
}

/** Registered methods, plus who owned each name last (to explain calls to a disabled plugin). */
export interface MethodRegistry {
  add<M extends MethodName>(owner: string, name: M, def: MethodDef<M>): void
  get(name: string): RegisteredMethod | undefined
  /** Removes `name` if `owner` registered it. */
  remove(name: string, owner: string): void
  /** The owner that registered `name` most recently, even if it has been removed since. */
  lastOwner(name: string): string | undefined
  removeOwner(owner: string): void
  list(): MethodInfo[]
}

/** Creates an empty {@link MethodRegistry}. */
export function createMethodRegistry(): MethodRegistry {
  const methods = new Map<string, RegisteredMethod>()
  const owners = new Map<string, string>()
  return {
    add(owner, name, def) {
      const existing = methods.get(name)
      if (existing !== undefined) throw new DaemonError('OD_METHOD_DUPLICATE', name, existing.owner)
      const parse = def.params as (input: unknown) => unknown
      const handler = def.handler as unknown as RegisteredMethod['handler']
      methods.set(name, { name, owner, description: def.description, parse, handler })
      owners.set(name, owner)
    },
    get: (name) => methods.get(name),
    remove(name, owner) {
      if (methods.get(name)?.owner === owner) methods.delete(name)
    },
    lastOwner: (name) => owners.get(name),
    removeOwner(owner) {
      for (const method of methods.values()) if (method.owner === owner) methods.delete(method.name)
    },
    list: () =>
      [...methods.values()]
        .map(({ name, description, owner }) => ({ name, description, owner }))
        .sort((a, b) => a.name.localeCompare(b.name)),
  }
}

/** One handler of a named hook. `rank` is the owner's load-order position. */
export interface RegisteredHook {
  readonly owner: string
  readonly rank: number
  readonly handler: (payload: unknown) => unknown
}

/** Hook handlers by hook name. */
export interface HookRegistry {
  add(owner: string, rank: number, name: string, handler: (payload: unknown) => unknown): void
  /** Handlers of `name` in owner load order (then registration order). */
  get(name: string): readonly RegisteredHook[]
  removeOwner(owner: string): void
  namesOf(owner: string): string[]
}

/** Creates an empty {@link HookRegistry}. */
export function createHookRegistry(): HookRegistry {
  const hooks = new Map<string, readonly RegisteredHook[]>()
  return {
    add(owner, rank, name, handler) {
      const list = [...(hooks.get(name) ?? []), { owner, rank, handler }]
      hooks.set(
        name,
        list.sort((a, b) => a.rank - b.rank),
      )
    },
    get: (name) => hooks.get(name) ?? [],
    removeOwner(owner) {
      for (const [name, list] of hooks) {
        const rest = list.filter((hook) => hook.owner !== owner)
        if (rest.length === 0) hooks.delete(name)
        else hooks.set(name, rest)
      }
    },
    namesOf: (owner) =>
      [...hooks].filter(([, list]) => list.some((h) => h.owner === owner)).map(([name]) => name),
  }
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/

/** A metric as stored. */
export interface RegisteredMetric {
  readonly owner: string
  readonly rank: number
  readonly def: MetricDefinition
}

/** Metrics by name. */
export interface MetricRegistry {
  add(owner: string, rank: number, def: MetricDefinition): void
  /** Every metric, in owner load order, then by name. */
  list(): RegisteredMetric[]
  /** Removes metric `name` if `owner` registered it. */
  remove(name: string, owner: string): void
  removeOwner(owner: string): void
  namesOf(owner: string): string[]
}

/** Creates an empty {@link MetricRegistry}. */
export function createMetricRegistry(): MetricRegistry {
  const metrics = new Map<string, RegisteredMetric>()
  const list = () =>
    [...metrics.values()].sort((a, b) => a.rank - b.rank || a.def.name.localeCompare(b.def.name))
  return {
    add(owner, rank, def) {
      if (!METRIC_NAME.test(def.name)) throw new DaemonError('OD_METRIC_INVALID', def.name)
      const existing = metrics.get(def.name)
      if (existing !== undefined) throw new DaemonError('OD_METRIC_DUPLICATE', def.name, existing.owner)
      metrics.set(def.name, { owner, rank, def })
    },
    list,
    remove(name, owner) {
      if (metrics.get(name)?.owner === owner) metrics.delete(name)
    },
    removeOwner(owner) {
      for (const [name, metric] of metrics) if (metric.owner === owner) metrics.delete(name)
    },
    namesOf: (owner) =>
      list()
        .filter((m) => m.owner === owner)
        .map((m) => m.def.name),
  }
}
