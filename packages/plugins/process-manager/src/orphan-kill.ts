/**
 * Stopping a process group the previous daemon left behind (it was SIGKILLed): there is no child
 * handle and no exit event, so the group is signalled by id and polled until it is empty (§6.12).
 */
import type { Clock } from '@opendaemon/core'

/** What {@link killOrphanGroup} needs. */
export interface OrphanKillDeps {
  clock: Pick<Clock, 'now' | 'setTimeout'>
  /** `process.kill`; ESRCH is ignored. */
  kill: (pid: number, signal: NodeJS.Signals) => void
  /** Live members of a process group. */
  members: (pgid: number) => Promise<number[]>
  pollMs?: number
}

function send(deps: OrphanKillDeps, pgid: number, signal: NodeJS.Signals): void {
  try {
    deps.kill(-pgid, signal)
  } catch (err) {
    // ESRCH: the group emptied on its own meanwhile.
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err
  }
}

async function waitEmpty(deps: OrphanKillDeps, pgid: number, ms: number): Promise<number[]> {
  const deadline = deps.clock.now() + ms
  for (;;) {
    const left = await deps.members(pgid)
    if (left.length === 0 || deps.clock.now() >= deadline) return left
    await new Promise<void>((resolve) => deps.clock.setTimeout(resolve, deps.pollMs ?? 20))
  }
}

/**
 * Send `signal` to the group, wait up to `graceMs` for it to empty, then SIGKILL it and wait up to
 * `sigkillWaitMs` more. Resolves with the pids that survived (expected: none).
 *
 * @example
 * ```ts
 * const left = await killOrphanGroup(4521, 'SIGTERM', 500, 2000, { clock: systemClock, kill: process.kill, members: listGroupMembers })
 * ```
 */
export async function killOrphanGroup(
  pgid: number,
  signal: NodeJS.Signals,
  graceMs: number,
  sigkillWaitMs: number,
  deps: OrphanKillDeps,
): Promise<number[]> {
  if ((await deps.members(pgid)).length === 0) return []
  send(deps, pgid, signal)
  if ((await waitEmpty(deps, pgid, graceMs)).length === 0) return []
  send(deps, pgid, 'SIGKILL')
  return waitEmpty(deps, pgid, sigkillWaitMs)
}
