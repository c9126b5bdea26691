/**
 * Loading a config file from the CLI: the config manager is imported only here (lazily), and
 * configs that `import … from 'opendaemon'` without having it installed get this CLI's own package.
 */
import type { LoadConfigOptions, LoadedAppConfig } from '@opendaemon/plugin-config-manager'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { RuntimeInfo } from '../cli-io.js'

/** The library entry shipped next to the CLI bundle (`dist/index.js`), when there is one. */
export function selfModuleUrl(runtime: RuntimeInfo): string | undefined {
  const entry = join(dirname(runtime.cliPath), 'index.js')
  return existsSync(entry) ? pathToFileURL(entry).href : undefined
}

/**
 * Load, resolve and validate a config (errors are in the result, not thrown).
 *
 * @example
 * ```ts
 * const config = await loadConfigFile({ file: null, cwd, profile: null, only: null }, ctx.runtime)
 * ```
 */
export async function loadConfigFile(
  options: LoadConfigOptions,
  runtime: RuntimeInfo,
): Promise<LoadedAppConfig> {
  const { loadConfig, nodeConfigDeps } = await import('@opendaemon/plugin-config-manager')
  return loadConfig(options, nodeConfigDeps(selfModuleUrl(runtime)))
}
