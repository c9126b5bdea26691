import { describe, expect, it } from 'vitest'
import { formatValidationErrors, validate, type JsonSchema } from '../../../src/index.js'

const messages = (schema: JsonSchema, value: unknown, path?: string) =>
  validate(schema, value, path).map((e) => e.message)

const appsSchema: JsonSchema = {
  type: 'object',
  properties: {
    apps: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          healthCheck: {
            type: 'object',
            properties: { port: { type: 'integer', minimum: 1, maximum: 65535 } },
          },
        },
      },
    },
  },
}

describe('validate', () => {
  it('returns no errors for a valid value', () => {
    expect(validate(appsSchema, { apps: [{ name: 'api', healthCheck: { port: 80 } }] })).toEqual([])
  })

  it('names the exact path and expectation, with min-max ranges', () => {
    const value = { apps: [{ name: 'a' }, { name: 'b' }, { name: 'c', healthCheck: { port: 'abc' } }] }
    expect(validate(appsSchema, value)).toEqual([
      {
        path: 'apps[2].healthCheck.port',
        message: 'apps[2].healthCheck.port: expected integer 1-65535, got "abc"',
      },
    ])
  })

  it('reports every error, not just the first', () => {
    const value = { apps: [{ healthCheck: { port: 0 } }, { name: '', extra: 1 }] }
    expect(messages(appsSchema, value)).toEqual([
      'apps[0].name: is required',
      'apps[0].healthCheck.port: expected integer 1-65535, got 0',
      'apps[1].name: expected non-empty string, got ""',
      'apps[1].extra: unknown property',
    ])
  })

  it('prefixes the root path when given', () => {
    const schema: JsonSchema = { type: 'object', properties: { target: { type: 'string' } } }
    expect(messages(schema, { target: 5 }, 'params')).toEqual(['params.target: expected string, got number'])
    expect(messages(schema, [], 'params')).toEqual(['params: expected object, got array'])
    expect(messages(schema, 'x')).toEqual(['expected object, got "x"'])
  })

  describe('type', () => {
    it.each([
      ['string', 'x', 1],
      ['number', 1.5, 'x'],
      ['integer', 2, 2.5],
      ['boolean', false, 0],
      ['object', {}, []],
      ['array', [], {}],
      ['null', null, undefined],
    ] as const)('checks %s', (type, good, bad) => {
      expect(validate({ type }, good)).toEqual([])
      expect(validate({ type }, bad)).toHaveLength(1)
    })

    it('rejects NaN and infinities as numbers', () => {
      expect(messages({ type: 'number' }, Number.NaN)).toEqual(['expected number, got NaN'])
      expect(validate({ type: 'number' }, Number.POSITIVE_INFINITY)).toHaveLength(1)
    })

    it('accepts any of several types and lists them', () => {
      const schema: JsonSchema = { type: ['string', 'integer'], minimum: 1 }
      expect(validate(schema, 'max')).toEqual([])
      expect(validate(schema, 3)).toEqual([])
      expect(messages(schema, true)).toEqual(['expected string or integer >= 1, got boolean'])
      expect(messages(schema, 0)).toEqual(['expected string or integer >= 1, got 0'])
      expect(messages(schema, 1.5)).toEqual(['expected string or integer >= 1, got 1.5'])
    })

    it('describes other received values by type', () => {
      expect(messages({ type: 'string' }, null)).toEqual(['expected string, got null'])
      expect(messages({ type: 'string' }, undefined)).toEqual(['expected string, got undefined'])
      expect(messages({ type: 'string' }, {})).toEqual(['expected string, got object'])
      expect(messages({ type: 'integer' }, 'x'.repeat(50))).toEqual([
        `expected integer, got "${'x'.repeat(37)}..."`,
      ])
    })

    it('accepts anything without a type', () => {
      expect(validate({}, Symbol.iterator)).toEqual([])
    })
  })

  describe('numbers', () => {
    it('checks inclusive and exclusive bounds', () => {
      expect(messages({ type: 'number', minimum: 0 }, -1)).toEqual(['expected number >= 0, got -1'])
      expect(messages({ type: 'number', maximum: 10 }, 11)).toEqual(['expected number <= 10, got 11'])
      expect(messages({ type: 'number', exclusiveMinimum: 0 }, 0)).toEqual(['expected number > 0, got 0'])
      expect(messages({ type: 'number', exclusiveMaximum: 1 }, 1)).toEqual(['expected number < 1, got 1'])
      expect(messages({ type: 'number', exclusiveMinimum: 0, maximum: 1 }, 2)).toEqual([
        'expected number > 0 and <= 1, got 2',
      ])
      expect(messages({ type: 'integer', minimum: -5, maximum: 5 }, 9)).toEqual([
        'expected integer -5 to 5, got 9',
      ])
      expect(validate({ type: 'number', minimum: 0, maximum: 1, exclusiveMaximum: 2 }, 0.5)).toEqual([])
    })

    it('ignores number bounds for values of other types', () => {
      expect(validate({ minimum: 5 }, 'short')).toEqual([])
    })
  })

  describe('strings', () => {
    it('checks lengths in characters, not UTF-16 units', () => {
      expect(validate({ type: 'string', maxLength: 2 }, '😀😀')).toEqual([])
      expect(messages({ type: 'string', maxLength: 2 }, 'abc')).toEqual([
        'expected string of at most 2 characters, got "abc"',
      ])
      expect(messages({ type: 'string', minLength: 2 }, 'a')).toEqual([
        'expected string of at least 2 characters, got "a"',
      ])
      expect(messages({ type: 'string', maxLength: 1 }, 'ab')).toEqual([
        'expected string of at most 1 character, got "ab"',
      ])
      expect(messages({ type: 'string', minLength: 2, maxLength: 4 }, 'a')).toEqual([
        'expected string of 2-4 characters, got "a"',
      ])
    })

    it('checks patterns', () => {
      const schema: JsonSchema = { type: 'string', pattern: '^[a-z-]+$' }
      expect(validate(schema, 'my-app')).toEqual([])
      expect(messages(schema, 'My App')).toEqual(['expected string matching /^[a-z-]+$/, got "My App"'])
    })
  })

  describe('enum and const', () => {
    it('checks enum membership by value', () => {
      const schema: JsonSchema = { enum: ['fork', 'cluster', { mode: 'x' }] }
      expect(validate(schema, { mode: 'x' })).toEqual([])
      expect(messages(schema, 'forks')).toEqual([
        'expected one of "fork", "cluster", {"mode":"x"}, got "forks"',
      ])
      expect(messages(schema, true)).toEqual(['expected one of "fork", "cluster", {"mode":"x"}, got true'])
    })

    it('checks const', () => {
      expect(validate({ const: 1 }, 1)).toEqual([])
      expect(messages({ const: 'v1' }, 'v2')).toEqual(['expected "v1", got "v2"'])
    })
  })

  describe('arrays', () => {
    it('checks item counts and each item', () => {
      const schema: JsonSchema = { type: 'array', items: { type: 'string' }, minItems: 1 }
      expect(messages(schema, [])).toEqual(['expected non-empty array, got 0 items'])
      expect(messages(schema, ['a', 2])).toEqual(['[1]: expected string, got number'])
      expect(messages({ type: 'array', maxItems: 1 }, [1, 2])).toEqual([
        'expected array of at most 1 item, got 2 items',
      ])
      expect(messages({ type: 'array', minItems: 2, maxItems: 3 }, [1])).toEqual([
        'expected array of 2-3 items, got 1 item',
      ])
      expect(validate({ type: 'array' }, [1, 'x'])).toEqual([])
    })
  })

  describe('objects', () => {
    it('treats undefined properties as missing', () => {
      const schema: JsonSchema = { type: 'object', required: ['a'], additionalProperties: false }
      expect(messages(schema, { a: undefined, b: undefined })).toEqual(['a: is required'])
    })

    it('validates extra properties against a schema', () => {
      const schema: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } }
      expect(messages(schema, { ok: 'x', 'MY-VAR': 1 })).toEqual(['["MY-VAR"]: expected string, got number'])
    })

    it('allows extra properties by default and suggests close names when they are forbidden', () => {
      const schema: JsonSchema = { type: 'object', properties: { port: {} }, additionalProperties: false }
      expect(validate({ type: 'object' }, { anything: 1 })).toEqual([])
      expect(messages(schema, { prot: 1 })).toEqual(['prot: unknown property (did you mean "port"?)'])
    })

    it('does not mistake inherited names for declared properties', () => {
      const schema: JsonSchema = { type: 'object', properties: { a: {} }, additionalProperties: false }
      expect(messages(schema, { constructor: 1 })).toEqual(['constructor: unknown property'])
    })
  })

  describe('anyOf and oneOf', () => {
    const duration: JsonSchema = {
      anyOf: [
        { type: 'integer', minimum: 0 },
        { type: 'string', pattern: '^\\d+s$' },
      ],
    }

    it('accepts a value matching any branch of anyOf', () => {
      expect(validate(duration, 5)).toEqual([])
      expect(validate(duration, '5s')).toEqual([])
    })

    it('reports the errors of the one branch whose type fits', () => {
      expect(messages(duration, -1)).toEqual(['expected integer >= 0, got -1'])
      expect(messages(duration, 'soon')).toEqual(['expected string matching /^\\d+s$/, got "soon"'])
    })

    it('lists every branch when no branch type fits', () => {
      expect(messages(duration, true, 'timeout')).toEqual([
        'timeout: expected integer >= 0 or string matching /^\\d+s$/, got true',
      ])
    })

    it('requires exactly one matching branch for oneOf', () => {
      const schema: JsonSchema = { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }] }
      expect(validate(schema, -1)).toEqual([])
      expect(messages(schema, 2)).toEqual(['matches 2 of the allowed forms; expected exactly one'])
      expect(messages(schema, 'x')).toEqual(['expected integer or number >= 0, got "x"'])
    })

    it('describes const branches', () => {
      const schema: JsonSchema = { oneOf: [{ const: 'max' }, { type: 'integer' }] }
      expect(messages(schema, 'min')).toEqual(['expected "max", got "min"'])
      expect(messages(schema, 1.5)).toEqual(['expected "max" or integer, got 1.5'])
      const modes: JsonSchema = { anyOf: [{ enum: ['fork', 'cluster'] }, { type: 'null' }] }
      expect(messages(modes, 'forks')).toEqual(['expected one of "fork", "cluster", got "forks"'])
      expect(messages(modes, [])).toEqual(['expected one of "fork", "cluster" or null, got 0 items'])
    })

    it('compares const branches by JSON kind, null included', () => {
      expect(messages({ anyOf: [{ const: null }, { const: 'x' }] }, 5)).toEqual([
        'expected null or "x", got 5',
      ])
      expect(messages({ anyOf: [{ const: null }, { type: 'string' }] }, 1)).toEqual([
        'expected null or string, got 1',
      ])
    })

    it('accepts several matching anyOf branches', () => {
      expect(validate({ anyOf: [{ type: 'number' }, { minimum: 0 }] }, 1)).toEqual([])
    })

    it('describes a schema without type or branches generically', () => {
      expect(messages({ anyOf: [{ type: 'string' }, { type: 'string', minLength: 3 }] }, 1)).toEqual([
        'expected string or string of at least 3 characters, got 1',
      ])
      expect(messages({ oneOf: [{ minimum: 1 }, { minimum: 2 }] }, 0)).toEqual([
        'expected a valid value or a valid value, got 0',
      ])
    })
  })
})

describe('formatValidationErrors', () => {
  it('joins messages with "; "', () => {
    expect(
      formatValidationErrors([
        { path: 'a', message: 'a: x' },
        { path: 'b', message: 'b: y' },
      ]),
    ).toBe('a: x; b: y')
  })
})
