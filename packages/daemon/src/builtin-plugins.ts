import type { Plugin } from '@opendaemon/core'
import { createProcessManagerPlugin } from '@opendaemon/plugin-process-manager'

/**
 * The plugins every daemon loads, before the user's plugin modules. The process manager is the first;
 * the log manager, config manager and the others join this list as their issues land.
 *
 * @example
 * ```ts
 * import { builtinPlugins } from '@opendaemon/daemon'
 *
 * builtinPlugins().map((plugin) => plugin.name) // ['process-manager']
 * ```
 * @since 0.1.0
 */
export function builtinPlugins(): Plugin[] {
  return [createProcessManagerPlugin() as Plugin]
}
