/**
 * Applying nice, umask and CPU affinity by wrapping the command, each wrapper `exec`-ing the next so
 * the app keeps the pid the daemon spawned. Wrappers are added only for options that are set.
 * Order, outermost first: `/bin/sh -c 'umask …; exec "$@"'` → `nice -n` → `taskset -c` → the app.
 */
import { DaemonError } from '@opendaemon/core'

/** A command and its arguments. */
export interface Argv {
  command: string
  args: string[]
}

/** The options that need a wrapper. */
export interface WrapOptions {
  nice?: number | undefined
  umask?: number | undefined
  cpuAffinity?: readonly number[] | undefined
}

/**
 * Wrap `argv` for the requested OS options.
 *
 * @param which - PATH lookup for `nice` and `taskset`.
 * @throws {DaemonError} `OD_TOOL_NOT_FOUND` when `nice` or `taskset` is missing.
 * @example
 * ```ts
 * import { wrapLaunch } from '@opendaemon/plugin-process-manager'
 *
 * wrapLaunch({ command: '/usr/bin/node', args: ['app.js'] }, { nice: 5 }, () => '/usr/bin/nice')
 * // { command: '/usr/bin/nice', args: ['-n', '5', '/usr/bin/node', 'app.js'] }
 * ```
 */
export function wrapLaunch(
  argv: Readonly<{ command: string; args: readonly string[] }>,
  options: WrapOptions,
  which: (name: string) => string | null,
): Argv {
  let out: Argv = { command: argv.command, args: [...argv.args] }
  if (options.cpuAffinity !== undefined) {
    const taskset = which('taskset')
    if (taskset === null) {
      throw new DaemonError(
        'OD_TOOL_NOT_FOUND',
        'taskset',
        'cpuAffinity',
        'Install util-linux (it provides taskset), or remove cpuAffinity.',
      )
    }
    out = { command: taskset, args: ['-c', options.cpuAffinity.join(','), out.command, ...out.args] }
  }
  if (options.nice !== undefined) {
    const nice = which('nice')
    if (nice === null)
      throw new DaemonError('OD_TOOL_NOT_FOUND', 'nice', 'nice', 'Install coreutils, or remove nice.')
    out = { command: nice, args: ['-n', String(options.nice), out.command, ...out.args] }
  }
  if (options.umask !== undefined) {
    const mask = options.umask.toString(8).padStart(3, '0')
    out = {
      command: '/bin/sh',
      args: ['-c', `umask ${mask} && exec "$@"`, 'od-umask', out.command, ...out.args],
    }
  }
  return out
}
