/**
 * How many uncaught errors the daemon survives. An uncaught exception or unhandled rejection comes
 * from a callback the daemon core never awaits: a plugin's timer or emitter, a user module. One is
 * logged and the daemon keeps serving, because killing every app's supervisor over one plugin bug
 * is worse than the bug. A burst of them means the process is no longer trustworthy: past the
 * budget the daemon shuts down (exit 1) so systemd or the next `od` command starts a fresh one.
 * (Errors of the daemon core itself travel through awaited promises and stop the daemon directly.)
 */

/** Counts faults in a sliding window. */
export interface FaultBudget {
  /** Records one fault; true once more than `limit` happened within `windowMs`. */
  record(): boolean
}

/**
 * Creates a fault budget.
 *
 * @example
 * ```ts
 * import { createFaultBudget } from '@opendaemon/daemon'
 *
 * const budget = createFaultBudget({ limit: 1, windowMs: 60_000, now: () => 0 })
 * budget.record() // false
 * budget.record() // true: two faults within a minute
 * ```
 * @since 0.1.0
 */
export function createFaultBudget(
  options: { limit?: number; windowMs?: number; now?: () => number } = {},
): FaultBudget {
  const limit = options.limit ?? 10
  const windowMs = options.windowMs ?? 60_000
  const now = options.now ?? Date.now
  let times: number[] = []
  return {
    record() {
      const at = now()
      times = [...times.filter((t) => at - t < windowMs), at]
      return times.length > limit
    },
  }
}
