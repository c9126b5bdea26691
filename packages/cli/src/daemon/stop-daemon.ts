import { parseDuration } from '@opendaemon/core/client'
import type { CommandContext } from '../define-command.js'
import { isNotRunning } from './not-running.js'
import { waitForPidExit } from './pid-exit.js'

/** What {@link stopDaemon} did. */
export interface StopResult {
  /** False when no daemon was running. */
  readonly stopped: boolean
  readonly pid: number | null
}

/** How long `daemon stop` waits for the daemon to exit by default (its own shutdown takes up to 10 s per plugin). */
export const STOP_WAIT_MS = 30_000

/**
 * Stops the daemon of the command's OD_HOME, if one runs: `daemon.shutdown`, then waits until its pid is
 * gone. Never starts a daemon.
 *
 * @throws {DaemonError} `OD_TIMEOUT` when the daemon is still alive after the deadline (`--timeout`,
 *   default 30 s); connection errors other than "not running".
 * @example
 * ```ts
 * const { stopped, pid } = await stopDaemon(ctx)
 * ```
 */
export async function stopDaemon(ctx: CommandContext): Promise<StopResult> {
  let client
  try {
    client = await ctx.client({ autoStart: false })
  } catch (error) {
    if (isNotRunning(error)) return { stopped: false, pid: null }
    throw error
  }
  const answer = (await client.call('daemon.shutdown', {})) as { pid?: unknown }
  const pid = typeof answer.pid === 'number' ? answer.pid : (client.daemon?.pid ?? null)
  await client.close()
  const timeout = ctx.args.timeout
  const timeoutMs = timeout === undefined ? STOP_WAIT_MS : parseDuration(timeout)
  if (pid !== null) await waitForPidExit(pid, { timeoutMs })
  return { stopped: true, pid }
}

/**
 * {@link stopDaemon}, then the report of `od daemon stop` and `od kill`: `{"stopped","pid","apps"}` with
 * `--json`, else one line. Always exit 0 (a daemon that was not running is fine).
 *
 * @example
 * ```ts
 * run: (ctx) => stopAndReport(ctx)
 * ```
 */
export async function stopAndReport(ctx: CommandContext): Promise<number> {
  const { stopped, pid } = await stopDaemon(ctx)
  if (ctx.args.json) ctx.out.json({ stopped, pid, apps: null })
  else if (stopped) ctx.out.success(`Stopped the OpenDaemon daemon${pid === null ? '' : ` (pid ${pid})`}.`)
  else ctx.out.info('The daemon is not running.')
  return 0
}
