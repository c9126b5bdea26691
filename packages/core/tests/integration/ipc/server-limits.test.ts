import { afterEach, describe, expect, it } from 'vitest'
import { FrameType } from '../../../src/ipc/frame-types.js'
import { connectClient } from '../../../src/ipc/client-connection.js'
import type { IpcLogger } from '../../../src/ipc/ipc-deps.js'
import { json, rawConnect, startTestServer, TOKEN, type TestServer } from './ipc-test-kit.js'

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setImmediate(resolve))
  }
}

describe('IPC server limits', () => {
  let t: TestServer
  afterEach(() => t.stop())

  it('disconnects a client that starts a frame and stalls, after frameTimeoutMs, without blocking others', async () => {
    t = await startTestServer({ frameTimeoutMs: 200 })
    const slow = await rawConnect(t.socketPath)
    await slow.authenticate()
    await slow.nextFrame()
    slow.socket.write(Buffer.from([FrameType.request]))
    const started = Date.now()
    const client = await t.client()
    for (let i = 0; i < 50; i++) expect(await client.request('test.echo', [i])).toEqual([i])
    await slow.closed
    expect(Date.now() - started).toBeGreaterThanOrEqual(150)
    expect(json(slow.frames.at(-1) as never)).toMatchObject({
      error: { code: 1004, data: { code: 'OD_TIMEOUT' } },
    })
    expect((await t.nextEvent('disconnected')).reason).toBe('frame-timeout')
    expect(await client.request('test.echo', ['after'])).toEqual(['after'])
  })

  it('restarts the frame clock for each new frame in a stream', async () => {
    t = await startTestServer({ frameTimeoutMs: 200 })
    const peer = await rawConnect(t.socketPath)
    await peer.authenticate()
    await peer.nextFrame()
    const frame = Buffer.from([FrameType.heartbeat, 0, 0, 0, 1, 0])
    peer.socket.write(Buffer.concat([frame, frame.subarray(0, 2)]))
    expect((await peer.nextFrame()).type).toBe(FrameType.heartbeat)
    peer.socket.write(frame.subarray(2))
    expect((await peer.nextFrame()).type).toBe(FrameType.heartbeat)
    expect(t.server.connections()).toHaveLength(1)
    peer.socket.destroy()
  })

  it('closes an authenticated connection that sends nothing for idleTimeoutMs', async () => {
    t = await startTestServer({ idleTimeoutMs: 200 })
    const peer = await rawConnect(t.socketPath)
    await peer.authenticate()
    await peer.closed
    expect(peer.frames.map((f) => f.type)).toEqual([FrameType.authChallenge, FrameType.authResponse])
    expect((await t.nextEvent('disconnected')).reason).toBe('idle-timeout')
  })

  it('keeps a subscribed client alive past the idle timeout with its pings', async () => {
    t = await startTestServer({ idleTimeoutMs: 300 })
    const client = await t.client({ pingIntervalMs: 50 })
    client.onNotification(() => undefined)
    await client.authenticated
    const since = t.server.connections()[0]?.lastFrameAt ?? 0
    // Only pings arrive from now on; a frame received 2 idle timeouts later proves they kept it open.
    await until(
      () => (t.server.connections()[0]?.lastFrameAt ?? 0) - since >= 600,
      'pings past twice the idle timeout',
    )
    expect(client.closed).toBe(false)
    expect(await client.request('test.echo', [1])).toEqual([1])
  })

  it('answers requests over the rate limit with OD_RATE_LIMITED, counting a batch by its length', async () => {
    t = await startTestServer({ rateLimit: { perSecond: 0.001, burst: 3 } })
    const client = await t.client()
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => client.request('test.echo', [i])))
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected'])
    expect(results[3]).toMatchObject({
      reason: { code: 'OD_RATE_LIMITED', message: expect.stringContaining('limit 0.001/s') },
    })
    const t2 = await startTestServer({ rateLimit: { perSecond: 0.001, burst: 2 } })
    try {
      const peer = await rawConnect(t2.socketPath)
      await peer.authenticate()
      await peer.nextFrame()
      peer.send(
        FrameType.request,
        '[{"jsonrpc":"2.0","id":1,"method":"test.echo"},{"jsonrpc":"2.0","id":2,"method":"test.echo"},{"jsonrpc":"2.0","id":3,"method":"test.echo"}]',
      )
      const answer = json(await peer.nextFrame()) as { error: { code: number } }[]
      expect(answer.map((r) => r.error.code)).toEqual([1013, 1013, 1013])
      peer.socket.destroy()
    } finally {
      await t2.stop()
    }
  })

  it('refuses connections beyond maxConnections with OD_CONNECTION_CLOSED, and accepts again after one leaves', async () => {
    t = await startTestServer({ maxConnections: 2 })
    const first = await t.client()
    await t.client()
    await expect(connectClient({ socketPath: t.socketPath, token: TOKEN })).rejects.toMatchObject({
      code: 'OD_CONNECTION_CLOSED',
      message: expect.stringContaining('ipc.maxConnections'),
    })
    expect(await t.nextEvent('rejected')).toMatchObject({ reason: 'max-connections' })
    await first.close()
    await t.nextEvent('disconnected')
    const again = await t.client()
    expect(await again.request('test.echo', ['ok'])).toEqual(['ok'])
  })

  it('stops reading from a client that does not read its responses, and resumes once it does', async () => {
    t = await startTestServer({ maxMessageSize: 65_536, writeHighWaterMark: 16_384 })
    const peer = await rawConnect(t.socketPath)
    await peer.authenticate()
    await peer.nextFrame()
    peer.socket.pause()
    const count = 60
    for (let id = 1; id <= count; id++) {
      peer.send(
        FrameType.request,
        JSON.stringify({ jsonrpc: '2.0', id, method: 'test.big', params: { bytes: 60_000 } }),
      )
    }
    await until(() => (t.server.connections()[0]?.queuedBytes ?? 0) > 16_384, 'the server to queue responses')
    expect(t.server.connections()[0]?.queuedBytes).toBeLessThanOrEqual(t.server.limits.maxWriteBuffer)
    peer.socket.resume()
    const ids: unknown[] = []
    for (let i = 0; i < count; i++) ids.push((json(await peer.nextFrame()) as { id: unknown }).id)
    expect(ids).toEqual(Array.from({ length: count }, (_, i) => i + 1))
    expect(t.events.some((e) => e.type === 'disconnected')).toBe(false)
    peer.socket.destroy()
  })

  it('drops a connection whose unread output exceeds maxWriteBuffer, with a log line', async () => {
    const warnings: string[] = []
    const logger: IpcLogger = { debug: () => undefined, warn: (message) => warnings.push(message) }
    t = await startTestServer(
      { maxMessageSize: 65_536, writeHighWaterMark: 16_384, maxWriteBuffer: 131_072 },
      { logger },
    )
    const client = await t.client()
    const { connectionId } = (await client.request('test.context')) as { connectionId: string }
    // A burst of events queued faster than any reader drains them (synchronously, in one tick).
    let sent = 0
    while (t.server.notify(connectionId, 'flood', 'x'.repeat(60_000))) sent++
    expect(sent).toBeGreaterThan(0)
    expect((await t.nextEvent('disconnected')).reason).toBe('write-buffer-full')
    expect(warnings).toContain('IPC client does not read its responses; dropping the connection')
  })

  it('rejects every pending request with OD_CONNECTION_CLOSED when the server closes', async () => {
    t = await startTestServer()
    const client = await t.client()
    const pending = [1, 2, 3].map(() => client.request('test.wait', { key: 'never' }))
    await t.gates.waiting('never')
    await t.server.close()
    for (const p of pending) await expect(p).rejects.toMatchObject({ code: 'OD_CONNECTION_CLOSED' })
    expect(client.closeReason?.message).toContain('the daemon closed the connection')
    expect((await t.nextEvent('disconnected')).reason).toBe('server-closed')
  })

  it('drains on close: running requests finish, new ones get OD_DAEMON_SHUTTING_DOWN', async () => {
    t = await startTestServer()
    const client = await t.client()
    const running = client.request('test.wait', { key: 'drain' })
    await t.gates.waiting('drain')
    const closing = t.server.close({ drainTimeoutMs: 10_000 })
    await expect(client.request('test.echo')).rejects.toMatchObject({ code: 'OD_DAEMON_SHUTTING_DOWN' })
    t.gates.release('drain', 'finished')
    expect(await running).toBe('finished')
    await closing
    expect(t.server.listening).toBe(false)
  })

  it('stops draining after drainTimeoutMs', async () => {
    t = await startTestServer()
    const client = await t.client()
    const running = client.request('test.wait', { key: 'stuck' })
    await t.gates.waiting('stuck')
    await t.server.close({ drainTimeoutMs: 50 })
    await expect(running).rejects.toMatchObject({ code: 'OD_CONNECTION_CLOSED' })
  })

  it('drains with an unauthenticated connection open', async () => {
    t = await startTestServer()
    const unauthenticated = await rawConnect(t.socketPath)
    await unauthenticated.nextFrame()
    await t.server.close({ drainTimeoutMs: 5_000 })
    await unauthenticated.closed
    expect((await t.nextEvent('disconnected')).reason).toBe('server-closed')
  })

  it('closing the server leaves a connection that is already closing to its own grace period', async () => {
    t = await startTestServer({ idleTimeoutMs: 200, closeGraceMs: 300 })
    const peer = await rawConnect(t.socketPath)
    await peer.authenticate()
    await peer.nextFrame()
    peer.socket.pause() // never reads again: what the server queues cannot flush
    const id = t.server.connections()[0]?.id ?? ''
    for (let i = 0; i < 40; i++) t.server.notify(id, 'fill', 'x'.repeat(60_000))
    await until(() => !t.server.notify(id, 'probe'), 'the idle timeout to start closing the connection')
    await t.server.close()
    expect((await t.nextEvent('disconnected')).reason).toBe('idle-timeout')
  })

  it('logs a dispatch failure that is not a DaemonError, with the stack or the thrown value', async () => {
    const warnings: unknown[] = []
    const logger: IpcLogger = {
      debug: () => undefined,
      warn: (message, fields) => warnings.push([message, fields?.['error']]),
    }
    t = await startTestServer({}, { logger })
    const client = await t.client()
    await expect(client.request('test.crash')).rejects.toMatchObject({ code: 'OD_INTERNAL' })
    await expect(client.request('test.crash', { string: true })).rejects.toMatchObject({
      code: 'OD_INTERNAL',
      message: expect.stringContaining('a thrown string'),
    })
    expect(warnings).toEqual([
      [
        'IPC method failed with an error that is not a DaemonError',
        expect.stringContaining('TypeError: kaboom\n    at '),
      ],
      ['IPC method failed with an error that is not a DaemonError', 'a thrown string'],
    ])
  })
})
