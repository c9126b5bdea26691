import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFakeClock } from '../../../src/fake-clock.js'
import { connectClient } from '../../../src/ipc/client-connection.js'
import { makeStaleSocket, startTestServer, TOKEN, type TestServer } from './ipc-test-kit.js'

describe('IPC client against a real server', () => {
  let t: TestServer
  beforeEach(async () => {
    t = await startTestServer()
  })
  afterEach(() => t.stop())

  it('matches 1000 concurrent requests to their responses', async () => {
    const client = await t.client()
    const ids = Array.from({ length: 1000 }, (_, i) => i)
    const results = await Promise.all(
      ids.map((i) => client.request<{ i: number }>('test.echo', { i, pad: 'p'.repeat(i % 50) })),
    )
    expect(results.map((r) => r.i)).toEqual(ids)
    expect(client.pendingRequests).toBe(0)
  })

  it('matches responses that finish out of order', async () => {
    const client = await t.client()
    const first = client.request('test.wait', { key: 'a' })
    const second = client.request('test.wait', { key: 'b' })
    await t.gates.waiting('b')
    t.gates.release('b', 'B')
    expect(await second).toBe('B')
    t.gates.release('a', 'A')
    expect(await first).toBe('A')
  })

  it('rethrows daemon errors as DaemonError with the daemon code, message and data', async () => {
    const client = await t.client()
    await expect(client.request('test.fail', { name: 'metrics' })).rejects.toMatchObject({
      name: 'DaemonError',
      code: 'OD_PLUGIN_NOT_FOUND',
      message: expect.stringContaining('"metrics"'),
      data: { hint: 'test' },
    })
    await expect(client.request('nope.nope')).rejects.toMatchObject({
      code: 'OD_METHOD_NOT_FOUND',
      rpcCode: -32601,
    })
    await expect(client.request('test.crash')).rejects.toMatchObject({
      code: 'OD_INTERNAL',
      message: expect.stringContaining('kaboom'),
    })
  })

  it('times a request out with OD_TIMEOUT and ignores its late answer', async () => {
    const client = await t.client()
    await expect(client.request('test.wait', { key: 'late' }, { timeoutMs: 50 })).rejects.toMatchObject({
      code: 'OD_TIMEOUT',
      message: expect.stringContaining('Request test.wait timed out after 50 ms'),
    })
    t.gates.release('late')
    expect(await client.request('test.echo', [1])).toEqual([1])
  })

  it('uses timeoutMs of the connection as the default request timeout', async () => {
    const client = await t.client({ timeoutMs: 60 })
    await expect(client.request('test.wait', { key: 'x' })).rejects.toMatchObject({ code: 'OD_TIMEOUT' })
    t.gates.release('x')
  })

  it('reads the token from tokenPath', async () => {
    const tokenPath = join(t.dir, 'auth-token')
    writeFileSync(tokenPath, TOKEN, { mode: 0o600 })
    const client = await connectClient({ socketPath: t.socketPath, tokenPath })
    expect(await client.request('test.echo', ['file'])).toEqual(['file'])
    await client.close()
  })

  it('fails with OD_AUTH_FAILED naming the token file when it is missing', async () => {
    const tokenPath = join(t.dir, 'missing-token')
    await expect(connectClient({ socketPath: t.socketPath, tokenPath })).rejects.toMatchObject({
      code: 'OD_AUTH_FAILED',
      message: expect.stringContaining(tokenPath),
    })
    await t.nextEvent('disconnected')
  })

  it('sends notifications the server dispatches without answering', async () => {
    const client = await t.client()
    expect(client.notify('test.context')).toBe(true)
    expect(await client.request('test.echo', [1])).toEqual([1])
    expect(t.contexts).toHaveLength(1)
  })

  it('rejects params JSON cannot encode, or too large, without sending them', async () => {
    const client = await connectClient({ socketPath: t.socketPath, token: TOKEN, maxMessageSize: 200 })
    await expect(client.request('test.echo', [1n])).rejects.toMatchObject({ code: 'OD_INVALID_PARAMS' })
    await expect(client.request('test.echo', ['x'.repeat(300)])).rejects.toMatchObject({
      code: 'OD_FRAME_TOO_LARGE',
    })
    expect(client.notify('test.echo', ['x'.repeat(300)])).toBe(false)
    expect(await client.request('test.echo', ['fits'])).toEqual(['fits'])
    await client.close()
  })

  it('closes on a response larger than its maxMessageSize with OD_FRAME_TOO_LARGE', async () => {
    const client = await connectClient({ socketPath: t.socketPath, token: TOKEN, maxMessageSize: 1000 })
    await expect(client.request('test.big', { bytes: 5000 })).rejects.toMatchObject({
      code: 'OD_FRAME_TOO_LARGE',
    })
    expect(client.closed).toBe(true)
  })

  it('measures a ping round trip', async () => {
    const client = await t.client()
    expect(await client.ping()).toBeGreaterThanOrEqual(0)
  })

  it('close() rejects pending requests, reports the reason and makes later calls fail', async () => {
    const client = await t.client()
    const reasons: string[] = []
    const off = client.onClose((reason) => reasons.push(reason.code))
    const extra = client.onClose(() => reasons.push('removed'))
    extra()
    const pending = client.request('test.wait', { key: 'never' })
    await t.gates.waiting('never')
    expect(client.closeReason).toBeNull()
    await client.close()
    await expect(pending).rejects.toMatchObject({
      code: 'OD_CONNECTION_CLOSED',
      message: expect.stringContaining('closed by this client'),
    })
    expect([client.closed, client.closeReason?.code, reasons]).toEqual([
      true,
      'OD_CONNECTION_CLOSED',
      ['OD_CONNECTION_CLOSED'],
    ])
    await expect(client.request('test.echo')).rejects.toMatchObject({ code: 'OD_CONNECTION_CLOSED' })
    await expect(client.ping()).rejects.toMatchObject({ code: 'OD_CONNECTION_CLOSED' })
    expect(client.notify('test.echo')).toBe(false)
    await client.close()
    off()
  })

  it('pings periodically only while notification or binary handlers are registered', async () => {
    const clock = createFakeClock(Date.now())
    const client = await connectClient({
      socketPath: t.socketPath,
      token: TOKEN,
      clock,
      pingIntervalMs: 1000,
    })
    await client.request('test.echo')
    const baseline = clock.pendingTimers()
    const offNotification = client.onNotification(() => undefined)
    const offBinary = client.onBinary(() => undefined)
    expect(clock.pendingTimers()).toBe(baseline + 1)
    const before = t.server.connections()[0]?.lastFrameAt ?? 0
    clock.advance(1000)
    expect(clock.pendingTimers()).toBe(baseline + 1)
    await client.ping() // its pong comes after the keep-alive pong
    expect(t.server.connections()[0]?.lastFrameAt).toBeGreaterThanOrEqual(before)
    offNotification()
    expect(clock.pendingTimers()).toBe(baseline + 1)
    offBinary()
    expect(clock.pendingTimers()).toBe(baseline)
    await client.close()
  })
})

describe('IPC client without a daemon', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('reports OD_DAEMON_NOT_RUNNING naming the socket and `od daemon start` when the socket is missing', async () => {
    const socketPath = join(dir, 'od.sock')
    await expect(connectClient({ socketPath, tokenPath: join(dir, 'auth-token') })).rejects.toMatchObject({
      code: 'OD_DAEMON_NOT_RUNNING',
      exitCode: 3,
      message: expect.stringMatching(new RegExp(`${socketPath}.*od daemon start`)),
    })
  })

  it('reports OD_DAEMON_NOT_RUNNING for a stale socket (ECONNREFUSED)', async () => {
    const socketPath = join(dir, 'od.sock')
    makeStaleSocket(socketPath)
    await expect(connectClient({ socketPath, token: TOKEN })).rejects.toMatchObject({
      code: 'OD_DAEMON_NOT_RUNNING',
      cause: expect.objectContaining({ code: 'ECONNREFUSED' }),
    })
  })

  it('reports other connect errors as OD_CONNECTION_CLOSED', async () => {
    writeFileSync(join(dir, 'file'), '')
    await expect(
      connectClient({ socketPath: join(dir, 'file', 'od.sock'), token: TOKEN }),
    ).rejects.toMatchObject({
      code: 'OD_CONNECTION_CLOSED',
      message: expect.stringContaining('cannot connect'),
    })
  })

  it('refuses a socket path over the Unix limit', async () => {
    const deep = join(dir, 'x'.repeat(120))
    mkdirSync(deep, { recursive: true })
    await expect(connectClient({ socketPath: join(deep, 'od.sock'), token: TOKEN })).rejects.toMatchObject({
      code: 'OD_SOCKET_PATH_TOO_LONG',
    })
  })
})
