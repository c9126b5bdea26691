import { describe, expect, it } from 'vitest'
import { clonePlain, deepEqual, deepFreeze, deepMerge, isPlainObject } from '../../src/index.js'

describe('isPlainObject', () => {
  it('accepts object literals and null-prototype objects only', () => {
    expect(isPlainObject({})).toBe(true)
    expect(isPlainObject(Object.create(null))).toBe(true)
    expect(isPlainObject([])).toBe(false)
    expect(isPlainObject(null)).toBe(false)
    expect(isPlainObject(new Date())).toBe(false)
    expect(isPlainObject('x')).toBe(false)
  })
})

describe('deepMerge', () => {
  it('merges nested objects and lets the override win', () => {
    expect(deepMerge({ a: 1, n: { b: 2, c: 3 } }, { n: { c: 4, d: 5 } })).toEqual({
      a: 1,
      n: { b: 2, c: 4, d: 5 },
    })
  })

  it('replaces arrays and scalars, and keeps base for undefined', () => {
    expect(deepMerge({ list: [1, 2], x: 1 }, { list: [3], x: undefined })).toEqual({ list: [3], x: 1 })
    expect(deepMerge({ a: 1 }, undefined)).toEqual({ a: 1 })
    expect(deepMerge(undefined, { a: 1 })).toEqual({ a: 1 })
    expect(deepMerge({ a: 1 }, 'text')).toBe('text')
  })

  it('does not modify its inputs', () => {
    const base = { n: { a: 1 } }
    deepMerge(base, { n: { a: 2 } })
    expect(base).toEqual({ n: { a: 1 } })
  })
})

describe('clonePlain', () => {
  it('copies objects and arrays deeply but keeps other values by reference', () => {
    const fn = () => 1
    const date = new Date(0)
    const source = { list: [{ a: 1 }], fn, date }
    const copy = clonePlain(source)
    expect(copy).toEqual(source)
    expect(copy.list).not.toBe(source.list)
    expect(copy.list[0]).not.toBe(source.list[0])
    expect(copy.fn).toBe(fn)
    expect(copy.date).toBe(date)
  })
})

describe('deepFreeze', () => {
  it('freezes nested objects and arrays', () => {
    const value = deepFreeze({ a: { b: [1, { c: 2 }] } })
    expect(Object.isFrozen(value)).toBe(true)
    expect(Object.isFrozen(value.a)).toBe(true)
    expect(Object.isFrozen(value.a.b)).toBe(true)
    expect(Object.isFrozen(value.a.b[1])).toBe(true)
  })

  it('leaves class instances alone and returns primitives unchanged', () => {
    const date = new Date(0)
    deepFreeze({ date })
    expect(Object.isFrozen(date)).toBe(false)
    expect(deepFreeze(5)).toBe(5)
  })
})

describe('deepEqual', () => {
  it('compares JSON-like values structurally', () => {
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true)
    expect(deepEqual(Number.NaN, Number.NaN)).toBe(true)
    expect(deepEqual([1, 2], [1, 3])).toBe(false)
    expect(deepEqual([1], [1, 2])).toBe(false)
    expect(deepEqual([1], { 0: 1 })).toBe(false)
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(deepEqual({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false)
    expect(deepEqual({ a: 1 }, 'a')).toBe(false)
    expect(deepEqual(1, 2)).toBe(false)
  })
})
