import { describe, expect, it } from 'vitest'
import { DaemonError, errorMessage, toDaemonError, toErrorInfo } from '../../../src/index.js'

describe('errorMessage', () => {
  it('describes errors, strings, JSON values and unserializable values', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    expect(errorMessage(new Error('boom'))).toBe('boom')
    expect(errorMessage('text')).toBe('text')
    expect(errorMessage({ a: 1 })).toBe('{"a":1}')
    expect(errorMessage(undefined)).toBe('undefined')
    expect(errorMessage(cyclic)).toBe('[object Object]')
  })
})

describe('toDaemonError', () => {
  it('returns DaemonErrors unchanged', () => {
    const err = new DaemonError('OD_PLUGIN_NOT_FOUND', 'x')
    expect(toDaemonError(err, 'anywhere')).toBe(err)
  })

  it('wraps anything else as OD_INTERNAL with the cause and optional context', () => {
    const cause = new TypeError('x is undefined')
    const wrapped = toDaemonError(cause, 'method "demo.run"')
    expect(wrapped.code).toBe('OD_INTERNAL')
    expect(wrapped.cause).toBe(cause)
    expect(wrapped.message).toContain('method "demo.run" threw: x is undefined')
    expect(toDaemonError('plain').message).toContain('Internal error: plain.')
  })
})

describe('toErrorInfo', () => {
  it('gives the JSON { code, message } form', () => {
    expect(toErrorInfo(new DaemonError('OD_PLUGIN_NOT_FOUND', 'x'))).toEqual({
      code: 'OD_PLUGIN_NOT_FOUND',
      message: 'No plugin named "x". Run `od plugin list` to see installed plugins.',
    })
    expect(toErrorInfo(new Error('e')).code).toBe('OD_INTERNAL')
  })
})
