/**
 * The plugin's configuration (`config.json` → `plugins["log-manager"]`, the daemon-wide settings
 * of SPECIFICATION.md §9.12) turned into {@link LogSettings}. Pure.
 */
import { LOG_DEFAULTS, parseLogOptions } from './log-options.js'
import type { LogSettings } from './log-manager.js'

/** The plugin's configuration. */
export interface LogManagerConfig {
  /** Default directory of app logs; empty = `$OD_HOME/logs`. */
  dir: string
  highWaterMark: number
  errorBuffer: number
  partialFlushMs: number
  checkIntervalMs: number
  retentionIntervalMs: number
  drainTimeoutMs: number
  /** Default values of the app log fields. */
  defaults: Record<string, unknown>
}

/** Defaults of §9.12. */
export const LOG_MANAGER_DEFAULTS: LogManagerConfig = {
  dir: '',
  highWaterMark: 512 * 1024,
  errorBuffer: 8 * 1024 * 1024,
  partialFlushMs: 1000,
  checkIntervalMs: 5000,
  retentionIntervalMs: 3_600_000,
  drainTimeoutMs: 2000,
  defaults: {},
}

/**
 * The settings in effect.
 *
 * @example
 * ```ts
 * toLogSettings(LOG_MANAGER_DEFAULTS, '/home/me/.opendaemon/logs').highWaterMark // 524288
 * ```
 */
export function toLogSettings(config: Readonly<LogManagerConfig>, defaultDir: string): LogSettings {
  return {
    dir: config.dir === '' ? defaultDir : config.dir,
    highWaterMark: config.highWaterMark,
    errorBuffer: config.errorBuffer,
    partialFlushMs: config.partialFlushMs,
    retryMs: 1000,
    drainTimeoutMs: config.drainTimeoutMs,
    defaults: parseLogOptions(config.defaults, LOG_DEFAULTS),
  }
}
