/** When a plugin's error boundary opens: `threshold` failures within `windowMs`. */
export interface BreakerOptions {
  readonly threshold: number
  readonly windowMs: number
}

/** Counts failures in a sliding window. Pure: the caller passes the time of each failure. */
export interface CircuitBreaker {
  /** Records a failure at `at`; true when it brings the count within the window to the threshold. */
  record(at: number): boolean
  /** Failures within the window ending at `at`. */
  count(at: number): number
  /** Forgets every failure (on re-enable). */
  reset(): void
}

/**
 * Creates a sliding-window {@link CircuitBreaker}.
 *
 * @example
 * ```ts
 * import { createCircuitBreaker } from '@opendaemon/core'
 *
 * const breaker = createCircuitBreaker({ threshold: 2, windowMs: 1_000 })
 * breaker.record(0) // false
 * breaker.record(500) // true: 2 failures within 1 s
 * ```
 * @since 0.1.0
 */
export function createCircuitBreaker(options: BreakerOptions): CircuitBreaker {
  let failures: number[] = []
  const prune = (at: number) => {
    failures = failures.filter((t) => at - t < options.windowMs)
  }
  return {
    record(at) {
      prune(at)
      failures.push(at)
      return failures.length >= options.threshold
    },
    count(at) {
      prune(at)
      return failures.length
    },
    reset() {
      failures = []
    },
  }
}
