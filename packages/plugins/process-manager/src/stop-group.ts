/**
 * Stopping an app and everything it started: signal the whole process group, wait, then SIGKILL
 * whatever is left of the group (grandchildren included) after the kill timeout. Time comes from
 * an injected clock; grandchildren have no exit event, so the group is polled.
 */
import { DaemonError, type Clock } from '@opendaemon/core'
import type { ChildExit, ChildHandle } from './spawner.js'

/** The part of a {@link Clock} that stopping needs. */
export type StopClock = Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>

/** Tuning of {@link stopGroup}; the defaults suit real processes. */
export interface StopOptions {
  /** How often the group is checked for leftovers (default 50 ms). The leader's exit wakes it at once. */
  pollMs?: number
  /** How long to wait after SIGKILL before reporting the survivors (default 5000 ms). */
  sigkillWaitMs?: number
}

/** How a stop ended. */
export type StopResult =
  /** Nothing was left to stop. */
  | { how: 'already-exited'; exit: ChildExit }
  /** The group left after the stop signal, within the kill timeout. */
  | { how: 'signal'; exit: ChildExit; ms: number }
  /** The kill timeout passed; `leftovers` (leader and/or grandchildren) were SIGKILLed. */
  | { how: 'sigkill'; exit: ChildExit; ms: number; leftovers: number[] }

async function groupGone(handle: ChildHandle): Promise<boolean> {
  return handle.exitStatus() !== null && (await handle.groupMembers()).length === 0
}

function pause(handle: ChildHandle, clock: StopClock, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let off = (): void => undefined
    const timer = clock.setTimeout(() => {
      off()
      resolve()
    }, ms)
    // Wake early for the leader's exit; an exited leader would wake every time, so skip it then.
    if (handle.exitStatus() === null) {
      off = handle.onExit(() => {
        clock.clearTimeout(timer)
        resolve()
      })
    }
  })
}

async function waitGroupGone(
  handle: ChildHandle,
  clock: StopClock,
  timeoutMs: number,
  pollMs: number,
): Promise<boolean> {
  const deadline = clock.now() + timeoutMs
  for (;;) {
    if (await groupGone(handle)) return true
    const left = deadline - clock.now()
    if (left <= 0) return false
    await pause(handle, clock, Math.min(pollMs, left))
  }
}

/**
 * Stop a child and its whole process group: send `signal` to the group, wait up to
 * `killTimeoutMs` for the leader to exit and the group to empty, then SIGKILL the group.
 * Resolves with how it ended.
 *
 * @throws {DaemonError} `OD_STOP_FAILED` when processes survive SIGKILL for `sigkillWaitMs`
 *   (uninterruptible sleep).
 * @example
 * ```ts
 * import { systemClock } from '@opendaemon/core'
 * import { nodeSpawner, stopGroup } from '@opendaemon/plugin-process-manager'
 *
 * const child = await nodeSpawner.spawn({ command: '/bin/sleep', args: ['60'], cwd: '/', env: {} })
 * const result = await stopGroup(child, 'SIGTERM', 5_000, systemClock)
 * console.log(result.how) // 'signal'
 * ```
 */
export async function stopGroup(
  handle: ChildHandle,
  signal: NodeJS.Signals,
  killTimeoutMs: number,
  clock: StopClock,
  options: StopOptions = {},
): Promise<StopResult> {
  const pollMs = options.pollMs ?? 50
  const sigkillWaitMs = options.sigkillWaitMs ?? 5000
  const startedAt = clock.now()
  if (await groupGone(handle)) return { how: 'already-exited', exit: handle.exitStatus() as ChildExit }
  handle.kill(signal)
  if (await waitGroupGone(handle, clock, killTimeoutMs, pollMs)) {
    return { how: 'signal', exit: handle.exitStatus() as ChildExit, ms: clock.now() - startedAt }
  }
  const leftovers = await handle.groupMembers()
  handle.kill('SIGKILL')
  if (await waitGroupGone(handle, clock, sigkillWaitMs, pollMs)) {
    return { how: 'sigkill', exit: handle.exitStatus() as ChildExit, ms: clock.now() - startedAt, leftovers }
  }
  const survivors = await handle.groupMembers()
  throw new DaemonError(
    'OD_STOP_FAILED',
    (survivors.length > 0 ? survivors : [handle.pid]).join(', '),
    sigkillWaitMs,
  )
}
