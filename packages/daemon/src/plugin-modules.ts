/**
 * User plugin modules (`config.json` → `pluginModules`, SPECIFICATION.md §3.9): each file is
 * checked, imported, its plugin declaration (or factory result) validated against the plugins
 * already present, and anything that fails is skipped with `OD_PLUGIN_LOAD_FAILED` so the daemon
 * always starts without it.
 */
import { stat } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import {
  assertPluginDeclaration,
  DaemonError,
  errorMessage,
  resolveLoadOrder,
  resolvePluginConfig,
  systemClock,
  withTimeout,
  type Clock,
  type DaemonConfig,
  type Plugin,
} from '@opendaemon/core'
import { currentUid, untrustedFileReason } from './file-trust.js'

/** Options of {@link loadPluginModules}. */
export interface PluginModulesOptions {
  /** Absolute module paths, in config order. */
  paths: readonly string[]
  /** Plugins already present (built-ins): names, dependencies and conflicts are checked against them. */
  existing: readonly Plugin[]
  config: DaemonConfig
  /** Passed to a factory export. */
  home: string
  /** Passed to a factory export as `odVersion`. */
  version: string
  clock?: Clock
  /** Deadline of a factory export. Default 5000 ms. */
  factoryTimeoutMs?: number
  importModule?: (url: string) => Promise<unknown>
  uid?: number
}

/** What {@link loadPluginModules} accepted and what it skipped. */
export interface PluginModulesResult {
  plugins: Plugin[]
  /** One `OD_PLUGIN_LOAD_FAILED` per skipped module. */
  failures: DaemonError[]
}

/** Options a factory export receives. */
export interface PluginFactoryOptions {
  odVersion: string
  home: string
}

async function checkFile(path: string, uid: number): Promise<void> {
  const facts = await stat(path)
  if (!facts.isFile()) throw new Error('it is not a regular file')
  const reason = untrustedFileReason(facts, uid)
  if (reason !== null) throw new Error(`${reason}; run \`chmod 644 ${path}\` as its owner`)
}

async function loadOne(path: string, options: PluginModulesOptions): Promise<Plugin> {
  await checkFile(path, options.uid ?? currentUid())
  const imported = (await (options.importModule ?? defaultImport)(pathToFileURL(path).href)) as {
    default?: unknown
  }
  const exported = imported.default
  if (exported === undefined) throw new Error('it has no default export (export a plugin or a factory)')
  let plugin: unknown = exported
  if (typeof exported === 'function') {
    const ms = options.factoryTimeoutMs ?? 5_000
    const factoryOptions: PluginFactoryOptions = { odVersion: options.version, home: options.home }
    plugin = await withTimeout(
      options.clock ?? systemClock,
      ms,
      () => (exported as (o: PluginFactoryOptions) => unknown)(factoryOptions),
      () => new Error(`its factory did not return within ${ms} ms`),
    )
  }
  assertPluginDeclaration(plugin)
  return plugin
}

function defaultImport(url: string): Promise<unknown> {
  return import(url)
}

/** Accepts a plugin only if the whole set still resolves and its configuration is valid. */
function admit(plugin: Plugin, accepted: readonly Plugin[], options: PluginModulesOptions): void {
  resolveLoadOrder([...options.existing, ...accepted, plugin])
  resolvePluginConfig(plugin, options.config.plugins[plugin.name])
}

/**
 * Loads every user plugin module. A module may export (default export, or `module.exports` for
 * CommonJS) a plugin or a factory `({ odVersion, home }) => plugin`. Modules may depend on each
 * other in any order.
 *
 * @example
 * ```ts
 * import { resolveDaemonConfig } from '@opendaemon/core'
 * import { loadPluginModules } from '@opendaemon/daemon'
 *
 * const { plugins, failures } = await loadPluginModules({
 *   paths: ['/home/me/od-plugins/slack-sink.mjs'],
 *   existing: [],
 *   config: resolveDaemonConfig(undefined),
 *   home: '/home/me/.opendaemon',
 *   version: '0.1.0',
 * })
 * ```
 * @since 0.1.0
 */
export async function loadPluginModules(options: PluginModulesOptions): Promise<PluginModulesResult> {
  const failures = new Map<string, unknown>()
  let pending: { path: string; plugin: Plugin }[] = []
  for (const path of options.paths) {
    try {
      pending.push({ path, plugin: await loadOne(path, options) })
    } catch (error) {
      failures.set(path, error)
    }
  }
  const accepted: Plugin[] = []
  // Repeat until no module is admitted any more, so a module may depend on one listed after it.
  for (let progress = true; progress;) {
    progress = false
    const waiting: typeof pending = []
    for (const entry of pending) {
      try {
        admit(entry.plugin, accepted, options)
        accepted.push(entry.plugin)
        failures.delete(entry.path)
        progress = true
      } catch (error) {
        failures.set(entry.path, error)
        waiting.push(entry)
      }
    }
    pending = waiting
  }
  const failed = options.paths.filter((path) => failures.has(path))
  return {
    plugins: accepted,
    failures: failed.map((path) => {
      const cause = failures.get(path)
      return new DaemonError('OD_PLUGIN_LOAD_FAILED', path, errorMessage(cause), { cause })
    }),
  }
}
