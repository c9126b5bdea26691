import type { Clock, TimerHandle } from '@opendaemon/core'

function unref(handle: TimerHandle): TimerHandle {
  // Real Node timers have unref(); fake-clock handles are plain numbers and need nothing.
  ;(handle as unknown as { unref?: () => void }).unref?.()
  return handle
}

/**
 * `clock` with every timer unref'd, for housekeeping (the watchdog) that must never keep the
 * daemon's process alive on its own.
 *
 * @example
 * ```ts
 * import { systemClock } from '@opendaemon/core'
 * import { unrefClock } from '@opendaemon/daemon'
 *
 * const clock = unrefClock(systemClock)
 * clock.clearInterval(clock.setInterval(() => {}, 1_000))
 * ```
 * @since 0.1.0
 */
export function unrefClock(clock: Clock): Clock {
  return {
    now: () => clock.now(),
    setTimeout: (fn, ms) => unref(clock.setTimeout(fn, ms)),
    clearTimeout: (handle) => clock.clearTimeout(handle),
    setInterval: (fn, ms) => unref(clock.setInterval(fn, ms)),
    clearInterval: (handle) => clock.clearInterval(handle),
  }
}
