import type * as ChildProcessModule from 'node:child_process'
import type { ChildProcess, SpawnOptions } from 'node:child_process'
import { constants } from 'node:os'
import { DaemonError, importModule } from '@opendaemon/core/client'
import type { CommandContext } from '../define-command.js'

/** Signals passed on to a foreground daemon. */
export const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGUSR2']

/** Starts a child process: `child_process.spawn`, or a fake in tests. */
export type SpawnForeground = (
  command: string,
  args: readonly string[],
  options: SpawnOptions,
) => ChildProcess

/**
 * `od daemon start --foreground`: runs `<node> <daemon entry> --foreground [--resurrect]` attached to this terminal
 * (stdio inherited, environment as given plus OD_HOME), passes signals on, and resolves to its exit code
 * (128 + the signal number when a signal ended it). The child has its own process group, so a Ctrl-C
 * reaches it once, through this process.
 *
 * @example
 * ```ts
 * return runForeground(ctx)
 * ```
 */
export async function runForeground(ctx: CommandContext, spawn?: SpawnForeground): Promise<number> {
  const run =
    spawn ?? ((await importModule('node:child_process')) as unknown as typeof ChildProcessModule).spawn
  const paths = ctx.paths()
  const socket = ctx.args.socket
  const env = { ...ctx.env, OD_HOME: paths.home, ...(socket === undefined ? {} : { OD_SOCKET: socket }) }
  const flags = ctx.args['resurrect'] === true ? ['--foreground', '--resurrect'] : ['--foreground']
  const child = run(ctx.runtime.execPath, [ctx.runtime.daemonEntry, ...flags], {
    stdio: 'inherit',
    detached: true,
    env,
  })
  const stopForwarding = ctx.onSignal(FORWARDED_SIGNALS, (signal) => {
    child.kill(signal)
  })
  try {
    return await new Promise<number>((resolve, reject) => {
      child.once('error', (err) =>
        reject(
          new DaemonError('OD_DAEMON_START_FAILED', `cannot run ${ctx.runtime.execPath} (${err.message})`, {
            cause: err,
          }),
        ),
      )
      child.once('exit', (code, signal) =>
        resolve(code ?? 128 + (constants.signals[signal as NodeJS.Signals] as number)),
      )
    })
  } finally {
    stopForwarding()
  }
}
