import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FrameType, LogSource } from '../../../src/ipc/frame-types.js'
import type { LogStreamChunk } from '../../../src/ipc/log-stream-payload.js'
import { json, rawConnect, startTestServer, type RawPeer, type TestServer } from './ipc-test-kit.js'

describe('IPC server protocol', () => {
  let t: TestServer
  let peer: RawPeer
  beforeEach(async () => {
    t = await startTestServer({ maxMessageSize: 4096 })
    peer = await rawConnect(t.socketPath)
    await peer.authenticate()
    await peer.nextFrame() // ok
  })
  afterEach(async () => {
    peer.socket.destroy()
    await t.stop()
  })

  const call = async (payload: string): Promise<unknown> => {
    peer.send(FrameType.request, payload)
    return json(await peer.nextFrame())
  }

  it('answers bad JSON with -32700 (id null) and keeps the connection usable', async () => {
    expect(await call('{"jsonrpc":')).toMatchObject({ id: null, error: { code: -32700 } })
    expect(await call('{"jsonrpc":"2.0","id":2,"method":"test.echo","params":["still here"]}')).toEqual({
      jsonrpc: '2.0',
      id: 2,
      result: ['still here'],
    })
  })

  it('answers a batch in one response frame', async () => {
    const batch =
      '[{"jsonrpc":"2.0","id":1,"method":"test.echo","params":[1]},{"jsonrpc":"2.0","method":"test.echo"},{"jsonrpc":"2.0","id":2,"method":"nope"}]'
    expect(await call(batch)).toEqual([
      { jsonrpc: '2.0', id: 1, result: [1] },
      {
        jsonrpc: '2.0',
        id: 2,
        error: expect.objectContaining({ code: -32601, data: { code: 'OD_METHOD_NOT_FOUND' } }),
      },
    ])
  })

  it('answers an empty batch with one -32600', async () => {
    expect(await call('[]')).toMatchObject({ id: null, error: { code: -32600 } })
  })

  it('carries domain errors with their rpc code and data.code', async () => {
    expect(await call('{"jsonrpc":"2.0","id":"f","method":"test.fail","params":{"name":"x"}}')).toEqual({
      jsonrpc: '2.0',
      id: 'f',
      error: {
        code: 2001,
        message: expect.stringContaining('"x"'),
        data: { code: 'OD_PLUGIN_NOT_FOUND', hint: 'test' },
      },
    })
  })

  it('refuses an oversized frame with OD_FRAME_TOO_LARGE (id null), then closes', async () => {
    peer.socket.write(Buffer.from([FrameType.request, 0, 0, 0x10, 0x01]))
    await peer.closed
    expect(json(peer.frames.at(-1) as never)).toMatchObject({
      id: null,
      error: {
        code: 1011,
        message: expect.stringContaining('4097 bytes exceeds the limit of 4096'),
        data: { code: 'OD_FRAME_TOO_LARGE' },
      },
    })
    expect((await t.nextEvent('disconnected')).reason).toBe('frame-too-large')
  })

  it('refuses an unknown frame type with OD_BAD_FRAME, then closes', async () => {
    peer.socket.write(Buffer.from([0x09, 0, 0, 0, 0]))
    await peer.closed
    expect(json(peer.frames.at(-1) as never)).toMatchObject({
      error: { code: 1012, message: expect.stringContaining('0x09') },
    })
    expect((await t.nextEvent('disconnected')).reason).toBe('bad-frame')
  })

  it.each([
    ['a response frame', FrameType.response, '{}'],
    ['a binary frame', FrameType.binary, Buffer.from([0, 0, 0, 1, 1])],
    ['a challenge frame', FrameType.authChallenge, '{}'],
  ])('refuses %s from a client with OD_BAD_FRAME', async (_name, type, payload) => {
    peer.send(type, payload)
    await peer.closed
    expect(json(peer.frames.at(-1) as never)).toMatchObject({
      error: { code: 1012, message: expect.stringContaining('may not send') },
    })
  })

  it('refuses a heartbeat that is not one byte 0x00/0x01', async () => {
    peer.send(FrameType.heartbeat, Buffer.from([7]))
    await peer.closed
    expect(json(peer.frames.at(-1) as never)).toMatchObject({
      error: { message: expect.stringContaining('heartbeat') },
    })
  })

  it('answers a ping with a pong and ignores a pong', async () => {
    peer.send(FrameType.heartbeat, Buffer.from([1]))
    peer.send(FrameType.heartbeat, Buffer.from([0]))
    const frame = await peer.nextFrame()
    expect([frame.type, [...frame.payload]]).toEqual([FrameType.heartbeat, [1]])
  })

  it('dispatches a 0x03 notification frame and never answers it', async () => {
    peer.send(FrameType.notification, '{"jsonrpc":"2.0","id":1,"method":"test.context"}')
    expect(await call('{"jsonrpc":"2.0","id":2,"method":"test.echo","params":[2]}')).toMatchObject({ id: 2 })
    expect(t.contexts).toHaveLength(1)
  })

  it('pushes events, notifications and binary frames from a handler context', async () => {
    peer.send(
      FrameType.request,
      '{"jsonrpc":"2.0","id":1,"method":"test.emit","params":{"event":"test:ping","data":{"at":1}}}',
    )
    const frames = [await peer.nextFrame(), await peer.nextFrame(), await peer.nextFrame()]
    expect(frames.map((f) => [f.type, json(f)])).toEqual([
      [
        FrameType.notification,
        { jsonrpc: '2.0', method: 'event', params: { event: 'test:ping', data: { at: 1 } } },
      ],
      [FrameType.notification, { jsonrpc: '2.0', method: 'custom.method', params: { n: 1 } }],
      [FrameType.response, { jsonrpc: '2.0', id: 1, result: true }],
    ])
  })

  it('sends to one connection by id, broadcasts to all authenticated ones, and streams binary', async () => {
    const client = await t.client()
    const seen: unknown[] = []
    const chunks: LogStreamChunk[] = []
    client.onNotification((method, params) => seen.push([method, params]))
    client.onBinary((chunk) => chunks.push(chunk))
    const ctx = (await client.request('test.context')) as { connectionId: string; queuedBytes: number }
    expect(ctx.queuedBytes).toBe(0) // nothing waiting in the socket for this client
    const unauthenticated = await rawConnect(t.socketPath)
    await unauthenticated.nextFrame()
    expect(t.server.sendEvent(ctx.connectionId, 'test:one', 1)).toBe(true)
    expect(t.server.notify(ctx.connectionId, 'm', [2])).toBe(true)
    expect(t.server.broadcast('all', { x: 3 })).toBe(2)
    expect(t.server.sendBinary(ctx.connectionId, 9, LogSource.stdout, Buffer.from('out\n'))).toBe(true)
    await client.request('test.echo') // responses travel behind the pushed frames
    expect(seen).toEqual([
      ['event', { event: 'test:one', data: 1 }],
      ['m', [2]],
      ['all', { x: 3 }],
    ])
    expect(chunks).toEqual([{ streamId: 9, source: 1, bytes: Buffer.from('out\n') }])
    expect(json(await peer.nextFrame())).toEqual({ jsonrpc: '2.0', method: 'all', params: { x: 3 } })
    unauthenticated.socket.destroy()
  })

  it('refuses to push to unknown ids and frames over maxMessageSize', async () => {
    expect(t.server.notify('999', 'm')).toBe(false)
    expect(t.server.sendEvent('999', 'e', null)).toBe(false)
    expect(t.server.sendBinary('999', 1, LogSource.stderr, Buffer.alloc(1))).toBe(false)
    expect(t.server.broadcast('m', 'x'.repeat(5000))).toBe(0)
    const [info] = t.server.connections()
    expect(t.server.sendBinary(info?.id ?? '', 1, LogSource.stderr, Buffer.alloc(5000))).toBe(false)
    expect(t.server.notify(info?.id ?? '', 'm', 'x'.repeat(5000))).toBe(false)
  })

  it('sends binary frames through the handler context', async () => {
    const client = await t.client()
    await client.request('test.context')
    const ctx = t.contexts[0]
    const got = new Promise<LogStreamChunk>((resolve) => client.onBinary(resolve))
    expect(ctx?.sendBinary(3, LogSource.stderr, Buffer.from('err'))).toBe(true)
    expect(await got).toEqual({ streamId: 3, source: 2, bytes: Buffer.from('err') })
  })

  it('drops a binary frame larger than maxMessageSize sent through the context', async () => {
    const client = await t.client()
    await client.request('test.context')
    expect(t.contexts[0]?.sendBinary(1, LogSource.stdout, Buffer.alloc(5000))).toBe(false)
  })

  it('answers a response larger than maxMessageSize with OD_FRAME_TOO_LARGE for that id', async () => {
    expect(await call('{"jsonrpc":"2.0","id":5,"method":"test.big","params":{"bytes":5000}}')).toMatchObject({
      id: 5,
      error: { code: 1011 },
    })
  })

  it('aborts the context signal when the connection closes', async () => {
    const client = await t.client()
    await client.request('test.context')
    const ctx = t.contexts[0]
    expect(ctx?.signal.aborted).toBe(false)
    await client.close()
    await t.nextEvent('disconnected')
    expect(ctx?.signal.aborted).toBe(true)
    expect(ctx?.sendEvent('late', null)).toBe(false)
  })

  it('lists connections with their state', async () => {
    const client = await t.client()
    await client.request('test.echo')
    const infos = t.server.connections()
    expect(infos).toHaveLength(2)
    expect(infos[1]).toMatchObject({
      authenticated: true,
      client: { name: 'kit' },
      inFlight: 0,
      queuedBytes: 0,
    })
  })
})
