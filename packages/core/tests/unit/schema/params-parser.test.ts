import { describe, expect, it } from 'vitest'
import { DaemonError, createParamsParser } from '../../../src/index.js'

const parse = createParamsParser<{ target: string; force: boolean }>({
  type: 'object',
  required: ['target'],
  additionalProperties: false,
  properties: { target: { type: 'string' }, force: { type: 'boolean', default: false } },
})

describe('createParamsParser', () => {
  it('returns typed params with defaults applied', () => {
    expect(parse({ target: 'api' })).toEqual({ target: 'api', force: false })
  })

  it('throws OD_INVALID_PARAMS naming each path under params', () => {
    let caught: unknown
    try {
      parse({ target: 5, extra: true })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(DaemonError)
    const err = caught as DaemonError
    expect(err.code).toBe('OD_INVALID_PARAMS')
    expect(err.message).toBe(
      'Invalid parameters: params.target: expected string, got number; params.extra: unknown property.',
    )
    expect(err.data).toEqual({
      errors: [
        { path: 'params.target', message: 'params.target: expected string, got number' },
        { path: 'params.extra', message: 'params.extra: unknown property' },
      ],
    })
  })

  it('treats missing params as {} for object schemas', () => {
    const none = createParamsParser<Record<string, never>>({ type: 'object', additionalProperties: false })
    expect(none(undefined)).toEqual({})
    expect(() => parse(undefined)).toThrowError('params.target: is required')
  })

  it('leaves missing params missing for other schemas', () => {
    const list = createParamsParser<string[]>({ type: 'array' })
    expect(() => list(undefined)).toThrowError('params: expected array, got undefined')
    expect(createParamsParser<unknown>({})(undefined)).toBeUndefined()
  })
})
