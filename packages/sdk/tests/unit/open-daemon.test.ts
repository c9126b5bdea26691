import type { ChildProcess } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { createFakeClock, DaemonError } from '@opendaemon/core'
import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import { NO_TIMEOUT_MS, type OpenDaemonOptions } from '../../src/client-options.js'
import type { OpenDaemonDeps } from '../../src/daemon-client.js'
import { OpenDaemon } from '../../src/open-daemon.js'
import {
  fakeIpcClient,
  PENDING,
  scriptedConnect,
  type FakeIpcClient,
  type Responder,
} from '../support/fake-ipc-client.js'

const echo: Responder = (method, params) => ({ method, params })

function setup(
  clients: (FakeIpcClient | Error)[],
  options: OpenDaemonOptions = {},
  deps: Partial<OpenDaemonDeps> = {},
) {
  const clock = createFakeClock(5_000)
  const { connect, calls } = scriptedConnect(clients)
  const od = new OpenDaemon(
    { home: '/tmp/od-u', ...options },
    { connect, clock, random: () => 0.5, env: {}, homedir: '/h', cwd: '/', ...deps },
  )
  return { od, clock, calls }
}

describe('OpenDaemon: calls', () => {
  it('maps every wrapper to its RPC method and params', async () => {
    const a = fakeIpcClient(echo)
    const { od } = setup([a])
    const cases: [() => Promise<unknown>, string, unknown][] = [
      [() => od.status(), 'daemon.status', {}],
      [() => od.version(), 'daemon.version', {}],
      [() => od.ping(), 'daemon.ping', {}],
      [() => od.shutdown(), 'daemon.shutdown', {}],
      [() => od.shutdown({ timeoutMs: 5 }), 'daemon.shutdown', { timeoutMs: 5 }],
      [() => od.kill(), 'daemon.shutdown', {}],
      [() => od.reloadDaemon(), 'daemon.reload', {}],
      [() => od.plugins(), 'plugin.list', {}],
      [() => od.pluginInfo('pm'), 'plugin.info', { name: 'pm' }],
      [() => od.enablePlugin('pm'), 'plugin.enable', { name: 'pm' }],
      [() => od.disablePlugin('pm'), 'plugin.disable', { name: 'pm' }],
    ]
    for (const [run, method, params] of cases) expect(await run()).toEqual({ method, params })
  })

  it('connects implicitly on the first call and sends the client default timeout', async () => {
    const a = fakeIpcClient(echo)
    const { od, calls } = setup([a], { timeoutMs: 1_234 })
    expect(od.state).toBe('idle')
    expect(od.daemon).toBeNull()
    await od.call('daemon.ping')
    expect(calls).toHaveLength(1)
    expect(od.state).toBe('connected')
    expect(od.daemon).toEqual({ pid: 4242, version: '0.1.0' })
    const requests: (number | undefined)[] = []
    const b = fakeIpcClient((method) => method)
    vi.spyOn(a.client, 'request').mockImplementation((method, params, opts) => {
      requests.push(opts?.timeoutMs)
      return b.client.request(method, params)
    })
    await od.call('daemon.status')
    await od.call('daemon.reload')
    await od.call('daemon.status', {}, { timeoutMs: 0 })
    await od.status({ timeoutMs: 77 })
    expect(requests).toEqual([1_234, 120_000, NO_TIMEOUT_MS, 77])
  })

  it('rejects a bad per-call timeout without sending anything', async () => {
    const a = fakeIpcClient(echo)
    const { od, calls } = setup([a])
    await expect(od.call('daemon.ping', {}, { timeoutMs: -1 })).rejects.toThrow(RangeError)
    expect(calls).toHaveLength(0)
  })

  it('gives a call made during a reconnect its whole deadline once connected', async () => {
    const a = fakeIpcClient(echo)
    const b = fakeIpcClient(PENDING_RESPONDER)
    const { od, clock } = setup([a, b], { timeoutMs: 1_000 })
    await od.connect()
    a.drop()
    const call = od.call('daemon.status')
    await clock.advanceAsync(100)
    expect(b.requests.map((r) => [r.method, r.timeoutMs])).toEqual([['daemon.status', 1_000]])
    b.requests[0]?.resolve('ok')
    expect(await call).toBe('ok')
  })

  it('rethrows daemon errors unchanged', async () => {
    const failure = new DaemonError('OD_PLUGIN_NOT_FOUND', 'nope')
    const a = fakeIpcClient(() => {
      throw failure
    })
    const { od } = setup([a])
    await expect(od.pluginInfo('nope')).rejects.toBe(failure)
  })

  it('types call() by the RPC method map', () => {
    const od = new OpenDaemon({ home: '/tmp/od-t' }, { env: {}, homedir: '/h' })
    expectTypeOf(() => od.call('plugin.list')).returns.resolves.toEqualTypeOf<
      Awaited<ReturnType<OpenDaemon['plugins']>>
    >()
    expectTypeOf(() => od.waitFor('plugin:disabled')).returns.resolves.toHaveProperty('reason')
    // @ts-expect-error: misspelt method name
    void (() => od.call('plugin.lst'))
    // @ts-expect-error: wrong params
    void (() => od.call('plugin.info', { nom: 'x' }))
  })
})

const PENDING_RESPONDER: Responder = () => PENDING

describe('OpenDaemon: events', () => {
  it('subscribes held patterns on connect, new ones at once, and unsubscribes the last handler', async () => {
    const a = fakeIpcClient(echo)
    const { od } = setup([a])
    od.on('plugin:*', () => undefined)
    od.on('client:connected', () => undefined)
    await od.connect()
    const off = od.on('daemon:ready', () => undefined)
    od.on('daemon:ready', () => undefined)
    od.off('daemon:ready')
    off()
    expect(a.requests).toEqual([])
    const sent = vi.spyOn(a.client, 'request')
    od.on('process:*', () => undefined)
    od.off('process:*')
    expect(sent.mock.calls.map(([method, params]) => [method, params])).toEqual([
      ['event.subscribe', { events: ['process:*'] }],
      ['event.unsubscribe', { events: ['process:*'] }],
    ])
  })

  it('sends the held patterns in one subscribe when connecting', async () => {
    const a = fakeIpcClient(echo)
    const sent: unknown[] = []
    const spy = (method: string, params: unknown): unknown => (sent.push([method, params]), {})
    const b = fakeIpcClient(spy)
    const { od } = setup([b])
    od.on('plugin:*', () => undefined)
    od.on('daemon:*', () => undefined)
    await od.connect()
    expect(sent).toEqual([['event.subscribe', { events: ['plugin:*', 'daemon:*'] }]])
    void a
  })

  it('delivers daemon events to matching handlers and ignores other notifications', async () => {
    const a = fakeIpcClient(echo)
    const { od } = setup([a])
    const seen: [string, unknown][] = []
    od.on('plugin:*', (data, event) => void seen.push([event, data]))
    await od.connect()
    a.notify('event', { event: 'plugin:disabled', data: { name: 'x', reason: 'user', at: 1 } })
    a.notify('event', { event: 'daemon:ready', data: { pid: 1, at: 1 } })
    a.notify('event', { data: {} })
    a.notify('event', null)
    a.notify('goodbye', { code: 'OD_IDLE_TIMEOUT' })
    expect(seen).toEqual([['plugin:disabled', { name: 'x', reason: 'user', at: 1 }]])
  })

  it('runs once handlers a single time', async () => {
    const a = fakeIpcClient(echo)
    const { od } = setup([a])
    const handler = vi.fn()
    od.once('daemon:ready', handler)
    await od.connect()
    a.notify('event', { event: 'daemon:ready', data: { pid: 1, at: 1 } })
    a.notify('event', { event: 'daemon:ready', data: { pid: 2, at: 2 } })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('re-subscribes after a reconnect', async () => {
    const a = fakeIpcClient(echo)
    const sent: unknown[] = []
    const b = fakeIpcClient((method, params) => (sent.push([method, params]), {}))
    const { od, clock } = setup([a, b])
    od.on('plugin:*', () => undefined)
    const reconnected = vi.fn()
    od.on('client:reconnected', reconnected)
    await od.connect()
    a.drop()
    await clock.advanceAsync(100)
    expect(sent).toEqual([['event.subscribe', { events: ['plugin:*'] }]])
    expect(reconnected).toHaveBeenCalledWith(
      { attempts: 1, gapMs: 100, pid: 4242, at: 5_100 },
      'client:reconnected',
    )
  })

  it('reports a failed subscription as client:subscribe-failed', async () => {
    const a = fakeIpcClient((method) => {
      if (method === 'event.subscribe') throw new DaemonError('OD_INVALID_PARAMS', 'params.events[0]: bad')
      return {}
    })
    const { od } = setup([a])
    await od.connect()
    const failed = od.waitFor('client:subscribe-failed')
    od.on('ipc:*', () => undefined)
    expect(await failed).toEqual({
      patterns: ['ipc:*'],
      error: { code: 'OD_INVALID_PARAMS', message: 'Invalid parameters: params.events[0]: bad.' },
      at: 5_000,
    })
  })

  it('stays quiet about a subscription lost with its connection', async () => {
    const a = fakeIpcClient(PENDING_RESPONDER)
    const { od, clock } = setup([a], { reconnect: false })
    await od.connect()
    const failed = vi.fn()
    od.on('client:subscribe-failed', failed)
    od.on('plugin:*', () => undefined)
    a.drop()
    await clock.flush()
    expect(failed).not.toHaveBeenCalled()
  })

  it('ignores a failed unsubscribe', async () => {
    const a = fakeIpcClient((method) => {
      if (method === 'event.unsubscribe') throw new DaemonError('OD_DAEMON_SHUTTING_DOWN')
      return {}
    })
    const { od, clock } = setup([a])
    await od.connect()
    od.on('plugin:*', () => undefined)
    od.off('plugin:*')
    await clock.flush()
    expect(od.state).toBe('connected')
  })

  it('passes handler failures to onHandlerError', async () => {
    const failures: unknown[] = []
    const a = fakeIpcClient(echo)
    const { od } = setup([a], { onHandlerError: (error, ctx) => failures.push([error, ctx]) })
    od.on('daemon:ready', () => {
      throw new Error('handler bug')
    })
    await od.connect()
    a.notify('event', { event: 'daemon:ready', data: {} })
    expect(failures).toEqual([[new Error('handler bug'), { event: 'daemon:ready', pattern: 'daemon:ready' }]])
  })
})

describe('OpenDaemon: waitFor', () => {
  it('resolves with the first payload that satisfies the predicate', async () => {
    const a = fakeIpcClient(echo)
    const { od } = setup([a])
    await od.connect()
    const waiting = od.waitFor('plugin:*', (data, event) => event === 'plugin:enabled' && data.name === 'b')
    a.notify('event', { event: 'plugin:enabled', data: { name: 'a', at: 1 } })
    a.notify('event', { event: 'plugin:enabled', data: { name: 'b', at: 2 } })
    expect(await waiting).toEqual({ name: 'b', at: 2 })
  })

  it('resolves on any matching event without a predicate, and forgets its handler', async () => {
    const a = fakeIpcClient(echo)
    const { od } = setup([a])
    await od.connect()
    const sent = vi.spyOn(a.client, 'request')
    const waiting = od.waitFor('daemon:ready')
    a.notify('event', { event: 'daemon:ready', data: { pid: 3, at: 3 } })
    expect(await waiting).toEqual({ pid: 3, at: 3 })
    expect(sent.mock.calls.map(([m]) => m)).toEqual(['event.subscribe', 'event.unsubscribe'])
  })

  it('rejects with OD_TIMEOUT after timeoutMs (default: the client timeout)', async () => {
    const { od, clock } = setup([fakeIpcClient(echo)], { timeoutMs: 300 })
    const explicit = od.waitFor('daemon:ready', undefined, { timeoutMs: 50 })
    const byDefault = od.waitFor('daemon:stopped')
    const a = expect(explicit).rejects.toMatchObject({
      code: 'OD_TIMEOUT',
      message: expect.stringContaining('Waiting for event daemon:ready timed out after 50 ms'),
    })
    const b = expect(byDefault).rejects.toMatchObject({ message: expect.stringContaining('after 300 ms') })
    await clock.advanceAsync(300)
    await Promise.all([a, b])
  })

  it('rejects with what the predicate throws', async () => {
    const a = fakeIpcClient(echo)
    const { od } = setup([a])
    await od.connect()
    const waiting = od.waitFor('daemon:ready', () => {
      throw new Error('bad predicate')
    })
    a.notify('event', { event: 'daemon:ready', data: {} })
    await expect(waiting).rejects.toThrow('bad predicate')
  })
})

describe('OpenDaemon: auto-start and defaults', () => {
  it('runs `opendaemon daemon start` when autoStart is on and no launcher is given', async () => {
    const child = new EventEmitter()
    const spawn = vi.fn(() => {
      setImmediate(() => child.emit('close', 0, null))
      return child as unknown as ChildProcess
    })
    const a = fakeIpcClient(echo)
    const { od } = setup(
      [new DaemonError('OD_DAEMON_NOT_RUNNING', '/tmp/od-u/od.sock'), a],
      { autoStart: true },
      {
        spawn,
        env: { PATH: '/usr/bin' },
      },
    )
    await od.connect()
    expect(spawn).toHaveBeenCalledWith('opendaemon', ['daemon', 'start', '--quiet'], {
      env: { PATH: '/usr/bin', OD_HOME: '/tmp/od-u', OD_SOCKET: '/tmp/od-u/od.sock' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
  })

  it('loads child_process itself when no spawn is injected', async () => {
    const { od } = setup(
      [new DaemonError('OD_DAEMON_NOT_RUNNING', 'x')],
      { autoStart: true },
      {
        env: { PATH: '/nonexistent-od-dir' },
      },
    )
    await expect(od.connect()).rejects.toMatchObject({
      code: 'OD_DAEMON_START_FAILED',
      message: expect.stringContaining('`opendaemon` is not on PATH'),
    })
  })

  it('uses the user launcher when given', async () => {
    const launcher = vi.fn(() => Promise.resolve())
    const a = fakeIpcClient(echo)
    const { od } = setup([new DaemonError('OD_DAEMON_NOT_RUNNING', 'x'), a], { autoStart: true, launcher })
    await od.connect()
    expect(launcher).toHaveBeenCalledTimes(1)
  })

  it('reads the real environment, home directory and working directory by default', () => {
    const od = new OpenDaemon({ socketPath: '/tmp/od-default.sock' })
    expect(od.settings.socketPath).toBe('/tmp/od-default.sock')
    expect(od.settings.home.startsWith('/')).toBe(true)
  })

  it('disconnects and connects again on the next call', async () => {
    const a = fakeIpcClient(echo)
    const b = fakeIpcClient(echo)
    const { od } = setup([a, b])
    await od.connect()
    await od.disconnect()
    expect(od.state).toBe('idle')
    await od.ping()
    expect(od.state).toBe('connected')
  })
})
