import type { ErrorCode } from '../errors/codes.js'
import { PLUGIN_STATES, type DisabledReason, type PluginState } from '../events.js'

/** One plugin as `plugin.list` reports it (plain JSON). */
export interface PluginInfo {
  name: string
  version: string
  description: string
  state: PluginState
  priority: number
  dependencies: string[]
  conflicts: string[]
  /** RPC methods the plugin registered (kept while it is disabled, so you can see what is missing). */
  methods: string[]
  /** Failures counted by its error boundary since it was last (re)enabled. */
  failures: number
  lastError?: { code: ErrorCode; message: string; at: number }
  /** Set when `state` is `failed` or `disabled`. */
  disabledReason?: DisabledReason
}

/** `plugin.info`: {@link PluginInfo} plus everything else the plugin registered. */
export interface PluginDetails extends PluginInfo {
  hooks: string[]
  metrics: string[]
  /** Number of event subscriptions it holds through `ctx.events`. */
  subscriptions: number
  /** Plugins that declare this one as a dependency. */
  dependents: string[]
}

/** Count of plugins in each state, plus `total`. */
export type PluginSummary = { total: number } & { [S in PluginState]: number }

/**
 * Counts plugins by state, for `daemon.status`.
 *
 * @example
 * ```ts
 * import { summarizePlugins } from '@opendaemon/core'
 *
 * summarizePlugins([]).total // 0
 * ```
 * @since 0.1.0
 */
export function summarizePlugins(plugins: readonly Pick<PluginInfo, 'state'>[]): PluginSummary {
  const summary = { total: plugins.length } as PluginSummary
  for (const state of PLUGIN_STATES) summary[state] = 0
  for (const plugin of plugins) summary[plugin.state]++
  return summary
}

/** One plugin's health-check result (plain JSON). */
export interface PluginHealth {
  name: string
  healthy: boolean
  /** Why it is unhealthy, when its check threw or timed out. */
  error?: { code: ErrorCode; message: string }
}
