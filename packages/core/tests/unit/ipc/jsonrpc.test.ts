import { describe, expect, it } from 'vitest'
import { DaemonError } from '../../../src/errors/daemon-error.js'
import {
  daemonErrorFromRpc,
  errorResponse,
  parseRequestPayload,
  parseRequestValue,
  parseRpcEntry,
  successResponse,
  toErrorObject,
  type JsonRpcFailure,
  type ParsedPayload,
  type RpcEntry,
} from '../../../src/ipc/jsonrpc.js'

/** The responses a server sends for a payload when every valid call returns `result(method, params)`. */
function respond(text: string, result: (method: string, params: unknown) => unknown): unknown {
  const answer = (entry: RpcEntry): unknown => {
    if (entry.kind === 'invalid') return entry.response
    if (entry.kind === 'notification') return null
    if (entry.method === 'foo.get')
      return errorResponse(entry.id, new DaemonError('OD_METHOD_NOT_FOUND', entry.method))
    return successResponse(entry.id, result(entry.method, entry.params))
  }
  const parsed: ParsedPayload = parseRequestPayload(text)
  if (parsed.kind === 'error') return parsed.response
  if (parsed.kind === 'single') return answer(parsed.entry) ?? undefined
  const all = parsed.entries.map(answer).filter((r) => r !== null)
  return all.length === 0 ? undefined : all
}

const calc = (method: string, params: unknown): unknown => {
  if (method === 'subtract') {
    if (Array.isArray(params)) return (params[0] as number) - (params[1] as number)
    const named = params as { minuend: number; subtrahend: number }
    return named.minuend - named.subtrahend
  }
  if (method === 'sum') return (params as number[]).reduce((a, b) => a + b, 0)
  return ['hello', 5]
}

const rpcError = (id: unknown, code: number) => ({
  jsonrpc: '2.0',
  id,
  error: expect.objectContaining({ code }),
})

describe('JSON-RPC 2.0 specification examples (§7)', () => {
  it('rpc call with positional parameters', () => {
    expect(respond('{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1}', calc)).toEqual({
      jsonrpc: '2.0',
      result: 19,
      id: 1,
    })
    expect(respond('{"jsonrpc": "2.0", "method": "subtract", "params": [23, 42], "id": 2}', calc)).toEqual({
      jsonrpc: '2.0',
      result: -19,
      id: 2,
    })
  })

  it('rpc call with named parameters', () => {
    const text =
      '{"jsonrpc": "2.0", "method": "subtract", "params": {"subtrahend": 23, "minuend": 42}, "id": 3}'
    expect(respond(text, calc)).toEqual({ jsonrpc: '2.0', result: 19, id: 3 })
  })

  it('a notification gets no response', () => {
    expect(respond('{"jsonrpc": "2.0", "method": "update", "params": [1,2,3,4,5]}', calc)).toBeUndefined()
    expect(respond('{"jsonrpc": "2.0", "method": "foobar"}', calc)).toBeUndefined()
  })

  it('rpc call of non-existent method', () => {
    expect(respond('{"jsonrpc": "2.0", "method": "foo.get", "id": "1"}', calc)).toEqual(rpcError('1', -32601))
  })

  it('rpc call with invalid JSON', () => {
    expect(respond('{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]', calc)).toEqual(
      rpcError(null, -32700),
    )
  })

  it('rpc call with invalid Request object', () => {
    expect(respond('{"jsonrpc": "2.0", "method": 1, "params": "bar"}', calc)).toEqual(rpcError(null, -32600))
  })

  it('rpc call Batch, invalid JSON', () => {
    const text = `[
      {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
      {"jsonrpc": "2.0", "method"
    ]`
    expect(respond(text, calc)).toEqual(rpcError(null, -32700))
  })

  it('rpc call with an empty Array', () => {
    expect(respond('[]', calc)).toEqual(rpcError(null, -32600))
  })

  it('rpc call with an invalid Batch (but not empty)', () => {
    expect(respond('[1]', calc)).toEqual([rpcError(null, -32600)])
  })

  it('rpc call with invalid Batch', () => {
    expect(respond('[1,2,3]', calc)).toEqual([
      rpcError(null, -32600),
      rpcError(null, -32600),
      rpcError(null, -32600),
    ])
  })

  it('rpc call Batch', () => {
    const text = `[
      {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
      {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},
      {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"},
      {"foo": "boo"},
      {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
      {"jsonrpc": "2.0", "method": "get_data", "id": "9"}
    ]`
    expect(respond(text, calc)).toEqual([
      { jsonrpc: '2.0', result: 7, id: '1' },
      { jsonrpc: '2.0', result: 19, id: '2' },
      rpcError(null, -32600),
      rpcError('5', -32601),
      { jsonrpc: '2.0', result: ['hello', 5], id: '9' },
    ])
  })

  it('rpc call Batch (all notifications) gets no response', () => {
    const text = `[
      {"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]},
      {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}
    ]`
    expect(respond(text, calc)).toBeUndefined()
  })
})

describe('parseRpcEntry', () => {
  it('treats a present null id as a call, not a notification', () => {
    expect(parseRpcEntry({ jsonrpc: '2.0', method: 'a', id: null })).toEqual({
      kind: 'request',
      id: null,
      method: 'a',
      params: undefined,
    })
  })

  it.each([
    ['a non-object', 'x', null, 'expected a request object'],
    ['an array member that is null', null, null, 'expected a request object'],
    ['an object id', { jsonrpc: '2.0', method: 'a', id: {} }, null, '"id" must be'],
    ['a boolean id', { jsonrpc: '2.0', method: 'a', id: true }, null, '"id" must be'],
    ['a wrong version', { jsonrpc: '1.0', method: 'a', id: 4 }, 4, '"jsonrpc" must be exactly "2.0"'],
    ['a missing method', { jsonrpc: '2.0', id: 'x' }, 'x', '"method" must be a string'],
    ['string params', { jsonrpc: '2.0', method: 'a', params: 'bar', id: 5 }, 5, '"params" must be'],
    ['null params', { jsonrpc: '2.0', method: 'a', params: null, id: 6 }, 6, '"params" must be'],
  ])('rejects %s with -32600, keeping a valid id', (_name, value, id, detail) => {
    const entry = parseRpcEntry(value)
    expect(entry.kind).toBe('invalid')
    const { response } = entry as { response: JsonRpcFailure }
    expect(response).toMatchObject({ id, error: { code: -32600, data: { code: 'OD_INVALID_REQUEST' } } })
    expect(response.error.message).toContain(detail)
  })

  it('keeps positional and named params as given', () => {
    expect(parseRequestValue({ jsonrpc: '2.0', method: 'm', params: { a: 1 } })).toEqual({
      kind: 'single',
      entry: { kind: 'notification', method: 'm', params: { a: 1 } },
    })
  })
})

describe('responses and error mapping', () => {
  it('turns undefined, functions and symbols into a null result', () => {
    expect(successResponse(1, undefined)).toEqual({ jsonrpc: '2.0', id: 1, result: null })
    expect(successResponse(1, () => 1).result).toBeNull()
    expect(successResponse(1, Symbol('x')).result).toBeNull()
    expect(successResponse(1, 0).result).toBe(0)
  })

  it('maps a DaemonError to its rpc code with data.code and its data', () => {
    const err = new DaemonError('OD_PLUGIN_NOT_FOUND', 'metrics', {
      data: { plugin: 'metrics', code: 'spoof' },
    })
    expect(toErrorObject(err)).toEqual({
      code: 2001,
      message: err.message,
      data: { code: 'OD_PLUGIN_NOT_FOUND', plugin: 'metrics' },
    })
  })

  it('maps any other thrown value to -32603 OD_INTERNAL', () => {
    expect(toErrorObject(new TypeError('x is undefined'))).toMatchObject({
      code: -32603,
      message: expect.stringContaining('x is undefined'),
      data: { code: 'OD_INTERNAL' },
    })
    expect(toErrorObject('a string')).toMatchObject({
      code: -32603,
      message: expect.stringContaining('a string'),
    })
  })

  it('round-trips a DaemonError through the wire with the same code, message and data', () => {
    const original = new DaemonError('OD_TIMEOUT', 'Request x', 5, { data: { method: 'x' } })
    const back = daemonErrorFromRpc(JSON.parse(JSON.stringify(toErrorObject(original))))
    expect(back).toBeInstanceOf(DaemonError)
    expect([back.code, back.rpcCode, back.message, back.data]).toEqual([
      'OD_TIMEOUT',
      1004,
      original.message,
      { method: 'x' },
    ])
  })

  it('leaves data undefined when the wire data only carried the code', () => {
    const back = daemonErrorFromRpc(toErrorObject(new DaemonError('OD_RATE_LIMITED', 10)))
    expect(back.data).toBeUndefined()
  })

  it('maps plain protocol errors (no data.code) to their OD_ codes', () => {
    expect(daemonErrorFromRpc({ code: -32601, message: 'Method not found' })).toMatchObject({
      code: 'OD_METHOD_NOT_FOUND',
      message: 'Method not found',
      data: undefined,
    })
    expect(daemonErrorFromRpc({ code: -32602, message: 'Invalid params', data: { path: 'a' } }).data).toEqual(
      { path: 'a' },
    )
    expect(daemonErrorFromRpc({ code: -32700, message: 'Parse error', data: 'detail' }).data).toEqual({
      data: 'detail',
    })
  })

  it('maps unknown codes to OD_INTERNAL keeping the rpc code and message', () => {
    const err = daemonErrorFromRpc({ code: 42, message: 'custom', data: { code: 'OD_NOT_A_CODE' } })
    expect([err.code, err.message, err.data]).toEqual([
      'OD_INTERNAL',
      'custom',
      { code: 'OD_NOT_A_CODE', rpcCode: 42 },
    ])
  })

  it('maps a malformed error object to OD_INTERNAL', () => {
    for (const bad of [null, 'x', { code: 'x', message: 'm' }, { code: 1 }]) {
      expect(daemonErrorFromRpc(bad).code).toBe('OD_INTERNAL')
    }
  })
})
