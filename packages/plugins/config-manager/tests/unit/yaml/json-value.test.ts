import { describe, expect, it } from 'vitest'
import { cloneJson, setOwn, type JsonObject } from '../../../src/yaml/json-value.js'

describe('setOwn', () => {
  it('keeps __proto__ as an own data property', () => {
    const object: JsonObject = {}
    setOwn(object, '__proto__', { polluted: true })
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype)
    expect(Object.keys(object)).toEqual(['__proto__'])
    expect(JSON.stringify(object)).toBe('{"__proto__":{"polluted":true}}')
  })

  it('assigns ordinary keys', () => {
    const object: JsonObject = {}
    setOwn(object, 'a', 1)
    expect(object).toEqual({ a: 1 })
  })
})

describe('cloneJson', () => {
  it('copies nested arrays and objects deeply', () => {
    const original: JsonObject = { list: [1, { x: null }], flag: true, text: 's' }
    const copy = cloneJson(original) as JsonObject
    expect(copy).toEqual(original)
    expect(copy).not.toBe(original)
    expect(copy['list']).not.toBe(original['list'])
  })

  it('copies an own __proto__ key as data', () => {
    const original: JsonObject = {}
    setOwn(original, '__proto__', 1)
    const copy = cloneJson(original) as JsonObject
    expect(Object.keys(copy)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
  })
})
