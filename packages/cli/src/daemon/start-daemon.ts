import type { CommandContext } from '../define-command.js'
import { ensureDaemon } from '../launcher/ensure-daemon.js'
import { probeDaemon } from '../launcher/probe-daemon.js'
import { launchOptionsFor } from './launch-options.js'

/**
 * Starts a detached daemon unless one answers, and reports the outcome (`od daemon start`, and the start
 * half of `od daemon restart`): `{"pid","version","socket","started"}` (plus `extra`) with `--json`.
 *
 * @example
 * ```ts
 * run: (ctx) => startAndReport(ctx)
 * ```
 */
export async function startAndReport(
  ctx: CommandContext,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const paths = ctx.paths()
  const { started, pid } = await ensureDaemon(paths, launchOptionsFor(ctx))
  // Only for the version: ensureDaemon knows the pid (null when a running daemon refused to say).
  const identity = await probeDaemon(paths.socketPath)
  if (ctx.args.json) {
    const version = identity?.version ?? null
    ctx.out.json({ pid, version, socket: paths.socketPath, started, ...extra })
  } else if (started) {
    ctx.out.success(`Started the OpenDaemon daemon (pid ${String(pid)}).`)
  } else {
    ctx.out.info(`The daemon is already running${pid === null ? '' : ` (pid ${pid})`}.`)
  }
  return 0
}
