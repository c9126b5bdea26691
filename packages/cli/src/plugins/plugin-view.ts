import type { PluginDetails, PluginInfo } from '@opendaemon/core/client'
import type { Colors } from '../ui/colors.js'

/** A plugin's state with the reason it is not running: `disabled (user)`, `failed (start-failed)`. */
export function pluginState(plugin: Pick<PluginInfo, 'state' | 'disabledReason'>): string {
  return plugin.disabledReason === undefined ? plugin.state : `${plugin.state} (${plugin.disabledReason})`
}

/** The state in its colour: running states green, `disabled` grey, `failed` red, others yellow. */
export function paintState(text: string, state: PluginInfo['state'], colors: Colors): string {
  if (state === 'ready' || state === 'started') return colors.green(text)
  if (state === 'failed') return colors.red(text)
  if (state === 'disabled' || state === 'stopped') return colors.gray(text)
  return colors.yellow(text)
}

/**
 * The `od plugin info` lines (label, value), in display order. Pure.
 *
 * @example
 * ```ts
 * pluginInfoRows(details)[0] // ['name', 'process-manager']
 * ```
 */
export function pluginInfoRows(plugin: PluginDetails): [string, string][] {
  const list = (items: readonly string[]): string => (items.length === 0 ? '-' : items.join(', '))
  const rows: [string, string][] = [
    ['name', plugin.name],
    ['version', plugin.version],
    ['description', plugin.description || '-'],
    ['state', pluginState(plugin)],
    ['priority', String(plugin.priority)],
    ['dependencies', list(plugin.dependencies)],
    ['dependents', list(plugin.dependents)],
    ['conflicts', list(plugin.conflicts)],
    ['methods', list(plugin.methods)],
    ['hooks', list(plugin.hooks)],
    ['metrics', list(plugin.metrics)],
    ['subscriptions', String(plugin.subscriptions)],
    ['failures', String(plugin.failures)],
  ]
  const last = plugin.lastError
  if (last !== undefined) {
    rows.push(['last error', `${last.code}: ${last.message} (${new Date(last.at).toISOString()})`])
  }
  return rows
}
