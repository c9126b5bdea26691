/**
 * `process.signal` (§8.12): send a signal to the main pid (or the whole process group) of each
 * selected instance that runs. The identity (pid plus start time) is checked right before, so a
 * pid reused by another process is never signalled.
 */
import type { SignalResult } from '@opendaemon/core'
import type { Supervisor } from './supervisor-contract.js'

/** The I/O {@link signalInstances} needs. */
export interface SignalDeps {
  /** `process.kill`; a negative pid is a process group. Throws ESRCH for a gone process. */
  kill: (pid: number, signal: NodeJS.Signals) => void
  isSameProcess: (pid: number, startTime: number) => Promise<boolean>
}

/**
 * Signal every running instance of `sups` (in order); instances without a process are skipped.
 * `sent` is false when the process ended before the signal reached it.
 *
 * @example
 * ```ts
 * await signalInstances(sups, 'SIGUSR2', false, { kill: process.kill, isSameProcess })
 * // [{ id: 0, pid: 4521, signal: 'SIGUSR2', sent: true }]
 * ```
 */
export async function signalInstances(
  sups: readonly Supervisor[],
  signal: NodeJS.Signals,
  group: boolean,
  deps: SignalDeps,
): Promise<SignalResult[]> {
  const results: SignalResult[] = []
  for (const sup of sups) {
    const { pid, pgid, pidStartTime } = sup.snapshot()
    if (pid === null) continue
    let sent = pidStartTime === null || (await deps.isSameProcess(pid, pidStartTime))
    if (sent) {
      try {
        deps.kill(group ? -(pgid ?? pid) : pid, signal)
      } catch {
        sent = false // ESRCH: it ended meanwhile
      }
    }
    results.push({ id: sup.ident.id, pid, signal, sent })
  }
  return results
}
