import { describe, expect, expectTypeOf, it } from 'vitest'
import { createStateStore } from '../../src/index.js'

describe('createStateStore', () => {
  it('stores, reads, lists and deletes keys within a namespace', () => {
    const store = createStateStore().namespace('a')
    store.set('x', 1)
    store.set('y', { deep: true })
    expect(store.get('x')).toBe(1)
    expect(store.has('y')).toBe(true)
    expect(store.keys()).toEqual(['x', 'y'])
    expect(store.delete('x')).toBe(true)
    expect(store.delete('x')).toBe(false)
    expect(store.get('x')).toBeUndefined()
    expect(store.snapshot()).toEqual({ y: { deep: true } })
  })

  it('keeps namespaces apart and returns the same store for the same name', () => {
    const root = createStateStore()
    root.namespace('a').set('k', 'from a')
    root.namespace('b').set('k', 'from b')
    expect(root.namespace('a').get('k')).toBe('from a')
    expect(root.namespace('a')).toBe(root.namespace('a'))
    expect(root.snapshot()).toEqual({ a: { k: 'from a' }, b: { k: 'from b' } })
  })

  it('returns snapshots that do not change with the store', () => {
    const store = createStateStore().namespace('a')
    store.set('k', 1)
    const snap = store.snapshot()
    store.set('k', 2)
    expect(snap).toEqual({ k: 1 })
  })

  it('can be typed by the caller', () => {
    const store = createStateStore().namespace<{ runs: number }>('s')
    store.set('runs', (store.get('runs') ?? 0) + 1)
    expectTypeOf(store.get('runs')).toEqualTypeOf<number | undefined>()
    // @ts-expect-error -- unknown key for this shape
    store.get('walks')
    expect(store.get('runs')).toBe(1)
  })
})
