import type { Clock } from '../clock.js'

/**
 * Runs `task` and settles with it, or rejects with `onTimeout()` after `ms` on `clock`. A task
 * that throws synchronously rejects too. The task is not cancelled on timeout (JavaScript cannot);
 * its late result is ignored.
 *
 * @example
 * ```ts
 * import { DaemonError, systemClock, withTimeout } from '@opendaemon/core'
 *
 * await withTimeout(systemClock, 1_000, async () => 'done', () => new DaemonError('OD_TIMEOUT', 'demo', 1_000))
 * ```
 * @since 0.1.0
 */
export function withTimeout<T>(
  clock: Clock,
  ms: number,
  task: () => T | PromiseLike<T>,
  onTimeout: () => Error,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => reject(onTimeout()), ms)
    const settle = (fn: () => void) => {
      clock.clearTimeout(timer)
      fn()
    }
    try {
      Promise.resolve(task()).then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error)),
      )
    } catch (error) {
      settle(() => reject(error))
    }
  })
}
