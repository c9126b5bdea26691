/**
 * True for the error a client gets when no daemon answers on the socket (`OD_DAEMON_NOT_RUNNING`):
 * the commands that never start a daemon turn it into their "not running" answer.
 *
 * @example
 * ```ts
 * try { await client({ autoStart: false }) } catch (err) { if (isNotRunning(err)) return reportAbsent() }
 * ```
 */
export function isNotRunning(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'OD_DAEMON_NOT_RUNNING'
}
