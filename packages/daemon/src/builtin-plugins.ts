import type { Plugin } from '@opendaemon/core'

/**
 * The plugins every daemon loads, before the user's plugin modules. None are wired yet: the
 * process manager, log manager and the others join this list as their issues land.
 *
 * @example
 * ```ts
 * import { builtinPlugins } from '@opendaemon/daemon'
 *
 * builtinPlugins().map((plugin) => plugin.name) // []
 * ```
 * @since 0.1.0
 */
export function builtinPlugins(): Plugin[] {
  return []
}
