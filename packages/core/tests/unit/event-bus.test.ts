import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import { createEventBus, type HandlerErrorContext } from '../../src/index.js'

interface TestMap {
  'a:one': { n: number }
  'a:deep:two': { s: string }
  'b:three': { flag: boolean }
}

function setup() {
  const failures: Array<{ error: unknown; context: HandlerErrorContext }> = []
  const bus = createEventBus<TestMap>({
    onHandlerError: (error, context) => failures.push({ error, context }),
  })
  return { bus, failures }
}

describe('createEventBus', () => {
  it('delivers to exact subscribers with the payload and the event name', () => {
    const { bus } = setup()
    const handler = vi.fn()
    bus.on('a:one', handler)
    bus.emit('a:one', { n: 1 })
    expect(handler).toHaveBeenCalledWith({ n: 1 }, 'a:one')
  })

  it('delivers "prefix:*" to one or more trailing segments and "*" to everything', () => {
    const { bus } = setup()
    const prefix: string[] = []
    const deep: string[] = []
    const all: string[] = []
    bus.on('a:*', (_data, event) => void prefix.push(event))
    bus.on('a:deep:*', (_data, event) => void deep.push(event))
    bus.on('*', (_data, event) => void all.push(event))
    bus.emit('a:one', { n: 1 })
    bus.emit('a:deep:two', { s: 'x' })
    bus.emit('b:three', { flag: true })
    expect(prefix).toEqual(['a:one', 'a:deep:two'])
    expect(deep).toEqual(['a:deep:two'])
    expect(all).toEqual(['a:one', 'a:deep:two', 'b:three'])
  })

  it('calls handlers in subscription order across exact and wildcard patterns', () => {
    const { bus } = setup()
    const order: string[] = []
    bus.on('*', () => void order.push('all'))
    bus.on('a:one', () => void order.push('exact'))
    bus.on('a:*', () => void order.push('prefix'))
    bus.emit('a:one', { n: 1 })
    expect(order).toEqual(['all', 'exact', 'prefix'])
  })

  it('does nothing for an event nobody listens to', () => {
    const { bus, failures } = setup()
    expect(() => bus.emit('b:three', { flag: false })).not.toThrow()
    bus.on('a:*', () => undefined)
    expect(() => bus.emit('b:three', { flag: false })).not.toThrow()
    expect(failures).toEqual([])
  })

  it('stops delivering after unsubscribe, and a second unsubscribe is harmless', () => {
    const { bus } = setup()
    const handler = vi.fn()
    const off = bus.on('a:*', handler)
    off()
    off()
    bus.emit('a:one', { n: 1 })
    expect(handler).not.toHaveBeenCalled()
    expect(bus.listenerCount('a:*')).toBe(0)
  })

  it('refreshes its wildcard cache when subscriptions change', () => {
    const { bus } = setup()
    const first = vi.fn()
    const second = vi.fn()
    bus.on('a:*', first)
    bus.emit('a:one', { n: 1 })
    bus.emit('a:one', { n: 2 })
    const off = bus.on('*', second)
    bus.emit('a:one', { n: 3 })
    off()
    bus.emit('a:one', { n: 4 })
    expect(first).toHaveBeenCalledTimes(4)
    expect(second).toHaveBeenCalledTimes(1)
  })

  it('runs a once handler a single time, even when the emit is re-entrant', () => {
    const { bus } = setup()
    let calls = 0
    bus.once('a:one', () => {
      calls++
      bus.emit('a:one', { n: 2 })
    })
    bus.emit('a:one', { n: 1 })
    bus.emit('a:one', { n: 3 })
    expect(calls).toBe(1)
    expect(bus.listenerCount('a:one')).toBe(0)
  })

  it('lets a once subscription be cancelled before it fires', () => {
    const { bus } = setup()
    const handler = vi.fn()
    const off = bus.once('*', handler)
    off()
    bus.emit('a:one', { n: 1 })
    expect(handler).not.toHaveBeenCalled()
  })

  it('skips a handler that an earlier handler unsubscribed during the same emit', () => {
    const { bus } = setup()
    const late = vi.fn()
    bus.on('a:one', () => offLate())
    const offLate = bus.on('a:one', late)
    bus.emit('a:one', { n: 1 })
    expect(late).not.toHaveBeenCalled()
  })

  it('reports a throwing handler without throwing to the emitter, and keeps calling the others', () => {
    const { bus, failures } = setup()
    const boom = new Error('boom')
    const after = vi.fn()
    bus.on('a:*', () => {
      throw boom
    })
    bus.on('a:one', after)
    expect(() => bus.emit('a:one', { n: 1 })).not.toThrow()
    expect(after).toHaveBeenCalled()
    expect(failures).toEqual([{ error: boom, context: { event: 'a:one', pattern: 'a:*' } }])
  })

  it('reports rejected promises of async handlers on emit', async () => {
    const { bus, failures } = setup()
    bus.on('b:three', async () => {
      throw new Error('async boom')
    })
    bus.emit('b:three', { flag: true })
    await new Promise((resolve) => setImmediate(resolve))
    expect(failures).toHaveLength(1)
    expect(failures[0]?.context).toEqual({ event: 'b:three', pattern: 'b:three' })
  })

  it('emitAsync waits for every async handler and isolates failures', async () => {
    const { bus, failures } = setup()
    const done: string[] = []
    let release: () => void = () => undefined
    bus.on('a:one', () =>
      new Promise<void>((resolve) => (release = resolve)).then(() => void done.push('slow')),
    )
    bus.on('a:one', async () => {
      throw new Error('fails')
    })
    bus.on('a:one', () => {
      throw new Error('sync fails')
    })
    bus.on('a:one', () => void done.push('sync'))
    const emitted = bus.emitAsync('a:one', { n: 1 })
    let settled = false
    void emitted.then(() => (settled = true))
    await new Promise((resolve) => setImmediate(resolve))
    expect(settled).toBe(false)
    release()
    await emitted
    expect(done).toEqual(['sync', 'slow'])
    expect(failures).toHaveLength(2)
  })

  it('emitAsync resolves at once without listeners and skips handlers removed mid-emit', async () => {
    const { bus } = setup()
    await expect(bus.emitAsync('a:one', { n: 1 })).resolves.toBeUndefined()
    const late = vi.fn()
    bus.on('a:one', () => offLate())
    const offLate = bus.on('a:one', late)
    await bus.emitAsync('a:one', { n: 1 })
    expect(late).not.toHaveBeenCalled()
  })

  it('drops failures silently without onHandlerError, and survives a throwing reporter', () => {
    const quiet = createEventBus<TestMap>()
    quiet.on('a:one', () => {
      throw new Error('x')
    })
    expect(() => quiet.emit('a:one', { n: 1 })).not.toThrow()
    const noisy = createEventBus<TestMap>({
      onHandlerError: () => {
        throw new Error('reporter fails')
      },
    })
    noisy.on('a:one', () => {
      throw new Error('x')
    })
    expect(() => noisy.emit('a:one', { n: 1 })).not.toThrow()
  })

  it('off removes one handler or every handler of exactly that pattern', () => {
    const { bus } = setup()
    const a = vi.fn()
    const b = vi.fn()
    const wild = vi.fn()
    bus.on('a:one', a)
    bus.on('a:one', b)
    bus.on('a:*', wild)
    bus.off('a:one', a)
    bus.emit('a:one', { n: 1 })
    expect(a).not.toHaveBeenCalled()
    expect(b).toHaveBeenCalledTimes(1)
    bus.off('a:one')
    bus.emit('a:one', { n: 2 })
    expect(b).toHaveBeenCalledTimes(1)
    expect(wild).toHaveBeenCalledTimes(2)
    bus.off('a:*')
    bus.off('b:three')
    expect(bus.listenerCount('a:one')).toBe(0)
  })

  it('off also removes once handlers by their original function', () => {
    const { bus } = setup()
    const handler = vi.fn()
    bus.once('a:one', handler)
    bus.off('a:one', handler)
    bus.emit('a:one', { n: 1 })
    expect(handler).not.toHaveBeenCalled()
  })

  it('listenerCount counts matching handlers for names and exact registrations for wildcards', () => {
    const { bus } = setup()
    bus.on('a:one', () => undefined)
    bus.on('a:*', () => undefined)
    bus.on('*', () => undefined)
    bus.on('*', () => undefined)
    expect(bus.listenerCount('a:one')).toBe(4)
    expect(bus.listenerCount('b:three')).toBe(2)
    expect(bus.listenerCount('a:*')).toBe(1)
    expect(bus.listenerCount('*')).toBe(2)
    expect(bus.listenerCount('a:deep:*')).toBe(0)
  })

  it('types names, payloads and wildcard handlers', () => {
    const bus = createEventBus()
    bus.on('process:*', (data, event) => {
      expectTypeOf(event).toEqualTypeOf<
        | 'process:created'
        | 'process:starting'
        | 'process:online'
        | 'process:stopping'
        | 'process:stopped'
        | 'process:errored'
        | 'process:exited'
        | 'process:restarting'
        | 'process:deleted'
        | 'process:adopted'
        | 'process:state'
      >()
      expectTypeOf(data.id).toEqualTypeOf<number>()
    })
    bus.on('process:exited', (data) => {
      expectTypeOf(data.uptimeMs).toEqualTypeOf<number>()
    })
    // @ts-expect-error -- misspelled event name
    bus.on('process:strated', () => undefined)
    // @ts-expect-error -- wrong payload
    bus.emit('daemon:ready', { pid: 'x', at: 1 })
    expect(bus.listenerCount('process:exited')).toBe(2)
  })
})
