import { describe, expect, it } from 'vitest'
import { DaemonError } from '../../../src/errors/daemon-error.js'
import {
  createRequestHandler,
  type IpcDispatch,
  type IpcRequestContext,
  type RequestHandlerDeps,
} from '../../../src/ipc/request-handler.js'

const context: IpcRequestContext = {
  connectionId: '1',
  client: { name: 'test', version: '1', pid: 1 },
  signal: new AbortController().signal,
  notify: () => true,
  sendEvent: () => true,
  sendBinary: () => true,
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

function setup(dispatch: IpcDispatch, over: Partial<RequestHandlerDeps> = {}) {
  const sent: unknown[] = []
  const unexpected: [unknown, string][] = []
  const handler = createRequestHandler({
    dispatch,
    context,
    admit: () => null,
    respond: (json) => sent.push(JSON.parse(json)),
    maxMessageSize: 1000,
    onUnexpectedError: (err, method) => unexpected.push([err, method]),
    ...over,
  })
  const settle = (): Promise<void> => new Promise((r) => setImmediate(r))
  return { handler, sent, unexpected, settle }
}

const req = (id: number | string, method: string, params?: unknown): string =>
  JSON.stringify({ jsonrpc: '2.0', id, method, params })

describe('createRequestHandler', () => {
  it('answers a call with the dispatch result and passes method, params and context', async () => {
    const calls: unknown[] = []
    const { handler, sent, settle } = setup((method, params, ctx) => {
      calls.push([method, params, ctx])
      return { ok: true }
    })
    handler.handle(req(1, 'test.echo', [1, 2]), true)
    await settle()
    expect(calls).toEqual([['test.echo', [1, 2], context]])
    expect(sent).toEqual([{ jsonrpc: '2.0', id: 1, result: { ok: true } }])
  })

  it('answers concurrent requests in completion order', async () => {
    const gates = new Map([
      ['a', deferred<string>()],
      ['b', deferred<string>()],
    ])
    const { handler, sent, settle } = setup((method) => gates.get(method)?.promise)
    handler.handle(req(1, 'a'), true)
    handler.handle(req(2, 'b'), true)
    expect(handler.inFlight).toBe(2)
    gates.get('b')?.resolve('B')
    await settle()
    gates.get('a')?.resolve('A')
    await settle()
    expect(sent).toEqual([
      { jsonrpc: '2.0', id: 2, result: 'B' },
      { jsonrpc: '2.0', id: 1, result: 'A' },
    ])
  })

  it('maps a thrown DaemonError to its error object without reporting it as unexpected', async () => {
    const { handler, sent, unexpected, settle } = setup((method) => {
      throw new DaemonError('OD_METHOD_NOT_FOUND', method)
    })
    handler.handle(req('x', 'nope'), true)
    await settle()
    expect(sent).toEqual([
      {
        jsonrpc: '2.0',
        id: 'x',
        error: expect.objectContaining({ code: -32601, data: { code: 'OD_METHOD_NOT_FOUND' } }),
      },
    ])
    expect(unexpected).toEqual([])
  })

  it('maps any other failure to -32603 and reports it', async () => {
    const boom = new TypeError('boom')
    const { handler, sent, unexpected, settle } = setup(() => Promise.reject(boom))
    handler.handle(req(1, 'test.fail'), true)
    await settle()
    expect(sent).toEqual([{ jsonrpc: '2.0', id: 1, error: expect.objectContaining({ code: -32603 }) }])
    expect(unexpected).toEqual([[boom, 'test.fail']])
  })

  it('answers bad JSON with -32700 and an invalid request with -32600', async () => {
    const { handler, sent, settle } = setup(() => 1)
    handler.handle('{oops', true)
    handler.handle('{"jsonrpc":"2.0","method":5,"id":9}', true)
    await settle()
    expect(sent).toEqual([
      expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32700 }) }),
      expect.objectContaining({ id: 9, error: expect.objectContaining({ code: -32600 }) }),
    ])
  })

  it('dispatches notifications without answering, even when they fail', async () => {
    const seen: string[] = []
    const { handler, sent, settle } = setup((method) => {
      seen.push(method)
      if (method === 'bad') throw new DaemonError('OD_METHOD_NOT_FOUND', method)
    })
    handler.handle('{"jsonrpc":"2.0","method":"good"}', true)
    handler.handle('{"jsonrpc":"2.0","method":"bad"}', true)
    await settle()
    expect([seen, sent]).toEqual([['good', 'bad'], []])
  })

  it('suppresses every response of a notification frame (respond = false)', async () => {
    const { handler, sent, settle } = setup(() => 1)
    handler.handle(req(1, 'a'), false)
    handler.handle('{bad', false)
    handler.handle(`[${req(2, 'b')}]`, false)
    await settle()
    expect(sent).toEqual([])
  })

  it('answers a batch once, after its slowest call, in request order', async () => {
    const slow = deferred<string>()
    const { handler, sent, settle } = setup((method) => (method === 'slow' ? slow.promise : 'F'))
    handler.handle(`[${req(1, 'slow')},{"jsonrpc":"2.0","method":"n"},${req(2, 'fast')},7]`, true)
    await settle()
    expect(sent).toEqual([])
    slow.resolve('S')
    await settle()
    expect(sent).toEqual([
      [
        { jsonrpc: '2.0', id: 1, result: 'S' },
        { jsonrpc: '2.0', id: 2, result: 'F' },
        expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32600 }) }),
      ],
    ])
  })

  it('sends nothing for an all-notification batch', async () => {
    const { handler, sent, settle } = setup(() => 1)
    handler.handle('[{"jsonrpc":"2.0","method":"a"},{"jsonrpc":"2.0","method":"b"}]', true)
    await settle()
    expect(sent).toEqual([])
  })

  it('counts a batch by its length and refuses every call in it with the admit error', async () => {
    const counts: number[] = []
    const refusal = new DaemonError('OD_RATE_LIMITED', 5)
    const dispatched: string[] = []
    const { handler, sent, settle } = setup(
      (method) => {
        dispatched.push(method)
      },
      {
        admit: (count) => {
          counts.push(count)
          return count > 1 ? refusal : null
        },
      },
    )
    handler.handle(`[${req(1, 'a')},{"jsonrpc":"2.0","method":"n"},${req(2, 'b')}]`, true)
    handler.handle('{"jsonrpc":"2.0","method":"n"}', true)
    await settle()
    expect(counts).toEqual([3, 1])
    expect(dispatched).toEqual(['n'])
    expect(sent).toEqual([
      [
        expect.objectContaining({
          id: 1,
          error: expect.objectContaining({ code: 1013, data: { code: 'OD_RATE_LIMITED' } }),
        }),
        expect.objectContaining({ id: 2, error: expect.objectContaining({ code: 1013 }) }),
      ],
    ])
  })

  it('refuses a single call and drops a single notification when admit says no', async () => {
    const dispatched: string[] = []
    const { handler, sent, settle } = setup((m) => dispatched.push(m), {
      admit: () => new DaemonError('OD_DAEMON_SHUTTING_DOWN'),
    })
    handler.handle(req(1, 'a'), true)
    handler.handle('{"jsonrpc":"2.0","method":"n"}', true)
    await settle()
    expect(dispatched).toEqual([])
    expect(sent).toEqual([expect.objectContaining({ id: 1, error: expect.objectContaining({ code: 1005 }) })])
  })

  it('replaces a result JSON cannot encode with an OD_INTERNAL error for that id', async () => {
    const { handler, sent, settle } = setup(() => ({ big: 1n }))
    handler.handle(req(4, 'a'), true)
    handler.handle(`[${req(5, 'a')}]`, true)
    await settle()
    expect(sent).toEqual([
      expect.objectContaining({
        id: 4,
        error: expect.objectContaining({ code: -32603, message: expect.stringContaining('request 4') }),
      }),
      [expect.objectContaining({ id: 5, error: expect.objectContaining({ code: -32603 }) })],
    ])
  })

  it('replaces a response larger than maxMessageSize with OD_FRAME_TOO_LARGE for that id', async () => {
    const { handler, sent, settle } = setup((method) => (method === 'big' ? 'é'.repeat(600) : 'small'))
    handler.handle(req(1, 'big'), true)
    handler.handle(req(2, 'small'), true)
    await settle()
    expect(sent).toEqual([
      expect.objectContaining({
        id: 1,
        error: expect.objectContaining({ code: 1011, data: { code: 'OD_FRAME_TOO_LARGE' } }),
      }),
      { jsonrpc: '2.0', id: 2, result: 'small' },
    ])
  })

  it('replaces every member of a batch that would exceed maxMessageSize', async () => {
    const { handler, sent, settle } = setup(() => 'x'.repeat(400))
    handler.handle(`[${req(1, 'a')},${req(2, 'a')},${req(3, 'a')}]`, true)
    await settle()
    expect(sent).toEqual([
      [1, 2, 3].map((id) => expect.objectContaining({ id, error: expect.objectContaining({ code: 1011 }) })),
    ])
  })

  it('whenIdle resolves at once when idle and after the last dispatch otherwise', async () => {
    const gate = deferred<void>()
    const { handler, settle } = setup(() => gate.promise)
    await handler.whenIdle()
    handler.handle(req(1, 'a'), true)
    let idle = false
    void handler.whenIdle().then(() => (idle = true))
    await settle()
    expect(idle).toBe(false)
    gate.resolve()
    await settle()
    expect([idle, handler.inFlight]).toEqual([true, 0])
  })
})
