import type { Plugin } from '@opendaemon/core'
import { createDependencyResolverPlugin } from '@opendaemon/plugin-dependency-resolver'
import { createLogManagerPlugin } from '@opendaemon/plugin-log-manager'
import { createProcessManagerPlugin } from '@opendaemon/plugin-process-manager'

/** Options of {@link builtinPlugins}. */
export interface BuiltinOptions {
  /** The daemon's `--resurrect` flag (§8.16). */
  readonly resurrect?: boolean
}

/**
 * The plugins every daemon loads, before the user's plugin modules: the log manager (installed
 * first, so it stops last and writes the apps' final output) and the process manager, which hands
 * every child's stdout and stderr to the log manager's sink, and the dependency resolver, which
 * registers its ordering and gating with the process manager (§11). The config manager and the others
 * join this list as their issues land.
 *
 * @example
 * ```ts
 * import { builtinPlugins } from '@opendaemon/daemon'
 *
 * builtinPlugins().map((plugin) => plugin.name) // ['log-manager', 'process-manager', 'dependency-resolver']
 * ```
 * @since 0.1.0
 */
export function builtinPlugins(options: BuiltinOptions = {}): Plugin[] {
  const logs = createLogManagerPlugin()
  return [
    logs as Plugin,
    createProcessManagerPlugin({ resurrectOnBoot: options.resurrect === true, logSink: logs.sink }) as Plugin,
    createDependencyResolverPlugin(),
  ]
}
