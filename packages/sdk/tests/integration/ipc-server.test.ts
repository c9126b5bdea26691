import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OpenDaemon } from '../../src/open-daemon.js'
import { createTestServer, type TestServer } from '../support/test-server.js'

describe('OpenDaemon against a real IPC server', () => {
  let server: TestServer
  const clients: OpenDaemon[] = []
  const client = (options: ConstructorParameters<typeof OpenDaemon>[0] = {}): OpenDaemon => {
    const od = new OpenDaemon({ home: server.home, clientName: 'sdk-test', ...options })
    clients.push(od)
    return od
  }

  beforeEach(() => {
    server = createTestServer()
  })
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((od) => od.disconnect()))
    await server.remove()
  })

  it('reports a daemon that is not running with the documented message', async () => {
    const od = client()
    await expect(od.connect()).rejects.toMatchObject({
      code: 'OD_DAEMON_NOT_RUNNING',
      message: `The daemon is not running (no answer on ${server.socketPath}). Start it with \`od daemon start\`.`,
    })
    await expect(od.ping()).rejects.toMatchObject({ code: 'OD_DAEMON_NOT_RUNNING' })
  })

  it('connects, authenticates and calls typed methods', async () => {
    await server.start()
    const od = client()
    await od.connect()
    expect(od.daemon).toEqual({ pid: process.pid, version: '9.9.9' })
    expect(await od.ping()).toMatchObject({ pong: true })
    const results = await Promise.all(Array.from({ length: 500 }, () => od.status()))
    expect(results.every((r) => r.version === '9.9.9')).toBe(true)
  })

  it('rejects a wrong token with OD_AUTH_FAILED naming the token file', async () => {
    await server.start()
    const tokenPath = join(server.home, 'other-token')
    writeFileSync(tokenPath, 'cd'.repeat(32), { mode: 0o600 })
    const od = client({ tokenPath, reconnect: false })
    await expect(od.connect()).rejects.toMatchObject({
      code: 'OD_AUTH_FAILED',
      message: expect.stringContaining(tokenPath),
    })
  })

  it('times a call out with OD_TIMEOUT naming the method', async () => {
    await server.start()
    const od = client()
    await expect(
      od.call('test.wait' as 'daemon.ping', { key: 'slow' } as never, { timeoutMs: 50 }),
    ).rejects.toMatchObject({
      code: 'OD_TIMEOUT',
      message: expect.stringContaining('test.wait timed out after 50 ms'),
    })
    server.release('slow', null)
  })

  it('delivers subscribed events and waits for one with waitFor', async () => {
    await server.start()
    const od = client()
    const seen: string[] = []
    od.on('plugin:*', (data, event) => void seen.push(`${event} ${data.name}`))
    await od.connect()
    const waiting = od.waitFor('plugin:enabled', (e) => e.name === 'b', { timeoutMs: 5_000 })
    await od.ping() // the subscriptions were sent before this call, so they are in place
    server.emit('plugin:enabled', { name: 'a', at: 1 })
    server.emit('plugin:enabled', { name: 'b', at: 2 })
    expect(await waiting).toEqual({ name: 'b', at: 2 })
    expect(seen).toEqual(['plugin:enabled a', 'plugin:enabled b'])
  })

  it('fails pending calls with OD_CONNECTION_CLOSED, reconnects and re-subscribes', async () => {
    await server.start()
    const od = client({ reconnect: { initialDelayMs: 20, maxDelayMs: 50 } })
    od.on('daemon:*', () => undefined)
    await od.connect()
    const pending = od.call('test.wait' as 'daemon.ping', { key: 'lost' } as never)
    await server.parked('lost')
    const reconnecting = od.waitFor('client:reconnecting', undefined, { timeoutMs: 5_000 })
    await server.stop()
    await expect(pending).rejects.toMatchObject({ code: 'OD_CONNECTION_CLOSED' })
    await reconnecting
    const reconnected = od.waitFor('client:reconnected', undefined, { timeoutMs: 5_000 })
    await server.start()
    const { gapMs } = await reconnected
    expect(gapMs).toBeGreaterThan(0)
    const ready = od.waitFor('daemon:ready', undefined, { timeoutMs: 5_000 })
    await od.ping()
    expect(server.subscribes).toEqual([['daemon:*'], ['daemon:*'], ['daemon:ready']])
    server.emit('daemon:ready', { pid: 1, at: 1 })
    expect(await ready).toEqual({ pid: 1, at: 1 })
  })

  it('makes a call made while disconnected wait for the reconnect', async () => {
    await server.start()
    const od = client({ reconnect: { initialDelayMs: 20, maxDelayMs: 20 } })
    await od.connect()
    const disconnected = od.waitFor('client:disconnected', undefined, { timeoutMs: 5_000 })
    await server.stop()
    await disconnected
    const call = od.ping({ timeoutMs: 5_000 })
    await server.start()
    expect(await call).toMatchObject({ pong: true })
  })
})
