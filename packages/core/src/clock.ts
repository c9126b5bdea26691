declare const timerBrand: unique symbol

/** An opaque timer returned by {@link Clock.setTimeout} and {@link Clock.setInterval}. */
export interface TimerHandle {
  readonly [timerBrand]: 'TimerHandle'
}

/**
 * Time and timers, injected everywhere so tests can run on {@link createFakeClock} instead of
 * real time. Code in OpenDaemon never calls `Date.now()` or the global timers directly.
 *
 * @example
 * ```ts
 * import { systemClock, type Clock } from '@opendaemon/core'
 *
 * function remindLater(clock: Clock = systemClock): void {
 *   clock.setTimeout(() => console.log('at', clock.now()), 1_000)
 * }
 * ```
 * @since 0.1.0
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number
  /** Calls `fn` once after `ms` milliseconds. */
  setTimeout(fn: () => void, ms: number): TimerHandle
  /** Cancels a timer from {@link Clock.setTimeout}; unknown or fired handles are ignored. */
  clearTimeout(handle: TimerHandle): void
  /** Calls `fn` every `ms` milliseconds until cleared. */
  setInterval(fn: () => void, ms: number): TimerHandle
  /** Cancels a timer from {@link Clock.setInterval}. */
  clearInterval(handle: TimerHandle): void
}

type NodeTimer = ReturnType<typeof globalThis.setTimeout>

/**
 * The real clock: `Date.now()` and Node's timers. Wire it in only as a factory default or in an
 * entry point.
 *
 * @example
 * ```ts
 * import { systemClock } from '@opendaemon/core'
 *
 * const started = systemClock.now()
 * const handle = systemClock.setTimeout(() => console.log(systemClock.now() - started), 10)
 * systemClock.clearTimeout(handle)
 * ```
 * @since 0.1.0
 */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  setTimeout: (fn: () => void, ms: number) => globalThis.setTimeout(fn, ms) as unknown as TimerHandle,
  clearTimeout: (handle: TimerHandle) => globalThis.clearTimeout(handle as unknown as NodeTimer),
  setInterval: (fn: () => void, ms: number) => globalThis.setInterval(fn, ms) as unknown as TimerHandle,
  clearInterval: (handle: TimerHandle) => globalThis.clearInterval(handle as unknown as NodeTimer),
})
