import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectClient } from '../../../src/ipc/client-connection.js'
import { FrameType } from '../../../src/ipc/frame-types.js'
import { json, rawConnect, startTestServer, TOKEN, type TestServer } from './ipc-test-kit.js'

describe('IPC server authentication', () => {
  let t: TestServer
  beforeEach(async () => {
    t = await startTestServer({ authTimeoutMs: 200 })
  })
  afterEach(() => t.stop())

  it('sends a challenge with a 64-hex nonce, the daemon version and pid on connect', async () => {
    const peer = await rawConnect(t.socketPath)
    const frame = await peer.nextFrame()
    expect(frame.type).toBe(FrameType.authChallenge)
    expect(json(frame)).toEqual({
      v: 1,
      nonce: expect.stringMatching(/^[0-9a-f]{64}$/),
      version: '9.9.9',
      pid: process.pid,
    })
    peer.socket.destroy()
  })

  it('accepts the right token, answers ok and serves requests pipelined right behind the answer', async () => {
    const peer = await rawConnect(t.socketPath)
    await peer.authenticate()
    peer.send(FrameType.request, '{"jsonrpc":"2.0","id":1,"method":"test.echo","params":[1]}')
    expect(json(await peer.nextFrame())).toEqual({ v: 1, ok: true })
    expect(json(await peer.nextFrame())).toEqual({ jsonrpc: '2.0', id: 1, result: [1] })
    const authenticated = await t.nextEvent('authenticated')
    expect(authenticated.client).toEqual({ name: 'raw', version: '0', pid: 1 })
    peer.socket.destroy()
  })

  it('a client with the right token gets results and the daemon info', async () => {
    const client = await t.client()
    expect(await client.request('test.echo', { a: 1 })).toEqual({ a: 1 })
    await client.authenticated
    expect(client.daemon).toEqual({ version: '9.9.9', pid: process.pid })
  })

  it('refuses a wrong token with OD_AUTH_FAILED, then closes', async () => {
    const peer = await rawConnect(t.socketPath)
    await peer.authenticate('00'.repeat(32))
    expect(json(await peer.nextFrame())).toEqual({
      v: 1,
      ok: false,
      error: { code: 'OD_AUTH_FAILED', message: expect.stringContaining('wrong token') },
    })
    await peer.closed
    expect((await t.nextEvent('auth-failed')).reason).toContain('wrong token')
    expect((await t.nextEvent('disconnected')).reason).toBe('auth-failed')
  })

  it('rejects pipelined requests of a client with a wrong token with OD_AUTH_FAILED naming its token file', async () => {
    const client = await connectClient({ socketPath: t.socketPath, token: '00'.repeat(32) })
    const result = client.request('test.echo', [1])
    await expect(result).rejects.toMatchObject({
      code: 'OD_AUTH_FAILED',
      message: expect.stringContaining('the token given to connectClient'),
    })
    await expect(client.authenticated).rejects.toMatchObject({ code: 'OD_AUTH_FAILED' })
    expect(client.closed).toBe(true)
    expect(client.closeReason?.code).toBe('OD_AUTH_FAILED')
  })

  it('closes a connection that never authenticates after authTimeoutMs', async () => {
    const peer = await rawConnect(t.socketPath)
    await peer.nextFrame()
    await peer.closed
    expect(json(await peer.nextFrame())).toMatchObject({ ok: false, error: { code: 'OD_TIMEOUT' } })
    expect((await t.nextEvent('disconnected')).reason).toBe('auth-timeout')
  })

  it('refuses a request sent before authentication', async () => {
    const peer = await rawConnect(t.socketPath)
    peer.send(FrameType.request, '{"jsonrpc":"2.0","id":1,"method":"test.echo"}')
    await peer.closed
    expect(peer.frames.map((f) => f.type)).toEqual([FrameType.authChallenge, FrameType.authResponse])
    expect(json(peer.frames[1] as never)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('0x01 arrived before authentication') },
    })
  })

  it('answers heartbeats before authentication', async () => {
    const peer = await rawConnect(t.socketPath)
    await peer.nextFrame()
    peer.send(FrameType.heartbeat, Buffer.from([0]))
    const pong = await peer.nextFrame()
    expect([pong.type, [...pong.payload]]).toEqual([FrameType.heartbeat, [1]])
    peer.socket.destroy()
  })

  it('refuses a malformed auth answer', async () => {
    const peer = await rawConnect(t.socketPath)
    await peer.nextFrame()
    peer.send(FrameType.authResponse, 'not json')
    expect(json(await peer.nextFrame())).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('not JSON of the form') },
    })
    await peer.closed
  })

  it('drops garbage bytes before authentication with OD_BAD_FRAME', async () => {
    const peer = await rawConnect(t.socketPath)
    peer.socket.write(Buffer.from('GET / HTTP/1.1\r\n\r\n'))
    await peer.closed
    const last = peer.frames.at(-1)
    expect(last?.type).toBe(FrameType.response)
    expect(json(last as never)).toMatchObject({
      id: null,
      error: { code: 1012, data: { code: 'OD_BAD_FRAME' } },
    })
  })

  it('rejects an auth answer sent twice', async () => {
    const peer = await rawConnect(t.socketPath)
    await peer.authenticate()
    await peer.nextFrame()
    peer.send(FrameType.authResponse, JSON.stringify({ v: 1, hmac: 'x' }))
    await peer.closed
    expect(json(peer.frames.at(-1) as never)).toMatchObject({ error: { data: { code: 'OD_BAD_FRAME' } } })
  })

  it('reports connected, authenticated and disconnected events with the client info', async () => {
    const client = await t.client()
    await client.authenticated
    await client.close()
    const disconnected = await t.nextEvent('disconnected')
    expect(t.events.map((e) => e.type)).toEqual(['connected', 'authenticated', 'disconnected'])
    expect(disconnected).toMatchObject({
      connectionId: '1',
      reason: 'client-closed',
      client: { name: 'kit', version: '1.0.0' },
      durationMs: expect.any(Number),
    })
  })

  it('keeps serving when an onEvent handler throws', async () => {
    const throwing = await startTestServer(
      {},
      {
        onEvent: () => {
          throw new Error('handler bug')
        },
      },
    )
    try {
      const client = await throwing.client()
      expect(await client.request('test.echo', [TOKEN.length])).toEqual([64])
    } finally {
      await throwing.stop()
    }
  })
})
