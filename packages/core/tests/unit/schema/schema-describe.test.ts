import { describe, expect, it } from 'vitest'
import { describeSchema } from '../../../src/index.js'

describe('describeSchema', () => {
  it('describes numbers with their bounds', () => {
    expect(describeSchema({ type: 'integer', minimum: 1, maximum: 65535 })).toBe('integer 1-65535')
    expect(describeSchema({ type: 'number' })).toBe('number')
    expect(describeSchema({ type: 'number', maximum: 3 })).toBe('number <= 3')
  })

  it('describes strings and arrays with their sizes', () => {
    expect(describeSchema({ type: 'string', minLength: 1 })).toBe('non-empty string')
    expect(describeSchema({ type: 'string', minLength: 1, maxLength: 8 })).toBe('string of 1-8 characters')
    expect(describeSchema({ type: 'array', minItems: 1 })).toBe('non-empty array')
    expect(describeSchema({ type: 'array', minItems: 1, maxItems: 1 })).toBe('array of 1-1 items')
  })

  it('describes const, enum, plain types and branches', () => {
    expect(describeSchema({ const: null })).toBe('null')
    expect(describeSchema({ enum: [1, 'a'] })).toBe('one of 1, "a"')
    expect(describeSchema({ type: ['null', 'boolean', 'object'] })).toBe('null or boolean or object')
    expect(describeSchema({ anyOf: [{ type: 'string' }, { const: 0 }] })).toBe('string or 0')
    expect(describeSchema({})).toBe('a valid value')
  })
})
