import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import {
  createEventBus,
  createKernel,
  createParamsParser,
  resolveDaemonConfig,
  type DaemonStatus,
  type EventMap,
  type PluginInfo,
  type PluginContext,
} from '../../../src/index.js'
import { plugin, rejection, setup, testPaths, tracedPlugin } from './kernel-test-kit.js'

const pong = { pong: true as const, pid: 1, uptimeMs: 0, version: '0.0.0' }

const noParams = createParamsParser<Record<string, never>>({ type: 'object', additionalProperties: false })

describe('createKernel boot', () => {
  it('installs every plugin, then starts all, then readies all, in load order', async () => {
    const log: string[] = []
    const { kernel } = setup([
      tracedPlugin('app', log, { dependencies: ['db'] }),
      tracedPlugin('db', log),
      tracedPlugin('audit', log, { priority: 1 }),
    ])
    await kernel.start()
    expect(log).toEqual([
      'audit:install',
      'db:install',
      'app:install',
      'audit:onStart',
      'db:onStart',
      'app:onStart',
      'audit:onReady',
      'db:onReady',
      'app:onReady',
    ])
    expect(kernel.listPlugins().map((p) => [p.name, p.state])).toEqual([
      ['audit', 'ready'],
      ['db', 'ready'],
      ['app', 'ready'],
    ])
  })

  it('moves starting → ready → running and emits the daemon and plugin events in order', async () => {
    const { kernel, eventNames, events, clock } = setup([
      plugin('solo', { onReady: () => clock.advance(250) }),
    ])
    expect(kernel.state).toBe('starting')
    expect(kernel.startedAt).toBeNull()
    await kernel.start()
    expect(kernel.state).toBe('running')
    expect(kernel.startedAt).toBe(1_000)
    expect(eventNames()).toEqual([
      'daemon:starting',
      'plugin:installed',
      'plugin:started',
      'daemon:ready',
      'plugin:ready',
      'daemon:running',
    ])
    expect(events('daemon:starting')).toEqual([{ pid: 4242, version: '0.1.0', at: 1_000 }])
    expect(events('plugin:installed')).toEqual([{ name: 'solo', version: '1.0.0', at: 1_000 }])
    expect(events('daemon:running')).toEqual([{ pid: 4242, bootMs: 250, at: 1_250 }])
  })

  it('returns the same promise when start is called twice', async () => {
    const install = vi.fn()
    const { kernel } = setup([plugin('a', { install })])
    const first = kernel.start()
    expect(kernel.start()).toBe(first)
    await first
    expect(install).toHaveBeenCalledTimes(1)
  })

  it('rejects a bad declaration before any install, then stops', async () => {
    const install = vi.fn()
    const { kernel, eventNames, events } = setup([
      plugin('a', { install, dependencies: ['b'] }),
      plugin('b', { dependencies: ['a'] }),
    ])
    expect(kernel.listPlugins()).toEqual([])
    const err = await rejection(kernel.start())
    expect(err.code).toBe('OD_PLUGIN_DEPENDENCY_CYCLE')
    expect(err.message).toContain('a → b → a')
    expect(install).not.toHaveBeenCalled()
    expect(kernel.state).toBe('stopped')
    expect(eventNames()).toEqual(['daemon:starting', 'daemon:stopping', 'daemon:stopped'])
    expect(events('daemon:stopping')).toEqual([{ reason: 'boot-failed', at: 1_000 }])
    await expect(kernel.stop()).resolves.toBeUndefined()
  })

  it('rejects invalid plugin configuration at start with every path', async () => {
    const { kernel } = setup(
      [
        plugin('web', {
          configSchema: {
            type: 'object',
            properties: { port: { type: 'integer', minimum: 1, maximum: 65535 } },
          },
        }),
      ],
      { config: resolveDaemonConfig({ plugins: { web: { port: 'abc' } } }) },
    )
    const err = await rejection(kernel.start())
    expect(err.code).toBe('OD_PLUGIN_CONFIG_INVALID')
    expect(err.message).toContain('port: expected integer 1-65535, got "abc"')
  })

  it('works with defaults only: system clock, silent logger, default config and no plugins', async () => {
    const kernel = createKernel({ paths: testPaths })
    expect(kernel.config.hookTimeoutMs).toBe(10_000)
    expect(kernel.paths).toBe(testPaths)
    const starting: number[] = []
    kernel.events.on('daemon:starting', ({ pid }) => void starting.push(pid))
    await kernel.start()
    await kernel.stop()
    expect(kernel.state).toBe('stopped')
    expect(starting).toEqual([process.pid])
  })

  it('uses a given event bus', async () => {
    const bus = createEventBus<EventMap>()
    const seen: string[] = []
    bus.on('daemon:*', (_data, event) => void seen.push(event))
    const kernel = createKernel({ paths: testPaths, events: bus })
    expect(kernel.events).toBe(bus)
    await kernel.start()
    expect(seen).toEqual(['daemon:starting', 'daemon:ready', 'daemon:running'])
  })

  it('logs a failing subscriber of its own bus instead of throwing', async () => {
    const { kernel, lines } = setup([])
    kernel.events.on('daemon:ready', () => {
      throw new Error('listener bug')
    })
    await kernel.start()
    expect(lines.some((line) => line.includes('WARN  event handler failed event=daemon:ready'))).toBe(true)
  })

  it('gives plugins frozen daemon and plugin configuration', async () => {
    let seen: PluginContext | undefined
    const config = resolveDaemonConfig({ plugins: { web: { port: 9 } } })
    const { kernel } = setup(
      [plugin('web', { defaultConfig: { port: 1, host: 'h' }, install: (ctx) => void (seen = ctx) })],
      {
        config,
      },
    )
    await kernel.start()
    expect(seen?.pluginConfig).toEqual({ port: 9, host: 'h' })
    expect(Object.isFrozen(seen?.pluginConfig)).toBe(true)
    expect(Object.isFrozen(seen?.config.ipc)).toBe(true)
    expect(Object.isFrozen(config)).toBe(false)
    expect(seen?.config.breaker.threshold).toBe(5)
  })
})

describe('createKernel stop', () => {
  it('stops plugins in reverse order and emits the stop events', async () => {
    const log: string[] = []
    const { kernel, clock, eventNames, events } = setup([
      tracedPlugin('a', log),
      tracedPlugin('b', log, { dependencies: ['a'] }),
    ])
    await kernel.start()
    log.length = 0
    clock.advance(5_000)
    const first = kernel.stop('signal')
    expect(kernel.stop()).toBe(first)
    await first
    expect(log).toEqual(['b:onStop', 'a:onStop'])
    expect(kernel.listPlugins().map((p) => p.state)).toEqual(['stopped', 'stopped'])
    expect(eventNames().slice(-4)).toEqual([
      'daemon:stopping',
      'plugin:stopped',
      'plugin:stopped',
      'daemon:stopped',
    ])
    expect(events('daemon:stopping')).toEqual([{ reason: 'signal', at: 6_000 }])
    expect(events('daemon:stopped')).toEqual([{ reason: 'signal', uptimeMs: 5_000, at: 6_000 }])
    expect(events('plugin:stopped').map((e) => e['name'])).toEqual(['b', 'a'])
  })

  it('stops before start with zero uptime, after which start is refused', async () => {
    const { kernel, events } = setup([plugin('a')])
    await kernel.stop()
    expect(kernel.state).toBe('stopped')
    expect(events('daemon:stopped')).toEqual([{ reason: 'request', uptimeMs: 0, at: 1_000 }])
    expect((await rejection(kernel.start())).code).toBe('OD_DAEMON_SHUTTING_DOWN')
    expect(kernel.listPlugins()[0]?.state).toBe('registered')
  })

  it('keeps going when an onStop throws or overruns, logging it', async () => {
    const after = vi.fn()
    const { kernel, clock, lines } = setup(
      [
        plugin('first', { onStop: after }),
        plugin('hangs', { dependencies: ['first'], onStop: () => new Promise(() => undefined) }),
        plugin('throws', {
          dependencies: ['hangs'],
          onStop: () => {
            throw new Error('stop bug')
          },
        }),
      ],
      { hookTimeoutMs: 50 },
    )
    await kernel.start()
    const stopped = kernel.stop()
    await clock.advanceAsync(50)
    await stopped
    expect(after).toHaveBeenCalled()
    expect(lines.filter((line) => line.includes('failed in onStop'))).toHaveLength(2)
    expect(lines.some((line) => line.includes('did not finish onStop within 50 ms'))).toBe(true)
  })

  it('waits for a running boot before stopping', async () => {
    const log: string[] = []
    let release: () => void = () => undefined
    const { kernel } = setup([
      tracedPlugin('slow', log, { install: () => new Promise<void>((resolve) => (release = resolve)) }),
    ])
    const started = kernel.start()
    const stopped = kernel.stop()
    await new Promise((resolve) => setImmediate(resolve))
    release()
    await Promise.all([started, stopped])
    expect(log).toEqual(['slow:onStart', 'slow:onReady', 'slow:onStop'])
  })
})

describe('createKernel registrations', () => {
  it('registers kernel-owned methods that can be listed, called and unregistered', async () => {
    const { kernel } = setup([])
    const off = kernel.registerMethod('daemon.ping', {
      description: 'Answer with pong',
      params: noParams,
      handler: (_params, meta) => ({ ...pong, at: meta.connectionId === 'c1' ? 1 : 0 }),
    })
    expect(kernel.listMethods()).toEqual([
      { name: 'daemon.ping', description: 'Answer with pong', owner: 'kernel' },
    ])
    expect(await kernel.call('daemon.ping', {}, { connectionId: 'c1' })).toEqual({ ...pong, at: 1 })
    expect(await kernel.call('daemon.ping' as string, undefined)).toEqual({ ...pong, at: 0 })
    off()
    expect((await rejection(kernel.call('daemon.ping', {}))).code).toBe('OD_METHOD_NOT_FOUND')
  })

  it('types calls by method name and falls back to unknown for other strings', () => {
    const { kernel } = setup([])
    // No method is registered here, so each call rejects: catch them, only their types matter.
    const plugins = kernel.call('plugin.list', {})
    const status = kernel.call('daemon.status', {})
    const other = kernel.call('some.plugin.method' as string, { any: 1 })
    for (const call of [plugins, status, other]) call.catch(() => undefined)
    expectTypeOf(plugins).resolves.toEqualTypeOf<PluginInfo[]>()
    expectTypeOf(status).resolves.toEqualTypeOf<DaemonStatus>()
    expectTypeOf(other).resolves.toEqualTypeOf<unknown>()
    // @ts-expect-error -- plugin.info needs { name }
    void kernel.call('plugin.info', { nam: 'x' }).catch(() => undefined)
    // @ts-expect-error -- no such hook
    void kernel.runHook('test:tripple', 1)
  })

  it('registers kernel-owned metrics', async () => {
    const { kernel } = setup([])
    const off = kernel.registerMetric({ name: 'od_daemon_up', type: 'gauge', help: 'Up', collect: () => 1 })
    expect(await kernel.metrics()).toEqual([
      {
        name: 'od_daemon_up',
        type: 'gauge',
        help: 'Up',
        plugin: 'kernel',
        samples: [{ labels: {}, value: 1 }],
      },
    ])
    off()
    expect(await kernel.metrics()).toEqual([])
  })

  it('describes plugins for plugin.list and plugin.info', async () => {
    const { kernel } = setup([
      plugin('db', {
        install(ctx) {
          ctx.registerMethod('plugin.list', { description: 'x', params: noParams, handler: () => [] })
          ctx.registerHook('test:double', (n) => n * 2)
          ctx.registerMetric({ name: 'db_up', type: 'gauge', help: 'up', collect: () => 1 })
          ctx.events.on('daemon:ready', () => undefined)
        },
      }),
      plugin('app', { dependencies: ['db'], conflicts: ['legacy'], priority: 7 }),
    ])
    expect(kernel.listPlugins()[0]?.state).toBe('registered')
    await kernel.start()
    expect(kernel.listPlugins()).toEqual([
      {
        name: 'db',
        version: '1.0.0',
        description: 'db plugin',
        state: 'ready',
        priority: 100,
        dependencies: [],
        conflicts: [],
        methods: ['plugin.list'],
        failures: 0,
      },
      {
        name: 'app',
        version: '1.0.0',
        description: 'app plugin',
        state: 'ready',
        priority: 7,
        dependencies: ['db'],
        conflicts: ['legacy'],
        methods: [],
        failures: 0,
      },
    ])
    expect(kernel.pluginInfo('db')).toMatchObject({
      hooks: ['test:double'],
      metrics: ['db_up'],
      subscriptions: 1,
      dependents: ['app'],
    })
    await kernel.stop()
    expect(kernel.pluginInfo('db').subscriptions).toBe(0)
    expect(() => kernel.pluginInfo('nope')).toThrowError(
      expect.objectContaining({ code: 'OD_PLUGIN_NOT_FOUND' }),
    )
  })
})
