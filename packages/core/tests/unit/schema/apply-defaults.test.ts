import { describe, expect, it } from 'vitest'
import { applyDefaults, type JsonSchema } from '../../../src/index.js'

describe('applyDefaults', () => {
  it('fills missing properties with cloned defaults', () => {
    const tags = ['a']
    const schema: JsonSchema = {
      type: 'object',
      properties: { port: { default: 3000 }, tags: { default: tags }, name: {} },
    }
    const result = applyDefaults(schema, { name: 'x' }) as { port: number; tags: string[]; name: string }
    expect(result).toEqual({ port: 3000, tags: ['a'], name: 'x' })
    expect(result.tags).not.toBe(tags)
  })

  it('keeps values that are present, and never mutates the input', () => {
    const input = { port: 1 }
    const result = applyDefaults({ type: 'object', properties: { port: { default: 3000 } } }, input)
    expect(result).toEqual({ port: 1 })
    expect(result).not.toBe(input)
  })

  it('fills nested objects that declare default: {}', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        ipc: { type: 'object', default: {}, properties: { max: { default: 10 } } },
        other: { type: 'object', properties: { x: { default: 1 } } },
      },
    }
    expect(applyDefaults(schema, {})).toEqual({ ipc: { max: 10 } })
  })

  it('fills each array item', () => {
    const schema: JsonSchema = { type: 'array', items: { type: 'object', properties: { n: { default: 0 } } } }
    expect(applyDefaults(schema, [{}, { n: 2 }])).toEqual([{ n: 0 }, { n: 2 }])
  })

  it('uses a top-level default for a missing value and leaves other values alone', () => {
    expect(applyDefaults({ default: 'x' }, undefined)).toBe('x')
    expect(applyDefaults({}, undefined)).toBeUndefined()
    expect(applyDefaults({ type: 'object', properties: {} }, 'not an object')).toBe('not an object')
    expect(applyDefaults({ type: 'array' }, [1])).toEqual([1])
  })
})
