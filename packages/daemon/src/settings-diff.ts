import { deepEqual } from '@opendaemon/core'
import type { DaemonSettings } from './config-file.js'

/** Top-level `config.json` keys a running daemon applies on reload. */
export const LIVE_SETTINGS: readonly string[] = ['logLevel', 'watchdog', 'shutdownTimeoutMs']

/** What a reload changes. */
export interface SettingsChange {
  /** Top-level keys whose value differs, sorted. */
  changed: string[]
  /** The changed keys that take effect only at the next daemon start (kernel, IPC, plugins). */
  restartRequired: string[]
}

/**
 * Compares two resolved configurations key by key.
 *
 * @example
 * ```ts
 * import { diffSettings, parseDaemonSettings } from '@opendaemon/daemon'
 *
 * const before = parseDaemonSettings('{}', 'config.json')
 * const after = parseDaemonSettings('{"logLevel":"debug","ipc":{"maxConnections":8}}', 'config.json')
 * diffSettings(before, after) // { changed: ['ipc', 'logLevel'], restartRequired: ['ipc'] }
 * ```
 * @since 0.1.0
 */
export function diffSettings(before: DaemonSettings, after: DaemonSettings): SettingsChange {
  const a: Record<string, unknown> = { ...before.config, pluginModules: before.pluginModules }
  const b: Record<string, unknown> = { ...after.config, pluginModules: after.pluginModules }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  const changed = keys.filter((key) => !deepEqual(a[key], b[key]))
  return { changed, restartRequired: changed.filter((key) => !LIVE_SETTINGS.includes(key)) }
}
