import { DaemonError } from '../errors/daemon-error.js'
import type { IpcClock } from './ipc-deps.js'

interface Pending {
  resolve(value: unknown): void
  reject(reason: unknown): void
  method: string
  timeoutMs: number
  deadline: number
}

/** The requests of one client connection that await their response. */
export interface PendingRequests {
  /** Register request `id`; the promise settles on its response, its timeout, or `rejectAll`. */
  add<T>(id: number, method: string, timeoutMs: number): Promise<T>
  resolve(id: number, result: unknown): boolean
  reject(id: number, error: unknown): boolean
  /** Reject every pending request with `error` (connection closed). */
  rejectAll(error: unknown): void
  readonly size: number
}

/**
 * Pending requests with their per-request timeouts. One timer serves all of them: it is armed for
 * the earliest deadline and, when it fires, expires what is due and re-arms for the next. Adding a
 * request costs a map insert and a comparison, not a timer.
 *
 * @example
 * ```ts
 * import { createPendingRequests, ipcSystemClock } from '@opendaemon/core'
 *
 * const pending = createPendingRequests(ipcSystemClock)
 * const answer = pending.add<number>(1, 'test.echo', 5_000)
 * pending.resolve(1, 42) // answer resolves to 42
 * ```
 * @since 0.1.0
 */
export function createPendingRequests(clock: IpcClock): PendingRequests {
  const pending = new Map<number, Pending>()
  let timer: unknown = null
  let timerDue = Infinity

  function arm(deadline: number): void {
    if (deadline >= timerDue) return
    if (timer !== null) clock.clearTimeout(timer)
    timerDue = deadline
    timer = clock.setTimeout(sweep, Math.max(0, deadline - clock.now()))
  }

  function sweep(): void {
    timer = null
    timerDue = Infinity
    const now = clock.now()
    let next = Infinity
    for (const [id, entry] of pending) {
      if (entry.deadline <= now) {
        pending.delete(id)
        entry.reject(new DaemonError('OD_TIMEOUT', `Request ${entry.method}`, entry.timeoutMs))
      } else if (entry.deadline < next) {
        next = entry.deadline
      }
    }
    if (next !== Infinity) arm(next)
  }

  function take(id: number): Pending | undefined {
    const entry = pending.get(id)
    if (entry) pending.delete(id)
    return entry
  }

  return {
    add<T>(id: number, method: string, timeoutMs: number): Promise<T> {
      const deadline = clock.now() + timeoutMs
      const promise = new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method, timeoutMs, deadline })
      })
      arm(deadline)
      return promise
    },
    resolve(id, result) {
      const entry = take(id)
      entry?.resolve(result)
      return entry !== undefined
    },
    reject(id, error) {
      const entry = take(id)
      entry?.reject(error)
      return entry !== undefined
    },
    rejectAll(error) {
      const entries = [...pending.values()]
      pending.clear()
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
      timerDue = Infinity
      for (const entry of entries) entry.reject(error)
    },
    get size() {
      return pending.size
    },
  }
}
