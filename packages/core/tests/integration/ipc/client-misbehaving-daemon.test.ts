import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeClock } from '../../../src/fake-clock.js'
import { connectClient, type IpcClient } from '../../../src/ipc/client-connection.js'
import { encodeFrame, FrameDecoder, type Frame } from '../../../src/ipc/frame-codec.js'
import { FrameType, type FrameTypeCode } from '../../../src/ipc/frame-types.js'
import type { IpcClock } from '../../../src/ipc/ipc-deps.js'
import { TOKEN } from './ipc-test-kit.js'

const NONCE = 'ab'.repeat(32)
const CHALLENGE = JSON.stringify({ v: 1, nonce: NONCE, version: 'fake', pid: 1 })

/** The daemon side of one connection, driven by the test. */
interface FakePeer {
  socket: Socket
  frame(type: FrameTypeCode, payload: Buffer | string): Buffer
  send(type: FrameTypeCode, payload: Buffer | string): void
  /** Next frame from the client. */
  next(): Promise<Frame>
}

interface FakeDaemon {
  socketPath: string
  peer: Promise<FakePeer>
  stop(): Promise<void>
}

async function startFakeDaemon(): Promise<FakeDaemon> {
  const dir = mkdtempSync('/tmp/od-')
  const socketPath = join(dir, 'od.sock')
  let resolvePeer!: (peer: FakePeer) => void
  const peer = new Promise<FakePeer>((resolve) => (resolvePeer = resolve))
  const sockets: Socket[] = []
  const server: Server = createServer((socket) => {
    sockets.push(socket)
    socket.on('error', () => undefined)
    const decoder = new FrameDecoder({ maxPayload: 1 << 20 })
    const frames: Frame[] = []
    let wake: (() => void) | null = null
    socket.on('data', (chunk) => {
      frames.push(...decoder.push(chunk))
      wake?.()
    })
    resolvePeer({
      socket,
      frame: (type, payload) => encodeFrame(type, payload),
      send: (type, payload) => void socket.write(encodeFrame(type, payload)),
      async next() {
        while (frames.length === 0) await new Promise<void>((resolve) => (wake = resolve))
        return frames.shift() as Frame
      },
    })
  })
  await new Promise<void>((resolve) => server.listen(socketPath, resolve))
  return {
    socketPath,
    peer,
    async stop() {
      for (const s of sockets) s.destroy()
      await new Promise((resolve) => server.close(resolve))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Connect, let the fake daemon send a valid challenge, and consume the auth answer. */
async function connected(daemon: FakeDaemon): Promise<{ client: IpcClient; peer: FakePeer }> {
  const connecting = connectClient({ socketPath: daemon.socketPath, token: TOKEN })
  const peer = await daemon.peer
  peer.send(FrameType.authChallenge, CHALLENGE)
  const client = await connecting
  expect((await peer.next()).type).toBe(FrameType.authResponse)
  return { client, peer }
}

const request = (client: IpcClient): Promise<unknown> => client.request('m', [], { timeoutMs: 5_000 })

describe('IPC client against a misbehaving daemon', () => {
  let daemon: FakeDaemon
  afterEach(() => daemon.stop())

  const handshakeFailure = async (act: (peer: FakePeer) => void, options: { timeoutMs?: number } = {}) => {
    daemon = await startFakeDaemon()
    const connecting = connectClient({ socketPath: daemon.socketPath, token: TOKEN, ...options })
    act(await daemon.peer)
    return connecting
  }

  it('times out waiting for a challenge that never comes', async () => {
    await expect(handshakeFailure(() => undefined, { timeoutMs: 100 })).rejects.toMatchObject({
      code: 'OD_TIMEOUT',
      message: expect.stringContaining("Waiting for the daemon's auth challenge timed out after 100 ms"),
    })
  })

  it('reports a daemon that closes before its challenge', async () => {
    await expect(handshakeFailure((p) => p.socket.end())).rejects.toMatchObject({
      code: 'OD_CONNECTION_CLOSED',
      message: expect.stringContaining('before sending its challenge'),
    })
  })

  it.each([
    ['a malformed challenge', FrameType.authChallenge, '{"v":1,"nonce":"short"}', 'auth challenge is not'],
    ['a response instead of a challenge', FrameType.response, '{}', 'expected an auth challenge'],
    [
      'a malformed auth result instead of a challenge',
      FrameType.authResponse,
      'x',
      'expected an auth challenge',
    ],
  ])('rejects %s with OD_BAD_FRAME', async (_name, type, payload, message) => {
    await expect(handshakeFailure((p) => p.send(type, payload))).rejects.toMatchObject({
      code: 'OD_BAD_FRAME',
      message: expect.stringContaining(message),
    })
  })

  it('rejects garbage bytes instead of a challenge', async () => {
    await expect(
      handshakeFailure((p) => p.socket.write(Buffer.from([0x66, 0, 0, 0, 0]))),
    ).rejects.toMatchObject({
      code: 'OD_BAD_FRAME',
    })
  })

  it('passes on a refusal with a known code, and wraps an unknown one', async () => {
    const refusal = (code: string) =>
      JSON.stringify({ v: 1, ok: false, error: { code, message: `refused: ${code}` } })
    await expect(
      handshakeFailure((p) => p.send(FrameType.authResponse, refusal('OD_TIMEOUT'))),
    ).rejects.toMatchObject({
      code: 'OD_TIMEOUT',
      message: 'refused: OD_TIMEOUT',
    })
    await daemon.stop()
    await expect(
      handshakeFailure((p) => p.send(FrameType.authResponse, refusal('OD_FUTURE_THING'))),
    ).rejects.toMatchObject({
      code: 'OD_CONNECTION_CLOSED',
      message: 'refused: OD_FUTURE_THING',
      data: { code: 'OD_FUTURE_THING' },
    })
  })

  it('times out connecting when the connect does not complete in time', async () => {
    daemon = await startFakeDaemon()
    const immediate: IpcClock = {
      now: () => Date.now(),
      setTimeout: (fn) => {
        queueMicrotask(fn)
        return 0
      },
      clearTimeout: () => undefined,
    }
    await expect(
      connectClient({ socketPath: daemon.socketPath, token: TOKEN, clock: immediate, timeoutMs: 7 }),
    ).rejects.toMatchObject({
      code: 'OD_TIMEOUT',
      message: expect.stringContaining('Connecting to'),
    })
  })

  it('handles frames that arrive in the same chunk as the challenge', async () => {
    daemon = await startFakeDaemon()
    const connecting = connectClient({ socketPath: daemon.socketPath, token: TOKEN })
    const peer = await daemon.peer
    const event = peer.frame(FrameType.notification, '{"jsonrpc":"2.0","method":"early","params":1}')
    const ping = peer.frame(FrameType.heartbeat, Buffer.from([0]))
    peer.socket.write(Buffer.concat([peer.frame(FrameType.authChallenge, CHALLENGE), event, ping]))
    const client = await connecting
    expect((await peer.next()).type).toBe(FrameType.authResponse)
    const pong = await peer.next()
    expect([pong.type, [...pong.payload]]).toEqual([FrameType.heartbeat, [1]])
    expect(client.daemon).toEqual({ version: 'fake', pid: 1 })
  })

  it('settles batch responses and ignores entries it cannot match', async () => {
    daemon = await startFakeDaemon()
    const { client, peer } = await connected(daemon)
    const a = request(client)
    const b = request(client)
    await peer.next()
    await peer.next()
    const batch = [
      1,
      null,
      { jsonrpc: '2.0', id: 'str', result: 0 },
      { jsonrpc: '2.0', id: 'str', error: { code: 1, message: 'm' } },
      { jsonrpc: '2.0', id: 99, result: 'unknown id' },
      {
        jsonrpc: '2.0',
        id: 2,
        error: { code: 2001, message: 'nope', data: { code: 'OD_PLUGIN_NOT_FOUND' } },
      },
      { jsonrpc: '2.0', id: 1, result: 'one' },
    ]
    peer.send(FrameType.response, JSON.stringify(batch))
    expect(await a).toBe('one')
    await expect(b).rejects.toMatchObject({ code: 'OD_PLUGIN_NOT_FOUND', message: 'nope' })
  })

  it('rejects pending requests with the error the daemon announced (id null) before closing', async () => {
    daemon = await startFakeDaemon()
    const { client, peer } = await connected(daemon)
    const pending = request(client)
    await peer.next()
    peer.send(
      FrameType.response,
      JSON.stringify({
        jsonrpc: '2.0',
        id: null,
        error: { code: 1011, message: 'too big', data: { code: 'OD_FRAME_TOO_LARGE' } },
      }),
    )
    peer.socket.end()
    await expect(pending).rejects.toMatchObject({ code: 'OD_FRAME_TOO_LARGE', message: 'too big' })
    expect(client.closeReason?.code).toBe('OD_FRAME_TOO_LARGE')
  })

  it.each([
    ['a response that is not JSON', FrameType.response, '{', 'response that is not JSON'],
    ['a notification that is not JSON', FrameType.notification, '{', 'notification that is not JSON'],
    ['a bad binary frame', FrameType.binary, Buffer.from([1]), 'binary frame payload'],
    ['a request frame', FrameType.request, '{}', 'unexpected frame of type 1'],
    ['a malformed auth result', FrameType.authResponse, '{"v":1}', 'malformed auth result'],
  ])('closes on %s with OD_BAD_FRAME and rejects what is pending', async (_name, type, payload, message) => {
    daemon = await startFakeDaemon()
    const { client, peer } = await connected(daemon)
    const pending = request(client)
    peer.send(type, payload)
    await expect(pending).rejects.toMatchObject({
      code: 'OD_BAD_FRAME',
      message: expect.stringContaining(message),
    })
    await expect(client.authenticated).rejects.toMatchObject({ code: 'OD_BAD_FRAME' })
  })

  it('closes on garbage bytes after the handshake', async () => {
    daemon = await startFakeDaemon()
    const { client, peer } = await connected(daemon)
    const closed = new Promise((resolve) => client.onClose(resolve))
    peer.socket.write(Buffer.from([0xee, 1, 2, 3, 4, 5]))
    expect(await closed).toMatchObject({ code: 'OD_BAD_FRAME' })
  })

  it('ignores notifications without a method and delivers the rest', async () => {
    daemon = await startFakeDaemon()
    const { client, peer } = await connected(daemon)
    const seen: unknown[] = []
    client.onNotification((method, params) => seen.push([method, params]))
    peer.send(FrameType.notification, 'null')
    peer.send(FrameType.notification, '{"jsonrpc":"2.0","params":1}')
    peer.send(FrameType.notification, '{"jsonrpc":"2.0","method":"event","params":{"event":"x:y","data":1}}')
    peer.send(FrameType.authResponse, '{"v":1,"ok":true}')
    await client.authenticated
    expect(seen).toEqual([['event', { event: 'x:y', data: 1 }]])
  })

  it('times out a ping the daemon does not answer, then matches later pongs correctly', async () => {
    daemon = await startFakeDaemon()
    const { client, peer } = await connected(daemon)
    await expect(client.ping({ timeoutMs: 30 })).rejects.toMatchObject({
      code: 'OD_TIMEOUT',
      message: expect.stringContaining('Ping'),
    })
    const second = client.ping({ timeoutMs: 5_000 })
    await peer.next()
    await peer.next()
    const pong = Buffer.from([1])
    peer.send(FrameType.heartbeat, pong) // answers the timed-out ping: must not resolve the second
    peer.send(FrameType.heartbeat, pong)
    peer.send(FrameType.heartbeat, pong) // unsolicited: ignored
    expect(await second).toBeGreaterThanOrEqual(0)
  })

  it('rejects an outstanding ping when the connection closes', async () => {
    daemon = await startFakeDaemon()
    const { client, peer } = await connected(daemon)
    const ping = client.ping()
    await peer.next()
    peer.socket.destroy()
    await expect(ping).rejects.toMatchObject({
      code: 'OD_CONNECTION_CLOSED',
      message: expect.stringContaining('the daemon closed'),
    })
  })

  it('destroys the socket after a grace period on close() when its bytes cannot be flushed', async () => {
    daemon = await startFakeDaemon()
    const clock = createFakeClock(Date.now())
    const connecting = connectClient({ socketPath: daemon.socketPath, token: TOKEN, clock })
    const peer = await daemon.peer
    peer.send(FrameType.authChallenge, CHALLENGE)
    const client = await connecting
    peer.socket.pause() // the daemon stops reading: a large write stays queued
    expect(client.notify('big', ['x'.repeat(4 << 20)])).toBe(true)
    const closing = client.close()
    expect(client.closed).toBe(false)
    clock.advance(1_000)
    await closing
    expect(client.closeReason?.message).toContain('closed by this client')
  })
})

describe('IPC client when the daemon resets the connection', () => {
  it('survives a reset with unread data and reports OD_CONNECTION_CLOSED', async () => {
    const daemon = await startFakeDaemon()
    try {
      const { client, peer } = await connected(daemon)
      peer.socket.pause()
      const pending = client.request('m', ['x'.repeat(2 << 20)])
      await new Promise((resolve) => setImmediate(resolve))
      peer.socket.destroy()
      await expect(pending).rejects.toMatchObject({ code: 'OD_CONNECTION_CLOSED' })
    } finally {
      await daemon.stop()
    }
  })
})
