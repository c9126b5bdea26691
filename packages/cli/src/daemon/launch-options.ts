import type { CommandContext } from '../define-command.js'
import { startTimeoutMs } from '../launcher/connect-daemon.js'
import type { LaunchOptions } from '../launcher/ensure-daemon.js'

/**
 * The launcher options of a command: the daemon entry and Node.js of this CLI, the caller's environment,
 * the socket the user chose, and the start deadline (`OD_START_TIMEOUT`, default 10 s).
 *
 * @example
 * ```ts
 * const { started, pid } = await ensureDaemon(ctx.paths(), launchOptionsFor(ctx))
 * ```
 */
export function launchOptionsFor(ctx: CommandContext): LaunchOptions {
  const socket = ctx.args.socket ?? ctx.env['OD_SOCKET']
  return {
    daemonEntry: ctx.runtime.daemonEntry,
    execPath: ctx.runtime.execPath,
    env: ctx.env,
    socket: socket === '' ? undefined : socket,
    timeoutMs: startTimeoutMs(ctx.env),
    daemonArgs: ctx.args['resurrect'] === true ? ['--resurrect'] : [],
  }
}
