// A virtual clock whose timers fire on their own, one per macrotask, in due order, moving `now` to
// each timer's due time. Code under test that only waits on this clock (and on fakes driven by it)
// runs through minutes of virtual time instantly, deterministically, without sleeping.
import type { TimerHandle } from '@opendaemon/core'
import type { StopClock } from '../../src/stop-group.js'

interface Timer {
  id: number
  due: number
  seq: number
  fn: () => void
}

export interface AutoClock extends StopClock {
  pending(): number
}

export function createAutoClock(start = 1_000_000): AutoClock {
  let now = start
  let nextId = 1
  let scheduled = false
  const timers = new Map<number, Timer>()

  function earliest(): Timer | undefined {
    let best: Timer | undefined
    for (const t of timers.values())
      if (best === undefined || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t
    return best
  }

  function pump(): void {
    if (scheduled) return
    scheduled = true
    setImmediate(() => {
      scheduled = false
      const next = earliest()
      if (next === undefined) return
      timers.delete(next.id)
      now = Math.max(now, next.due)
      next.fn()
      if (timers.size > 0) pump()
    })
  }

  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++
      timers.set(id, { id, due: now + Math.max(0, ms), seq: id, fn })
      pump()
      return id as unknown as TimerHandle
    },
    clearTimeout: (handle) => void timers.delete(handle as unknown as number),
    pending: () => timers.size,
  }
}
