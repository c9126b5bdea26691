import { afterEach, describe, expect, it, vi } from 'vitest'
import { systemClock } from '../../src/index.js'

describe('systemClock', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reads Date.now()', () => {
    vi.useFakeTimers({ now: 123_456 })
    expect(systemClock.now()).toBe(123_456)
  })

  it('runs and cancels timeouts through the global timers', () => {
    vi.useFakeTimers()
    const fired: string[] = []
    systemClock.setTimeout(() => fired.push('a'), 10)
    const cancelled = systemClock.setTimeout(() => fired.push('b'), 10)
    systemClock.clearTimeout(cancelled)
    vi.advanceTimersByTime(10)
    expect(fired).toEqual(['a'])
  })

  it('runs intervals until cleared', () => {
    vi.useFakeTimers()
    let ticks = 0
    const handle = systemClock.setInterval(() => ticks++, 5)
    vi.advanceTimersByTime(15)
    systemClock.clearInterval(handle)
    vi.advanceTimersByTime(15)
    expect(ticks).toBe(3)
  })

  it('is frozen', () => {
    expect(Object.isFrozen(systemClock)).toBe(true)
  })
})
