import { describe, expect, it } from 'vitest'
import { createFakeClock } from '../../src/index.js'

describe('createFakeClock', () => {
  it('starts at the given time, 0 by default', () => {
    expect(createFakeClock().now()).toBe(0)
    expect(createFakeClock(5_000).now()).toBe(5_000)
  })

  it('fires a timeout only once its delay has fully elapsed', () => {
    const clock = createFakeClock(1_000)
    const seen: number[] = []
    clock.setTimeout(() => seen.push(clock.now()), 500)
    clock.advance(499)
    expect(seen).toEqual([])
    clock.advance(1)
    expect(seen).toEqual([1_500])
    clock.advance(1_000)
    expect(seen).toEqual([1_500])
  })

  it('runs due timers in due order, ties in scheduling order, with now() at each due time', () => {
    const clock = createFakeClock()
    const seen: string[] = []
    clock.setTimeout(() => seen.push(`c@${clock.now()}`), 30)
    clock.setTimeout(() => seen.push(`a@${clock.now()}`), 10)
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 10)
    clock.advance(100)
    expect(seen).toEqual(['a@10', 'b@10', 'c@30'])
    expect(clock.now()).toBe(100)
  })

  it('runs timers scheduled by a timer when they fall due within the same advance', () => {
    const clock = createFakeClock()
    const seen: number[] = []
    clock.setTimeout(() => clock.setTimeout(() => seen.push(clock.now()), 5), 5)
    clock.advance(10)
    expect(seen).toEqual([10])
  })

  it('repeats intervals and stops them when cleared', () => {
    const clock = createFakeClock()
    const seen: number[] = []
    const handle = clock.setInterval(() => seen.push(clock.now()), 10)
    clock.advance(35)
    clock.clearInterval(handle)
    clock.advance(100)
    expect(seen).toEqual([10, 20, 30])
  })

  it('treats an interval of 0 ms as 1 ms so it cannot spin forever', () => {
    const clock = createFakeClock()
    let ticks = 0
    clock.setInterval(() => ticks++, 0)
    clock.advance(3)
    expect(ticks).toBe(3)
  })

  it('fires negative or non-finite delays immediately on the next advance', () => {
    const clock = createFakeClock()
    const seen: string[] = []
    clock.setTimeout(() => seen.push('neg'), -5)
    clock.setTimeout(() => seen.push('nan'), Number.NaN)
    clock.advance(0)
    expect(seen).toEqual(['neg', 'nan'])
  })

  it('does not fire a cleared timeout and ignores unknown handles', () => {
    const clock = createFakeClock()
    let fired = false
    const handle = clock.setTimeout(() => (fired = true), 1)
    clock.clearTimeout(handle)
    clock.clearTimeout(handle)
    clock.advance(5)
    expect(fired).toBe(false)
    expect(clock.pendingTimers()).toBe(0)
  })

  it('counts pending timers', () => {
    const clock = createFakeClock()
    clock.setTimeout(() => undefined, 1)
    clock.setInterval(() => undefined, 1)
    expect(clock.pendingTimers()).toBe(2)
    clock.advance(1)
    expect(clock.pendingTimers()).toBe(1)
  })

  it('advanceAsync lets promise callbacks react between timers', async () => {
    const clock = createFakeClock()
    const seen: string[] = []
    const wait = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms))
    const task = (async () => {
      await wait(10)
      seen.push(`first@${clock.now()}`)
      await wait(10)
      seen.push(`second@${clock.now()}`)
    })()
    await clock.advanceAsync(20)
    await task
    expect(seen).toEqual(['first@10', 'second@20'])
  })

  it('flush lets pending promise callbacks run without moving time', async () => {
    const clock = createFakeClock(7)
    let done = false
    void Promise.resolve().then(() => Promise.resolve().then(() => (done = true)))
    await clock.flush()
    expect(done).toBe(true)
    expect(clock.now()).toBe(7)
  })
})
