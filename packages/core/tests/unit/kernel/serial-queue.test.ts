import { describe, expect, it } from 'vitest'
import { createSerialQueue } from '../../../src/index.js'

describe('createSerialQueue', () => {
  it('runs tasks one at a time in order', async () => {
    const queue = createSerialQueue()
    const log: string[] = []
    let releaseFirst: () => void = () => undefined
    const first = queue.run(async () => {
      log.push('first:start')
      await new Promise<void>((resolve) => (releaseFirst = resolve))
      log.push('first:end')
      return 1
    })
    const second = queue.run(async () => {
      log.push('second')
      return 2
    })
    await new Promise((resolve) => setImmediate(resolve))
    expect(log).toEqual(['first:start'])
    releaseFirst()
    expect(await Promise.all([first, second])).toEqual([1, 2])
    expect(log).toEqual(['first:start', 'first:end', 'second'])
  })

  it('keeps going after a failing task, whose caller sees the rejection', async () => {
    const queue = createSerialQueue()
    const failed = queue.run(() => Promise.reject(new Error('nope')))
    const next = queue.run(async () => 'ok')
    await expect(failed).rejects.toThrow('nope')
    await expect(next).resolves.toBe('ok')
  })
})
