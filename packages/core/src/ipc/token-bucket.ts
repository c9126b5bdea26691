import type { IpcRateLimit } from './ipc-limits.js'

/** A token bucket; time is passed in (epoch or monotonic milliseconds, as long as it is consistent). */
export interface TokenBucket {
  /** Take `count` tokens at time `now`; false (and nothing taken) when not enough are left. */
  take(count: number, now: number): boolean
  /** Tokens left after the last `take`. */
  readonly tokens: number
}

/**
 * Create a full token bucket refilling `perSecond` tokens per second up to `burst`.
 *
 * @example
 * ```ts
 * import { createTokenBucket } from '@opendaemon/core'
 *
 * const bucket = createTokenBucket({ perSecond: 10, burst: 2 }, 0)
 * bucket.take(2, 0) // true
 * bucket.take(1, 0) // false
 * bucket.take(1, 100) // true: 100 ms refilled one token
 * ```
 * @since 0.1.0
 */
export function createTokenBucket(limit: IpcRateLimit, now: number): TokenBucket {
  let tokens = limit.burst
  let last = now
  const perMs = limit.perSecond / 1000
  return {
    take(count, at) {
      if (at > last) {
        tokens = Math.min(limit.burst, tokens + (at - last) * perMs)
        last = at
      }
      if (tokens < count) return false
      tokens -= count
      return true
    },
    get tokens() {
      return tokens
    },
  }
}
