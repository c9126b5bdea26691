import { describe, expect, it } from 'vitest'
import { createFakeClock } from '../../../src/fake-clock.js'
import { createPendingRequests } from '../../../src/ipc/pending-requests.js'

describe('createPendingRequests', () => {
  it('resolves and rejects by id, once', async () => {
    const pending = createPendingRequests(createFakeClock())
    const a = pending.add(1, 'a', 1000)
    const b = pending.add(2, 'b', 1000)
    expect(pending.size).toBe(2)
    expect(pending.resolve(1, 'ok')).toBe(true)
    expect(pending.resolve(1, 'again')).toBe(false)
    expect(pending.reject(2, new Error('no'))).toBe(true)
    expect(pending.reject(3, new Error('unknown id'))).toBe(false)
    await expect(a).resolves.toBe('ok')
    await expect(b).rejects.toThrow('no')
    expect(pending.size).toBe(0)
  })

  it('times out each request at its own deadline with OD_TIMEOUT naming the method', async () => {
    const clock = createFakeClock()
    const pending = createPendingRequests(clock)
    const slow = pending.add(1, 'test.slow', 300)
    const fast = pending.add(2, 'test.fast', 100)
    const settled: string[] = []
    slow.catch(() => settled.push('slow'))
    fast.catch(() => settled.push('fast'))
    await clock.advanceAsync(99)
    expect(settled).toEqual([])
    await clock.advanceAsync(1)
    expect(settled).toEqual(['fast'])
    await expect(fast).rejects.toMatchObject({
      code: 'OD_TIMEOUT',
      message: expect.stringContaining('Request test.fast'),
    })
    await clock.advanceAsync(200)
    expect(settled).toEqual(['fast', 'slow'])
  })

  it('uses a single timer however many requests wait', () => {
    const clock = createFakeClock()
    const pending = createPendingRequests(clock)
    for (let id = 1; id <= 100; id++) void pending.add(id, 'm', 1000 + id).catch(() => undefined)
    expect(clock.pendingTimers()).toBe(1)
  })

  it('re-arms for the next deadline after an answered request’s deadline passes', async () => {
    const clock = createFakeClock()
    const pending = createPendingRequests(clock)
    const first = pending.add(1, 'm', 100)
    const second = pending.add(2, 'm', 500)
    pending.resolve(1, 'done')
    await first
    await clock.advanceAsync(100)
    expect(pending.size).toBe(1)
    expect(clock.pendingTimers()).toBe(1)
    const timedOut = expect(second).rejects.toMatchObject({ code: 'OD_TIMEOUT' })
    await clock.advanceAsync(400)
    await timedOut
    expect(clock.pendingTimers()).toBe(0)
  })

  it('rejectAll rejects everything with the given error and clears the timer', async () => {
    const clock = createFakeClock()
    const pending = createPendingRequests(clock)
    const all = [pending.add(1, 'a', 100), pending.add(2, 'b', 100)]
    const reason = new Error('closed')
    pending.rejectAll(reason)
    for (const p of all) await expect(p).rejects.toBe(reason)
    expect(clock.pendingTimers()).toBe(0)
    pending.rejectAll(reason)
    expect(pending.size).toBe(0)
  })
})
