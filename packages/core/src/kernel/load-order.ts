import { DaemonError } from '../errors/daemon-error.js'
import { isPlainObject } from '../plain-data.js'
import type { Plugin } from '../plugins/plugin.js'
import { KERNEL_OWNER } from './registrations.js'

const PLUGIN_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

/** Default `priority` of a plugin. */
export const DEFAULT_PRIORITY = 100

const isStringList = (value: unknown) =>
  value === undefined || (Array.isArray(value) && value.every((item) => typeof item === 'string'))

function declarationProblem(plugin: Record<string, unknown>): string | undefined {
  if (typeof plugin['name'] !== 'string' || !PLUGIN_NAME.test(plugin['name'])) {
    return 'name must be kebab-case (letters, digits, single dashes)'
  }
  if (plugin['name'] === KERNEL_OWNER) return `the name "${KERNEL_OWNER}" is reserved for the daemon itself`
  if (typeof plugin['version'] !== 'string' || plugin['version'] === '')
    return 'version must be a non-empty string'
  if (typeof plugin['description'] !== 'string') return 'description must be a string'
  if (typeof plugin['install'] !== 'function') return 'install must be a function'
  const priority = plugin['priority']
  if (priority !== undefined && !Number.isFinite(priority)) return 'priority must be a finite number'
  if (!isStringList(plugin['dependencies'])) return 'dependencies must be an array of plugin names'
  if (!isStringList(plugin['conflicts'])) return 'conflicts must be an array of plugin names'
  return undefined
}

/**
 * Checks the shape of a plugin declaration (plugins loaded from user modules are not
 * type-checked).
 *
 * @throws {DaemonError} `OD_PLUGIN_INVALID` naming the problem.
 * @example
 * ```ts
 * import { assertPluginDeclaration } from '@opendaemon/core'
 *
 * const loaded: unknown = { name: 'my-plugin', version: '1.0.0', description: '', install() {} }
 * assertPluginDeclaration(loaded) // narrows `loaded` to Plugin
 * ```
 * @since 0.1.0
 */
export function assertPluginDeclaration(plugin: unknown): asserts plugin is Plugin {
  const object: Record<string, unknown> = isPlainObject(plugin) ? plugin : {}
  const problem = isPlainObject(plugin) ? declarationProblem(object) : 'a plugin must be an object'
  if (problem !== undefined) {
    const name = typeof object['name'] === 'string' ? object['name'] : String(plugin)
    throw new DaemonError('OD_PLUGIN_INVALID', name, problem)
  }
}

/**
 * Walks from the alphabetically first leftover plugin along dependencies that are also left over
 * until a plugin repeats. Every leftover plugin waits on another leftover one, so the walk always
 * closes a cycle.
 */
function findCycle(remaining: ReadonlyMap<string, Plugin>): string[] {
  const path: string[] = []
  let current = [...remaining.keys()].sort()[0] as string
  while (!path.includes(current)) {
    path.push(current)
    const deps = (remaining.get(current) as Plugin).dependencies as readonly string[]
    current = deps.find((dep) => remaining.has(dep)) as string
  }
  return [...path.slice(path.indexOf(current)), current]
}

function checkReferences(plugins: readonly Plugin[], byName: ReadonlyMap<string, Plugin>): void {
  const seen = new Set<string>()
  for (const plugin of plugins) {
    if (seen.has(plugin.name)) throw new DaemonError('OD_PLUGIN_DUPLICATE', plugin.name)
    seen.add(plugin.name)
  }
  for (const plugin of plugins) {
    const conflict = plugin.conflicts?.find((other) => byName.has(other))
    if (conflict !== undefined) throw new DaemonError('OD_PLUGIN_CONFLICT', plugin.name, conflict)
    const missing = plugin.dependencies?.find((dep) => !byName.has(dep))
    if (missing !== undefined) throw new DaemonError('OD_PLUGIN_DEPENDENCY_MISSING', plugin.name, missing)
  }
}

const before = (a: Plugin, b: Plugin) =>
  (a.priority ?? DEFAULT_PRIORITY) - (b.priority ?? DEFAULT_PRIORITY) || (a.name < b.name ? -1 : 1)

/**
 * Validates plugin declarations and returns them in load order: every plugin after its
 * dependencies; among plugins that are free to go, lower `priority` first, then by name.
 *
 * @throws {DaemonError} `OD_PLUGIN_INVALID`, `OD_PLUGIN_DUPLICATE`, `OD_PLUGIN_CONFLICT`,
 * `OD_PLUGIN_DEPENDENCY_MISSING` or `OD_PLUGIN_DEPENDENCY_CYCLE` (message `a → b → a`).
 * @example
 * ```ts
 * import { definePlugin, resolveLoadOrder } from '@opendaemon/core'
 *
 * const base = definePlugin({ name: 'base', version: '1.0.0', description: '', install() {} })
 * const app = definePlugin({ ...base, name: 'app', dependencies: ['base'], priority: 1 })
 * resolveLoadOrder([app, base]).map((p) => p.name) // ['base', 'app']
 * ```
 * @since 0.1.0
 */
export function resolveLoadOrder(plugins: readonly unknown[]): Plugin[] {
  plugins.forEach((plugin) => assertPluginDeclaration(plugin))
  const list = plugins as readonly Plugin[]
  const byName = new Map(list.map((plugin) => [plugin.name, plugin]))
  checkReferences(list, byName)

  const waitingOn = new Map(list.map((plugin) => [plugin.name, new Set(plugin.dependencies)]))
  const order: Plugin[] = []
  let free = list.filter((plugin) => new Set(plugin.dependencies).size === 0)
  while (free.length > 0) {
    const next = free.reduce((best, plugin) => (before(plugin, best) < 0 ? plugin : best))
    free = free.filter((plugin) => plugin !== next)
    order.push(next)
    byName.delete(next.name)
    for (const [name, deps] of waitingOn) {
      if (deps.delete(next.name) && deps.size === 0) free.push(byName.get(name) as Plugin)
    }
  }
  if (byName.size > 0) {
    const cycle = findCycle(byName)
    throw new DaemonError('OD_PLUGIN_DEPENDENCY_CYCLE', cycle.join(' → '), { data: { cycle } })
  }
  return order
}
