import { describe, expect, it, vi } from 'vitest'
import { createEventBus, createScopedEventBus } from '../../../src/index.js'

function setup() {
  const busFailures: unknown[] = []
  const bus = createEventBus({ onHandlerError: (error) => busFailures.push(error) })
  const failures: Array<{ error: unknown; where: string }> = []
  const scoped = createScopedEventBus(bus, {
    onFailure: (error, where) => failures.push({ error, where }),
    disposedError: () => new Error('disposed'),
  })
  return { bus, scoped, failures, busFailures }
}

const ready = { pid: 1, at: 0 }

describe('createScopedEventBus', () => {
  it('subscribes through the bus and counts its subscriptions', () => {
    const { bus, scoped } = setup()
    const handler = vi.fn()
    scoped.on('daemon:ready', handler)
    bus.emit('daemon:ready', ready)
    expect(handler).toHaveBeenCalledWith(ready, 'daemon:ready')
    expect(scoped.subscriptions()).toBe(1)
    expect(scoped.listenerCount('daemon:ready')).toBe(1)
  })

  it('reports sync throws and async rejections to onFailure, never to the bus reporter', async () => {
    const { bus, scoped, failures, busFailures } = setup()
    scoped.on('daemon:*', () => {
      throw new Error('sync')
    })
    scoped.on('daemon:ready', async () => {
      throw new Error('async')
    })
    await bus.emitAsync('daemon:ready', ready)
    expect(failures.map((f) => [(f.error as Error).message, f.where])).toEqual([
      ['sync', 'event handler for "daemon:*" (event "daemon:ready")'],
      ['async', 'event handler for "daemon:ready" (event "daemon:ready")'],
    ])
    expect(busFailures).toEqual([])
  })

  it('lets emitAsync wait for its async handlers', async () => {
    const { scoped } = setup()
    const done: string[] = []
    scoped.on('daemon:ready', async () => {
      await Promise.resolve()
      done.push('handled')
    })
    await scoped.emitAsync('daemon:ready', ready)
    expect(done).toEqual(['handled'])
  })

  it('forgets a once subscription after it fires', () => {
    const { scoped } = setup()
    const handler = vi.fn()
    scoped.once('daemon:ready', handler)
    scoped.emit('daemon:ready', ready)
    scoped.emit('daemon:ready', ready)
    expect(handler).toHaveBeenCalledTimes(1)
    expect(scoped.subscriptions()).toBe(0)
  })

  it('unsubscribes through the returned function', () => {
    const { scoped } = setup()
    const off = scoped.on('daemon:ready', () => undefined)
    off()
    expect(scoped.subscriptions()).toBe(0)
    expect(scoped.listenerCount('daemon:ready')).toBe(0)
  })

  it('off removes only its own handlers, by pattern or by handler', () => {
    const { bus, scoped } = setup()
    const mine = vi.fn()
    const other = vi.fn()
    const foreign = vi.fn()
    bus.on('daemon:ready', foreign)
    scoped.on('daemon:ready', mine)
    scoped.on('daemon:ready', other)
    scoped.on('daemon:*', other)
    scoped.off('daemon:ready', mine)
    bus.emit('daemon:ready', ready)
    expect(mine).not.toHaveBeenCalled()
    scoped.off('daemon:ready')
    bus.emit('daemon:ready', ready)
    expect(other).toHaveBeenCalledTimes(3)
    expect(foreign).toHaveBeenCalledTimes(2)
    expect(scoped.subscriptions()).toBe(1)
  })

  it('dispose removes every subscription and refuses new ones', () => {
    const { bus, scoped } = setup()
    scoped.on('daemon:ready', () => undefined)
    scoped.once('*', () => undefined)
    scoped.dispose()
    expect(bus.listenerCount('daemon:ready')).toBe(0)
    expect(() => scoped.on('daemon:ready', () => undefined)).toThrowError('disposed')
    expect(() => scoped.once('daemon:ready', () => undefined)).toThrowError('disposed')
  })
})
