/**
 * The dependency graph of apps (SPECIFICATION.md §11.1): nodes are app names, an edge `api → db`
 * means "api depends on db". Pure functions only: validation (unknown names, cycles), start levels
 * (Kahn's algorithm), the reverse order for stops, and the closures used by starts and cascades.
 */
import type { DependencyRef } from '@opendaemon/core'

/** One app as the graph sees it. */
export interface GraphApp {
  readonly name: string
  readonly dependencies: readonly DependencyRef[]
}

/** A problem found by {@link checkGraph}. */
export type GraphIssue =
  { kind: 'cycle'; cycle: string[]; text: string } | { kind: 'unknown'; app: string; missing: string }

function indexApps(apps: readonly GraphApp[]): Map<string, GraphApp> {
  return new Map(apps.map((app) => [app.name, app]))
}

/** Names an app depends on directly, deduplicated, in declaration order. */
export function dependencyNames(app: GraphApp): string[] {
  return [...new Set(app.dependencies.map((dep) => dep.name))]
}

/** Strongly connected components (Tarjan), restricted to edges between known apps. */
function components(index: ReadonlyMap<string, GraphApp>): string[][] {
  const order = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (name: string): void => {
    order.set(name, order.size)
    low.set(name, order.get(name) as number)
    stack.push(name)
    onStack.add(name)
    for (const dep of dependencyNames(index.get(name) as GraphApp)) {
      if (!index.has(dep)) continue
      if (!order.has(dep)) {
        visit(dep)
        low.set(name, Math.min(low.get(name) as number, low.get(dep) as number))
      } else if (onStack.has(dep)) {
        low.set(name, Math.min(low.get(name) as number, order.get(dep) as number))
      }
    }
    if (low.get(name) !== order.get(name)) return
    const component: string[] = []
    for (;;) {
      const top = stack.pop() as string
      onStack.delete(top)
      component.push(top)
      if (top === name) break
    }
    found.push(component)
  }
  for (const name of [...index.keys()].sort()) if (!order.has(name)) visit(name)
  return found
}

/** The shortest cycle through `start` inside `members` (breadth-first, neighbours by name). */
function cycleThrough(
  start: string,
  members: ReadonlySet<string>,
  index: ReadonlyMap<string, GraphApp>,
): string[] {
  const parent = new Map<string, string>()
  const queue = [start]
  // A strongly connected component holds a cycle through each member: the search always ends.
  let last: string | undefined
  for (let i = 0; last === undefined; i++) {
    const at = queue[i] as string
    const next = dependencyNames(index.get(at) as GraphApp)
      .filter((dep) => members.has(dep))
      .sort()
    if (next.includes(start)) last = at
    for (const dep of next) {
      if (dep === start || parent.has(dep)) continue
      parent.set(dep, at)
      queue.push(dep)
    }
  }
  const path = [start]
  for (let back = last; back !== start; back = parent.get(back) as string) path.splice(1, 0, back)
  return [...path, start]
}

/**
 * Every cycle of the graph, one per strongly connected component: the path starts and ends at the
 * alphabetically smallest name of the component; a self-dependency is `[api, api]`.
 *
 * @example
 * ```ts
 * findCycles([
 *   { name: 'api', dependencies: [{ name: 'worker', condition: 'online' }] },
 *   { name: 'worker', dependencies: [{ name: 'api', condition: 'online' }] },
 * ]) // [['api', 'worker', 'api']]
 * ```
 */
export function findCycles(apps: readonly GraphApp[]): string[][] {
  const index = indexApps(apps)
  return components(index)
    .filter(
      ([first, ...rest]) =>
        rest.length > 0 || dependencyNames(index.get(first as string) as GraphApp).includes(first as string),
    )
    .map((component) => {
      const members = new Set(component)
      return cycleThrough([...component].sort()[0] as string, members, index)
    })
    .sort((a, b) => (a[0] as string).localeCompare(b[0] as string))
}

/** A cycle as printed in errors and `od deps`: `api → worker → api`. */
export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(' → ')
}

/**
 * Every problem of the graph at once: dependencies on names that are neither among `apps` nor
 * `known` (the process table), then cycles.
 *
 * @example
 * ```ts
 * checkGraph([{ name: 'api', dependencies: [{ name: 'cache', condition: 'online' }] }], () => false)
 * // [{ kind: 'unknown', app: 'api', missing: 'cache' }]
 * ```
 */
export function checkGraph(apps: readonly GraphApp[], known: (name: string) => boolean): GraphIssue[] {
  const index = indexApps(apps)
  const issues: GraphIssue[] = []
  for (const app of apps) {
    for (const missing of dependencyNames(app)) {
      if (!index.has(missing) && !known(missing)) issues.push({ kind: 'unknown', app: app.name, missing })
    }
  }
  for (const cycle of findCycles(apps)) issues.push({ kind: 'cycle', cycle, text: formatCycle(cycle) })
  return issues
}

/**
 * Start levels (Kahn's algorithm): level 0 holds the apps without dependencies inside `apps`, each
 * later level the apps whose dependencies are all in earlier levels; each level sorted by name.
 * Dependencies outside `apps` are ignored (already running); apps on a cycle are left out.
 *
 * @example
 * ```ts
 * startLevels([
 *   { name: 'api', dependencies: [{ name: 'db', condition: 'online' }] },
 *   { name: 'db', dependencies: [] },
 * ]) // [['db'], ['api']]
 * ```
 */
export function startLevels(apps: readonly GraphApp[]): string[][] {
  const index = indexApps(apps)
  const pending = new Map<string, number>()
  const dependents = new Map<string, string[]>()
  for (const app of index.values()) {
    const inside = dependencyNames(app).filter((dep) => index.has(dep))
    pending.set(app.name, inside.length)
    for (const dep of inside) dependents.set(dep, [...(dependents.get(dep) ?? []), app.name])
  }
  const levels: string[][] = []
  let level = [...pending].filter(([, n]) => n === 0).map(([name]) => name)
  while (level.length > 0) {
    levels.push(level.sort())
    const next: string[] = []
    for (const name of level) {
      for (const dependent of dependents.get(name) ?? []) {
        const left = (pending.get(dependent) as number) - 1
        pending.set(dependent, left)
        if (left === 0) next.push(dependent)
      }
    }
    level = next
  }
  return levels
}

/** Stop levels: the start levels reversed (dependents first). */
export function stopLevels(apps: readonly GraphApp[]): string[][] {
  return startLevels(apps).reverse()
}

/** Direct dependents of each app: name → names of the apps that depend on it, sorted. */
export function dependentsIndex(apps: readonly GraphApp[]): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const app of apps) {
    for (const dep of dependencyNames(app)) index.set(dep, [...(index.get(dep) ?? []), app.name])
  }
  for (const names of index.values()) names.sort()
  return index
}

function closure(seeds: readonly string[], next: (name: string) => readonly string[]): Set<string> {
  const seen = new Set<string>()
  const queue = [...seeds]
  while (queue.length > 0) {
    for (const name of next(queue.shift() as string)) {
      if (seen.has(name) || seeds.includes(name)) continue
      seen.add(name)
      queue.push(name)
    }
  }
  return seen
}

/**
 * Every app that depends on one of `names`, directly or transitively (the `--cascade` set),
 * without `names` themselves, sorted by name.
 *
 * @example
 * ```ts
 * dependentsClosure(apps, ['db']) // ['api', 'gateway']
 * ```
 */
export function dependentsClosure(apps: readonly GraphApp[], names: readonly string[]): string[] {
  const index = dependentsIndex(apps)
  return [...closure(names, (name) => index.get(name) ?? [])].sort()
}

/**
 * Every app that one of `names` depends on, directly or transitively, without `names`
 * themselves, sorted by name. Names missing from `apps` are included (the caller reports them).
 */
export function dependenciesClosure(apps: readonly GraphApp[], names: readonly string[]): string[] {
  const index = indexApps(apps)
  return [
    ...closure(names, (name) => (index.has(name) ? dependencyNames(index.get(name) as GraphApp) : [])),
  ].sort()
}
