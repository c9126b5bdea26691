import type { Clock, TimerHandle } from './clock.js'

/**
 * A {@link Clock} whose time moves only when a test says so. Timers fire in due order (ties in
 * the order they were scheduled), and `now()` reads each timer's due time while it runs.
 */
export interface FakeClock extends Clock {
  /** Moves time forward by `ms`, running every timer that falls due on the way, in order. */
  advance(ms: number): void
  /**
   * Like {@link FakeClock.advance}, but lets pending promise callbacks run before the first
   * timer, after each timer and at the end, so async code awaiting a timer can react to it.
   */
  advanceAsync(ms: number): Promise<void>
  /** Lets pending promise callbacks run without moving time. */
  flush(): Promise<void>
  /** Number of scheduled timers (intervals count once). */
  pendingTimers(): number
}

interface FakeTimer {
  readonly id: number
  readonly fn: () => void
  readonly intervalMs: number | null
  dueAt: number
  seq: number
}

function flushMicrotasks(): Promise<void> {
  // setImmediate runs after the whole microtask queue has drained, including chained callbacks.
  return new Promise((resolve) => setImmediate(resolve))
}

interface TimerTable {
  schedule(fn: () => void, ms: number, interval: boolean, now: number): TimerHandle
  cancel(handle: TimerHandle): void
  /** The timer to fire next among those due at or before `limit`. */
  nextDue(limit: number): FakeTimer | undefined
  /** Removes a timeout, or re-arms an interval, before it fires. */
  consume(timer: FakeTimer): void
  size(): number
}

function createTimerTable(): TimerTable {
  let nextId = 1
  let nextSeq = 1
  const timers = new Map<number, FakeTimer>()
  return {
    schedule(fn, ms, interval, now) {
      // Like Node: a bad or negative delay means "as soon as possible"; an interval waits >= 1 ms.
      const delay = Math.max(interval ? 1 : 0, Number.isFinite(ms) ? ms : 0)
      const timer: FakeTimer = {
        id: nextId++,
        fn,
        intervalMs: interval ? delay : null,
        dueAt: now + delay,
        seq: nextSeq++,
      }
      timers.set(timer.id, timer)
      return timer.id as unknown as TimerHandle
    },
    cancel: (handle) => void timers.delete(handle as unknown as number),
    nextDue(limit) {
      let best: FakeTimer | undefined
      for (const t of timers.values()) {
        if (t.dueAt > limit) continue
        if (best === undefined || t.dueAt < best.dueAt || (t.dueAt === best.dueAt && t.seq < best.seq))
          best = t
      }
      return best
    },
    consume(timer) {
      if (timer.intervalMs === null) {
        timers.delete(timer.id)
        return
      }
      timer.dueAt += timer.intervalMs
      timer.seq = nextSeq++
    },
    size: () => timers.size,
  }
}

/**
 * Creates a fake clock starting at `startMs` (epoch ms, default 0) for unit tests of every
 * package: nothing sleeps, time advances only through `advance`/`advanceAsync`.
 *
 * @example
 * ```ts
 * import { createFakeClock } from '@opendaemon/core'
 *
 * const clock = createFakeClock(1_000)
 * const seen: number[] = []
 * clock.setTimeout(() => seen.push(clock.now()), 500)
 * clock.advance(499) // nothing yet
 * clock.advance(1) // seen is now [1500]
 * ```
 * @since 0.1.0
 */
export function createFakeClock(startMs = 0): FakeClock {
  let now = startMs
  const timers = createTimerTable()

  function fire(timer: FakeTimer): void {
    now = timer.dueAt
    timers.consume(timer)
    timer.fn()
  }

  return {
    now: () => now,
    setTimeout: (fn, ms) => timers.schedule(fn, ms, false, now),
    clearTimeout: (handle) => timers.cancel(handle),
    setInterval: (fn, ms) => timers.schedule(fn, ms, true, now),
    clearInterval: (handle) => timers.cancel(handle),
    advance(ms) {
      const target = now + ms
      for (let t = timers.nextDue(target); t !== undefined; t = timers.nextDue(target)) fire(t)
      now = target
    },
    async advanceAsync(ms) {
      const target = now + ms
      await flushMicrotasks()
      for (let t = timers.nextDue(target); t !== undefined; t = timers.nextDue(target)) {
        fire(t)
        await flushMicrotasks()
      }
      now = target
      await flushMicrotasks()
    },
    flush: flushMicrotasks,
    pendingTimers: () => timers.size(),
  }
}
