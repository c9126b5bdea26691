import { describe, expect, it } from 'vitest'
import { DaemonError, createFakeClock, withTimeout } from '../../../src/index.js'

const late = () => new DaemonError('OD_TIMEOUT', 'task', 100)

describe('withTimeout', () => {
  it('resolves with the task result and clears its timer', async () => {
    const clock = createFakeClock()
    await expect(withTimeout(clock, 100, () => 'sync', late)).resolves.toBe('sync')
    await expect(withTimeout(clock, 100, async () => 'async', late)).resolves.toBe('async')
    expect(clock.pendingTimers()).toBe(0)
  })

  it('rejects with the task error, thrown or rejected', async () => {
    const clock = createFakeClock()
    const boom = new Error('boom')
    await expect(
      withTimeout(
        clock,
        100,
        () => {
          throw boom
        },
        late,
      ),
    ).rejects.toBe(boom)
    await expect(withTimeout(clock, 100, () => Promise.reject(boom), late)).rejects.toBe(boom)
    expect(clock.pendingTimers()).toBe(0)
  })

  it('rejects with onTimeout() when the task overruns, and ignores its late result', async () => {
    const clock = createFakeClock()
    let finish: (value: string) => void = () => undefined
    const result = withTimeout(clock, 100, () => new Promise<string>((resolve) => (finish = resolve)), late)
    const outcome = result.then(
      () => 'resolved',
      (error: DaemonError) => error.code,
    )
    await clock.advanceAsync(99)
    await clock.advanceAsync(1)
    finish('too late')
    expect(await outcome).toBe('OD_TIMEOUT')
  })
})
