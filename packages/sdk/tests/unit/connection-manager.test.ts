import { createFakeClock, DaemonError, type IpcClient } from '@opendaemon/core'
import { describe, expect, it, vi } from 'vitest'
import { resolveClientOptions, type OpenDaemonOptions } from '../../src/client-options.js'
import { createConnectionManager } from '../../src/connection-manager.js'
import { fakeIpcClient, scriptedConnect, type FakeIpcClient } from '../support/fake-ipc-client.js'

const notRunning = (): DaemonError => new DaemonError('OD_DAEMON_NOT_RUNNING', '/tmp/od-x/od.sock')
const noTokenFile = (): string => {
  throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
}

function setup(
  outcomes: (FakeIpcClient | Error)[],
  options: OpenDaemonOptions = {},
  readFile: (path: string) => string = noTokenFile,
) {
  const clock = createFakeClock(1_000)
  const { connect, calls } = scriptedConnect(outcomes)
  const events: [string, unknown][] = []
  const opened: IpcClient[] = []
  const launch = vi.fn(() => Promise.resolve())
  const manager = createConnectionManager({
    settings: resolveClientOptions({ home: '/tmp/od-x', ...options }, {}, '/h', '0.1.0'),
    connect,
    launch,
    clock,
    random: () => 0.5,
    onOpen: (client) => opened.push(client),
    emit: (event, data) => events.push([event, data]),
    readFile,
  })
  const names = (): string[] => events.map(([e]) => e)
  return { manager, clock, calls, events, names, opened, launch }
}

describe('connection manager: connecting', () => {
  it('connects once for concurrent callers with the resolved options, and announces it', async () => {
    const a = fakeIpcClient()
    const { manager, calls, events, opened } = setup([a], { clientName: 'od-cli', connectTimeoutMs: 750 })
    expect(manager.state).toBe('idle')
    const [x, y] = await Promise.all([manager.connect(), manager.connect()])
    expect(x).toBe(a.client)
    expect(y).toBe(a.client)
    expect(await manager.connect()).toBe(a.client)
    expect(await manager.acquire('Request x', 10)).toBe(a.client)
    expect(calls).toEqual([
      {
        socketPath: '/tmp/od-x/od.sock',
        tokenPath: '/tmp/od-x/auth-token',
        timeoutMs: 750,
        clientInfo: { name: 'od-cli', version: '0.1.0' },
      },
    ])
    expect(manager.state).toBe('connected')
    expect(manager.client).toBe(a.client)
    expect(opened).toEqual([a.client])
    expect(events).toEqual([['client:connected', { pid: 4242, version: '0.1.0', at: 1_000 }]])
  })

  it('hands an injected IPC clock to the connection', async () => {
    const clock = createFakeClock()
    const { connect, calls } = scriptedConnect([fakeIpcClient()])
    const manager = createConnectionManager({
      settings: resolveClientOptions({ home: '/tmp/od-x' }, {}, '/h', '0'),
      connect,
      launch: () => Promise.resolve(),
      clock,
      ipcClock: clock,
      random: Math.random,
      onOpen: () => undefined,
      emit: () => undefined,
      readFile: noTokenFile,
    })
    await manager.connect()
    expect(calls[0]?.clock).toBe(clock)
  })

  it('reads a valid token itself and hands it over with the path that names it', async () => {
    const token = 'ab'.repeat(32)
    const { manager, calls } = setup([fakeIpcClient()], {}, (path) => {
      expect(path).toBe('/tmp/od-x/auth-token')
      return `${token}\n`
    })
    await manager.connect()
    expect(calls[0]).toMatchObject({ token, tokenPath: '/tmp/od-x/auth-token' })
  })

  it('leaves a malformed token file to the connection, which reports it', async () => {
    const { manager, calls } = setup([fakeIpcClient()], {}, () => 'not a token')
    await manager.connect()
    expect(calls[0]).not.toHaveProperty('token')
  })

  it('resolves before the auth acknowledgement when asked, so requests pipeline behind it', async () => {
    const a = fakeIpcClient()
    let acknowledge = (): void => undefined
    Object.assign(a.client, { authenticated: new Promise<void>((resolve) => (acknowledge = resolve)) })
    const { manager } = setup([a])
    expect(await manager.connect(false)).toBe(a.client)
    let acknowledged = false
    const waiting = manager.connect().then(() => (acknowledged = true))
    await Promise.resolve()
    expect(acknowledged).toBe(false)
    acknowledge()
    await waiting
    expect(acknowledged).toBe(true)
  })

  it('does not reconnect a connection whose token was refused', async () => {
    const a = fakeIpcClient()
    let refuse = (_e: unknown): void => undefined
    const authenticated = new Promise<void>((_resolve, reject) => (refuse = reject))
    authenticated.catch(() => undefined)
    Object.assign(a.client, { authenticated })
    const { manager, clock, names } = setup([a])
    await manager.connect(false)
    refuse(new DaemonError('OD_AUTH_FAILED', '/tmp/od-x/auth-token'))
    await clock.flush()
    a.drop(new DaemonError('OD_AUTH_FAILED', '/tmp/od-x/auth-token'))
    await clock.advanceAsync(10_000)
    expect(names()).toEqual(['client:connected', 'client:disconnected'])
    expect(manager.state).toBe('idle')
  })

  it('fails with OD_DAEMON_NOT_RUNNING and tries again on the next call', async () => {
    const a = fakeIpcClient()
    const { manager, launch } = setup([notRunning(), a])
    await expect(manager.connect()).rejects.toMatchObject({ code: 'OD_DAEMON_NOT_RUNNING' })
    expect(manager.state).toBe('idle')
    expect(launch).not.toHaveBeenCalled()
    expect(await manager.acquire('Request x', 1000)).toBe(a.client)
  })

  it('waits for the auth acknowledgement and reports a refused token', async () => {
    const a = fakeIpcClient()
    const refused = new DaemonError('OD_AUTH_FAILED', '/tmp/od-x/auth-token')
    const rejected = Promise.reject(refused)
    rejected.catch(() => undefined)
    Object.assign(a.client, { authenticated: rejected })
    const { manager } = setup([a])
    await expect(manager.connect()).rejects.toBe(refused)
    expect(manager.state).toBe('idle')
  })

  it('starts the daemon through the launcher when autoStart is on and none answers', async () => {
    const a = fakeIpcClient()
    const { manager, launch, calls } = setup([notRunning(), a], { autoStart: true })
    expect(await manager.connect()).toBe(a.client)
    expect(launch).toHaveBeenCalledTimes(1)
    expect(calls).toHaveLength(2)
  })

  it('does not start a daemon for other connect errors', async () => {
    const denied = new DaemonError('OD_AUTH_FAILED', '/tmp/od-x/auth-token')
    const { manager, launch } = setup([denied], { autoStart: true })
    await expect(manager.connect()).rejects.toBe(denied)
    expect(launch).not.toHaveBeenCalled()
  })

  it('reports a launcher failure as is', async () => {
    const { manager, launch } = setup([notRunning()], { autoStart: true })
    const failed = new DaemonError('OD_DAEMON_START_FAILED', 'core plugin failed')
    launch.mockRejectedValueOnce(failed)
    await expect(manager.connect()).rejects.toBe(failed)
  })
})

describe('connection manager: reconnecting', () => {
  it('reconnects after an unexpected close with the first backoff delay', async () => {
    const a = fakeIpcClient()
    const b = fakeIpcClient(undefined, { pid: 5151, version: '0.1.0' })
    const { manager, clock, events, opened } = setup([a, b])
    await manager.connect()
    a.drop()
    expect(manager.state).toBe('reconnecting')
    expect(manager.client).toBeNull()
    expect(events.slice(1)).toEqual([
      [
        'client:disconnected',
        {
          reason: { code: 'OD_CONNECTION_CLOSED', message: expect.stringContaining('socket hang up') },
          expected: false,
          at: 1_000,
        },
      ],
      ['client:reconnecting', { attempt: 1, delayMs: 100, at: 1_000 }],
    ])
    await clock.advanceAsync(99)
    expect(manager.state).toBe('reconnecting')
    await clock.advanceAsync(1)
    expect(manager.state).toBe('connected')
    expect(manager.client).toBe(b.client)
    expect(opened).toEqual([a.client, b.client])
    expect(events.at(-1)).toEqual(['client:reconnected', { attempts: 1, gapMs: 100, pid: 5151, at: 1_100 }])
  })

  it('backs off exponentially while the daemon stays away, then gives up after maxAttempts', async () => {
    const a = fakeIpcClient()
    const { manager, clock, events } = setup([a], { reconnect: { maxAttempts: 3 } })
    await manager.connect()
    a.drop()
    const waiting = manager.acquire('Request daemon.status', 60_000)
    const failed = expect(waiting).rejects.toMatchObject({ code: 'OD_DAEMON_NOT_RUNNING' })
    await clock.advanceAsync(100 + 200 + 400)
    const delays = events
      .filter(([e]) => e === 'client:reconnecting')
      .map(([, d]) => (d as { delayMs: number }).delayMs)
    expect(delays).toEqual([100, 200, 400])
    expect(events.at(-1)).toEqual([
      'client:reconnect-failed',
      { attempts: 3, error: { code: 'OD_DAEMON_NOT_RUNNING', message: expect.any(String) }, at: 1_700 },
    ])
    expect(manager.state).toBe('idle')
    await failed
  })

  it('gives up at once with maxAttempts 0, reporting the close reason', async () => {
    const a = fakeIpcClient()
    const { manager, names } = setup([a], { reconnect: { maxAttempts: 0 } })
    await manager.connect()
    a.drop()
    expect(names()).toEqual(['client:connected', 'client:disconnected', 'client:reconnect-failed'])
    expect(manager.state).toBe('idle')
  })

  it('makes a call wait for the reconnect and hands it the new connection', async () => {
    const a = fakeIpcClient()
    const b = fakeIpcClient()
    const { manager, clock } = setup([a, b])
    await manager.connect()
    a.drop()
    const waiting = manager.acquire('Request daemon.status', 5_000)
    await clock.advanceAsync(100)
    expect(await waiting).toBe(b.client)
  })

  it('times a waiting call out with OD_TIMEOUT naming it', async () => {
    const a = fakeIpcClient()
    const { manager, clock } = setup([a])
    await manager.connect()
    a.drop()
    const waiting = manager.acquire('Request daemon.status', 50)
    const outcome = expect(waiting).rejects.toMatchObject({
      code: 'OD_TIMEOUT',
      message: expect.stringContaining(
        'Request daemon.status (waiting to reconnect to the daemon) timed out after 50 ms',
      ),
    })
    await clock.advanceAsync(50)
    await outcome
    expect(manager.state).toBe('reconnecting')
  })

  it('stays disconnected without reconnect, and connects again on the next call', async () => {
    const a = fakeIpcClient()
    const b = fakeIpcClient()
    const { manager, clock, names } = setup([a, b], { reconnect: false })
    await manager.connect()
    a.drop()
    expect(manager.state).toBe('idle')
    await clock.advanceAsync(10_000)
    expect(names()).toEqual(['client:connected', 'client:disconnected'])
    expect(await manager.acquire('Request x', 1000)).toBe(b.client)
  })

  it('attempts at once when connect() is called during a reconnect, and keeps backing off if that fails', async () => {
    const a = fakeIpcClient()
    const c = fakeIpcClient()
    const { manager, clock, events } = setup([a, notRunning(), c])
    await manager.connect()
    a.drop()
    await expect(manager.connect()).rejects.toMatchObject({ code: 'OD_DAEMON_NOT_RUNNING' })
    expect(events.at(-1)).toEqual(['client:reconnecting', { attempt: 2, delayMs: 200, at: 1_000 }])
    await clock.advanceAsync(100)
    expect(manager.state).toBe('reconnecting')
    await clock.advanceAsync(100)
    expect(manager.client).toBe(c.client)
  })
})

describe('connection manager: disconnect', () => {
  it('closes the connection, announces it and does not reconnect', async () => {
    const a = fakeIpcClient()
    const { manager, clock, events } = setup([a])
    await manager.connect()
    await manager.disconnect()
    expect(a.client.closed).toBe(true)
    expect(manager.state).toBe('idle')
    expect(events.at(-1)).toEqual([
      'client:disconnected',
      {
        reason: { code: 'OD_CONNECTION_CLOSED', message: expect.stringContaining('closed by this client') },
        expected: true,
        at: 1_000,
      },
    ])
    await clock.advanceAsync(10_000)
    expect(events).toHaveLength(2)
    await manager.disconnect() // idempotent
    expect(events).toHaveLength(2)
  })

  it('stops a reconnect loop and rejects waiting calls', async () => {
    const a = fakeIpcClient()
    const { manager, clock, names } = setup([a, fakeIpcClient()])
    await manager.connect()
    a.drop()
    const waiting = manager.acquire('Request x', 60_000)
    await manager.disconnect()
    await expect(waiting).rejects.toMatchObject({ code: 'OD_CONNECTION_CLOSED' })
    await clock.advanceAsync(10_000)
    expect(names()).toEqual(['client:connected', 'client:disconnected', 'client:reconnecting'])
    expect(manager.state).toBe('idle')
  })

  it('closes a connection that completes after disconnect() and rejects its caller', async () => {
    const a = fakeIpcClient()
    const { manager } = setup([a])
    const connecting = manager.connect()
    expect(manager.state).toBe('connecting')
    await manager.disconnect()
    await expect(connecting).rejects.toMatchObject({
      code: 'OD_CONNECTION_CLOSED',
      message: expect.stringContaining('disconnect() was called while connecting'),
    })
    expect(a.client.closed).toBe(true)
    expect(manager.state).toBe('idle')
  })

  it('ignores the failure of an attempt that was abandoned by disconnect()', async () => {
    const { manager } = setup([notRunning()])
    const connecting = manager.connect()
    await manager.disconnect()
    await expect(connecting).rejects.toMatchObject({ code: 'OD_DAEMON_NOT_RUNNING' })
    expect(manager.state).toBe('idle')
  })
})

describe('connection manager: heartbeat', () => {
  it('pings every interval while wanted and stops when no longer wanted', async () => {
    const a = fakeIpcClient()
    const { manager, clock } = setup([a], { heartbeatIntervalMs: 1_000, heartbeatTimeoutMs: 300 })
    manager.setHeartbeat(true) // not connected yet: starts with the connection
    await manager.connect()
    await clock.advanceAsync(1_000)
    expect(a.pings.map((p) => p.timeoutMs)).toEqual([300])
    a.pings.shift()?.resolve(1)
    await clock.advanceAsync(1_000)
    expect(a.pings).toHaveLength(1)
    a.pings.shift()?.resolve(1)
    await clock.flush()
    manager.setHeartbeat(false)
    await clock.advanceAsync(5_000)
    expect(a.pings).toHaveLength(0)
  })

  it('treats an unanswered heartbeat as a dead connection and reconnects', async () => {
    const a = fakeIpcClient()
    const b = fakeIpcClient()
    const { manager, clock, events } = setup([a, b], { heartbeatIntervalMs: 1_000, heartbeatTimeoutMs: 300 })
    await manager.connect()
    manager.setHeartbeat(true)
    await clock.advanceAsync(1_000)
    a.pings.shift()?.reject(new DaemonError('OD_TIMEOUT', 'Ping', 300))
    await clock.flush()
    expect(a.client.closed).toBe(true)
    expect(events.find(([e]) => e === 'client:disconnected')?.[1]).toMatchObject({
      reason: {
        code: 'OD_CONNECTION_CLOSED',
        message: expect.stringContaining('no heartbeat answer within 300 ms'),
      },
      expected: false,
    })
    await clock.advanceAsync(100)
    expect(manager.client).toBe(b.client)
  })

  it('leaves other ping failures to the close handling', async () => {
    const a = fakeIpcClient()
    const { manager, clock } = setup([a], { heartbeatIntervalMs: 1_000 })
    await manager.connect()
    manager.setHeartbeat(true)
    await clock.advanceAsync(1_000)
    a.pings.shift()?.reject(new DaemonError('OD_CONNECTION_CLOSED', 'x'))
    await clock.flush()
    expect(a.client.closed).toBe(false)
    expect(manager.state).toBe('connected')
  })

  it('ignores a heartbeat timeout that arrives after the connection was replaced', async () => {
    const a = fakeIpcClient()
    const { manager, clock } = setup([a], { heartbeatIntervalMs: 1_000, reconnect: false })
    await manager.connect()
    manager.setHeartbeat(true)
    await clock.advanceAsync(1_000)
    const ping = a.pings.shift()
    await manager.disconnect()
    ping?.reject(new DaemonError('OD_TIMEOUT', 'Ping', 10))
    await clock.flush()
    expect(manager.state).toBe('idle')
  })
})
