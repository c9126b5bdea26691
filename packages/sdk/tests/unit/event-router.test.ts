import { describe, expect, it, vi } from 'vitest'
import { isClientOnlyPattern } from '../../src/client-events.js'
import { createEventRouter } from '../../src/event-router.js'

function setup() {
  const first: string[] = []
  const last: string[] = []
  const failures: unknown[] = []
  const router = createEventRouter({
    onFirst: (p) => first.push(p),
    onLast: (p) => last.push(p),
    onHandlerError: (error) => failures.push(error),
  })
  return { router, first, last, failures }
}

describe('createEventRouter', () => {
  it('delivers matching events to exact, prefix and catch-all handlers', () => {
    const { router } = setup()
    const seen: string[] = []
    router.add('plugin:ready', (_d, e) => void seen.push(`exact ${e}`), false)
    router.add('plugin:*', (_d, e) => void seen.push(`prefix ${e}`), false)
    router.add('*', (_d, e) => void seen.push(`all ${e}`), false)
    router.dispatch('plugin:ready', { name: 'x' })
    router.dispatch('daemon:ready', {})
    expect(seen).toEqual([
      'exact plugin:ready',
      'prefix plugin:ready',
      'all plugin:ready',
      'all daemon:ready',
    ])
  })

  it('announces a daemon pattern on its first handler and its removal after the last', () => {
    const { router, first, last } = setup()
    const a = router.add('plugin:*', () => undefined, false)
    const b = router.add('plugin:*', () => undefined, false)
    expect(first).toEqual(['plugin:*'])
    a()
    a() // removing twice is harmless
    expect(last).toEqual([])
    b()
    expect(last).toEqual(['plugin:*'])
    expect(router.daemonPatterns()).toEqual([])
  })

  it('keeps client-only patterns local', () => {
    const { router, first, last } = setup()
    const off = router.add('client:*', () => undefined, false)
    router.add('*', () => undefined, false)
    expect(first).toEqual(['*'])
    expect(router.daemonPatterns()).toEqual(['*'])
    off()
    expect(last).toEqual([])
    expect(isClientOnlyPattern('client:connected')).toBe(true)
    expect(isClientOnlyPattern('plugin:*')).toBe(false)
  })

  it('runs a once handler a single time and then forgets its pattern', () => {
    const { router, last } = setup()
    const handler = vi.fn()
    router.add('daemon:ready', handler, true)
    router.dispatch('daemon:ready', { pid: 1 })
    router.dispatch('daemon:ready', { pid: 2 })
    expect(handler).toHaveBeenCalledTimes(1)
    expect(handler).toHaveBeenCalledWith({ pid: 1 }, 'daemon:ready')
    expect(last).toEqual(['daemon:ready'])
  })

  it('removes one handler, or every handler of a pattern', () => {
    const { router, last } = setup()
    const a = vi.fn()
    const b = vi.fn()
    router.add('x:*', a, false)
    router.add('x:*', b, false)
    router.remove('x:*', a)
    router.dispatch('x:y', 1)
    expect(a).not.toHaveBeenCalled()
    expect(b).toHaveBeenCalledTimes(1)
    router.add('x:*', a, false)
    router.remove('x:*')
    router.remove('never:*')
    router.dispatch('x:y', 2)
    expect(b).toHaveBeenCalledTimes(1)
    expect(last).toEqual(['x:*'])
  })

  it('isolates throwing handlers and reports them', () => {
    const { router, failures } = setup()
    const after = vi.fn()
    router.add(
      'a:b',
      () => {
        throw new Error('boom')
      },
      false,
    )
    router.add('a:b', after, false)
    router.dispatch('a:b', null)
    expect(after).toHaveBeenCalledTimes(1)
    expect(failures).toEqual([new Error('boom')])
  })

  it('drops handler failures when no hook is given', () => {
    const router = createEventRouter({ onFirst: () => undefined, onLast: () => undefined })
    router.add(
      'a:b',
      () => {
        throw new Error('ignored')
      },
      false,
    )
    expect(() => router.dispatch('a:b', null)).not.toThrow()
  })
})
