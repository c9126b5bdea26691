/**
 * Printing what loading a config found: warnings (each with its path and `file:line:column`) and
 * the discovery candidates that were ignored. Loaded only with the config manager (lazily).
 */
import { formatIssue, type LoadedAppConfig } from '@opendaemon/plugin-config-manager'
import { basename } from 'node:path'
import type { Output } from '../output.js'

/**
 * Warn about ignored discovery candidates and every warning of the config.
 *
 * @example
 * ```ts
 * printConfigWarnings(out, config) // warning: ecosystem.config.js: apps[0].watch: is not supported …
 * ```
 */
export function printConfigWarnings(out: Output, config: LoadedAppConfig): void {
  const name = basename(config.file)
  if (config.ignored.length > 0) {
    const others = config.ignored.map((f) => basename(f)).join(', ')
    out.warn(
      `using ${name}; also found ${others}, which ${config.ignored.length === 1 ? 'was' : 'were'} ignored`,
    )
  }
  for (const issue of config.warnings) out.warn(`${name}: ${formatIssue(issue)}`, issue.code)
}
