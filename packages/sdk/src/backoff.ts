/** How the client waits between reconnect attempts (spec §5.9, §26.1). */
export interface ReconnectPolicy {
  /** Delay before the first attempt, in ms. Default 100. */
  readonly initialDelayMs: number
  /** Largest delay, in ms. Default 5000. */
  readonly maxDelayMs: number
  /** Growth per attempt. Default 2. */
  readonly factor: number
  /** Random spread as a fraction of the delay: 0.2 means ±20 %. Default 0.2. */
  readonly jitter: number
  /** Attempts before giving up (`client:reconnect-failed`). Default `Infinity`. */
  readonly maxAttempts: number
}

/** The reconnect option as users write it: `false` turns reconnecting off, `true` or a partial policy turns it on. */
export type ReconnectOption = boolean | Partial<ReconnectPolicy>

/** The default reconnect policy: 100 ms × 2ⁿ capped at 5 s, ±20 % jitter, forever. */
export const DEFAULT_RECONNECT: ReconnectPolicy = Object.freeze({
  initialDelayMs: 100,
  maxDelayMs: 5_000,
  factor: 2,
  jitter: 0.2,
  maxAttempts: Infinity,
})

/**
 * Turns the `reconnect` option into a policy, or `null` when reconnecting is off.
 *
 * @example
 * ```ts
 * import { resolveReconnectPolicy } from 'opendaemon-sdk'
 *
 * resolveReconnectPolicy({ maxAttempts: 3 })?.maxDelayMs // 5000
 * resolveReconnectPolicy(false) // null
 * ```
 * @since 0.1.0
 */
export function resolveReconnectPolicy(option: ReconnectOption | undefined): ReconnectPolicy | null {
  if (option === false) return null
  if (option === undefined || option === true) return DEFAULT_RECONNECT
  const policy = { ...DEFAULT_RECONNECT, ...option }
  for (const key of ['initialDelayMs', 'maxDelayMs', 'factor', 'jitter', 'maxAttempts'] as const) {
    const value = policy[key]
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
      throw new RangeError(`reconnect.${key}: expected a number >= 0, got ${String(value)}`)
    }
  }
  if (policy.jitter > 1) throw new RangeError(`reconnect.jitter: expected 0…1, got ${policy.jitter}`)
  return policy
}

/**
 * The delay before reconnect attempt `attempt` (0 = the first): `initialDelayMs × factorⁿ`, capped at
 * `maxDelayMs`, then spread by ±`jitter` using `random()` (a number in [0, 1), like `Math.random`).
 * Pure: the same inputs give the same delay.
 *
 * @example
 * ```ts
 * import { DEFAULT_RECONNECT, reconnectDelay } from 'opendaemon-sdk'
 *
 * reconnectDelay(0, DEFAULT_RECONNECT, () => 0.5) // 100
 * reconnectDelay(3, DEFAULT_RECONNECT, () => 0.5) // 800
 * reconnectDelay(10, DEFAULT_RECONNECT, () => 0) // 4000 (5000 − 20 %)
 * ```
 * @since 0.1.0
 */
export function reconnectDelay(attempt: number, policy: ReconnectPolicy, random: () => number): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** attempt)
  const spread = (random() * 2 - 1) * policy.jitter
  return Math.max(0, Math.round(base * (1 + spread)))
}
