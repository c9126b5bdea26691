/**
 * Stopping a set in reverse dependency order (SPECIFICATION.md §11.4): every app stops only after
 * every app of the set that depends on it has stopped; apps without such constraints stop in
 * parallel.
 */
import type { DependencyNode } from '@opendaemon/plugin-process-manager'
import { dependentsIndex, startLevels } from './dependency-graph.js'

/**
 * Runs `stop` for each of `names`, dependents first. Names missing from `apps` stop at once.
 * Apps on a cycle (which validation refuses, but a hand-edited state file may hold) wait for
 * nothing.
 *
 * @example
 * ```ts
 * await stopInOrder(['db', 'api'], apps, (name) => manager.stopApp(name)) // api, then db
 * ```
 */
export async function stopInOrder(
  names: readonly string[],
  apps: readonly DependencyNode[],
  stop: (name: string) => Promise<void>,
): Promise<void> {
  const members = apps.filter((app) => names.includes(app.name))
  const acyclic = new Set(startLevels(members).flat())
  const dependents = dependentsIndex(members.filter((app) => acyclic.has(app.name)))
  const tasks = new Map<string, Promise<void>>()
  const failures: unknown[] = []
  const runs: (() => void)[] = []
  for (const name of new Set(names)) {
    const first = dependents.get(name) ?? []
    tasks.set(
      name,
      new Promise<void>((resolve) => {
        runs.push(() => {
          void Promise.all(first.map((d) => tasks.get(d)))
            .then(() => stop(name))
            .catch((error: unknown) => void failures.push(error))
            .then(resolve)
        })
      }),
    )
  }
  for (const go of runs) go()
  await Promise.all(tasks.values())
  if (failures.length > 0) throw failures[0]
}
