import { describe, expect, it } from 'vitest'
import { DaemonError, createParamsParser } from '../../../src/index.js'
import { plugin, rejection, setup } from './kernel-test-kit.js'

/** A method name as the IPC server sees it: a plain string, so params are not type-checked. */
const fromWire = (name: string): string => name

const infoParams = createParamsParser<{ name: string }>({
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string' } },
})

function methodPlugin(handler: (params: { name: string }) => unknown, params = infoParams) {
  return plugin('methods', {
    install(ctx) {
      ctx.registerMethod('plugin.info', {
        description: 'info',
        params,
        handler: handler as never,
      })
    },
  })
}

describe('kernel.call', () => {
  it('parses params then runs the handler with them and the caller meta', async () => {
    let seenMeta: unknown
    const { kernel } = setup([
      plugin('methods', {
        install(ctx) {
          ctx.registerMethod('plugin.info', {
            description: 'info',
            params: infoParams,
            handler: (params, meta) => {
              seenMeta = meta
              throw new DaemonError('OD_PLUGIN_NOT_FOUND', params.name)
            },
          })
        },
      }),
    ])
    await kernel.start()
    const err = await rejection(kernel.call('plugin.info', { name: 'x' }, { connectionId: 'c9' }))
    expect(err.code).toBe('OD_PLUGIN_NOT_FOUND')
    expect(seenMeta).toEqual({ connectionId: 'c9' })
  })

  it('returns the handler result', async () => {
    const { kernel } = setup([methodPlugin(({ name }) => ({ name, echoed: true }))])
    await kernel.start()
    expect(await kernel.call('plugin.info', { name: 'x' })).toEqual({ name: 'x', echoed: true })
  })

  it('rejects bad params with the exact path and never counts them', async () => {
    const { kernel } = setup([methodPlugin(() => 1)])
    await kernel.start()
    const err = await rejection(kernel.call(fromWire('plugin.info'), { name: 5 }))
    expect(err.code).toBe('OD_INVALID_PARAMS')
    expect(err.message).toBe('Invalid parameters: params.name: expected string, got number.')
    expect(kernel.pluginInfo('methods').failures).toBe(0)
  })

  it('turns a parser throwing a plain error into OD_INVALID_PARAMS keeping the cause', async () => {
    const cause = new Error('name must be short')
    const { kernel } = setup([
      methodPlugin(
        () => 1,
        () => {
          throw cause
        },
      ),
    ])
    await kernel.start()
    const err = await rejection(kernel.call(fromWire('plugin.info'), {}))
    expect(err.code).toBe('OD_INVALID_PARAMS')
    expect(err.message).toBe('Invalid parameters: params: name must be short.')
    expect(err.cause).toBe(cause)
    expect(kernel.pluginInfo('methods').failures).toBe(0)
  })

  it('answers OD_METHOD_NOT_FOUND for unknown methods', async () => {
    const { kernel } = setup([])
    await kernel.start()
    const err = await rejection(kernel.call('nope.nothing', {}))
    expect(err.code).toBe('OD_METHOD_NOT_FOUND')
    expect(err.message).toContain('Unknown method "nope.nothing"')
  })

  it('answers OD_PLUGIN_DISABLED for methods of a disabled or failed plugin', async () => {
    let failOnStart = false
    const { kernel } = setup([
      plugin('methods', {
        install: (ctx) =>
          ctx.registerMethod('plugin.info', {
            description: 'i',
            params: infoParams,
            handler: () => ({}) as never,
          }),
        onStart: () => {
          if (failOnStart) throw new Error('start bug')
        },
      }),
    ])
    await kernel.start()
    await kernel.disablePlugin('methods')
    expect((await rejection(kernel.call('plugin.info', { name: 'x' }))).message).toContain(
      'Plugin "methods" is disabled',
    )
    failOnStart = true
    await rejection(kernel.enablePlugin('methods'))
    expect((await rejection(kernel.call('plugin.info', { name: 'x' }))).code).toBe('OD_PLUGIN_DISABLED')
  })

  it('answers OD_DAEMON_SHUTTING_DOWN for plugin methods once the daemon stopped', async () => {
    const { kernel } = setup([methodPlugin(() => 1)])
    await kernel.start()
    await kernel.stop()
    expect((await rejection(kernel.call('plugin.info', { name: 'x' }))).code).toBe('OD_DAEMON_SHUTTING_DOWN')
  })

  it('wraps unknown errors of kernel methods as OD_INTERNAL without a plugin to blame', async () => {
    const { kernel } = setup([])
    kernel.registerMethod('daemon.version', {
      description: 'v',
      params: () => ({}),
      handler: () => {
        throw new RangeError('kernel bug')
      },
    })
    const err = await rejection(kernel.call('daemon.version', {}))
    expect(err.code).toBe('OD_INTERNAL')
    expect(err.message).toContain('method "daemon.version" threw: kernel bug')
  })
})

describe('kernel.runHook', () => {
  it('runs every handler in plugin load order and collects their values', async () => {
    const { kernel } = setup([
      plugin('late', { install: (ctx) => ctx.registerHook('test:double', (n) => n * 3) }),
      plugin('early', { priority: 1, install: (ctx) => ctx.registerHook('test:double', async (n) => n * 2) }),
    ])
    await kernel.start()
    expect(await kernel.runHook('test:double', 5)).toEqual([
      { plugin: 'early', ok: true, value: 10 },
      { plugin: 'late', ok: true, value: 15 },
    ])
    expect(await kernel.runHook('test:other', 'nobody')).toEqual([])
  })

  it('reports a failing handler as an outcome, counting faults only', async () => {
    const { kernel } = setup([
      plugin('faulty', {
        install: (ctx) =>
          ctx.registerHook('test:double', () => {
            throw new TypeError('hook bug')
          }),
      }),
      plugin('vetoes', {
        install: (ctx) =>
          ctx.registerHook('test:double', () => {
            throw new DaemonError('OD_PLUGIN_ACCESS_DENIED', 'vetoes', 'x')
          }),
      }),
      plugin('fine', { priority: 200, install: (ctx) => ctx.registerHook('test:double', (n) => n) }),
    ])
    await kernel.start()
    const outcomes = await kernel.runHook('test:double', 1)
    expect(outcomes.map((o) => [o.plugin, o.ok ? o.value : o.error.code])).toEqual([
      ['faulty', 'OD_INTERNAL'],
      ['vetoes', 'OD_PLUGIN_ACCESS_DENIED'],
      ['fine', 1],
    ])
    expect(kernel.pluginInfo('faulty').failures).toBe(1)
    expect(kernel.pluginInfo('vetoes').failures).toBe(0)
  })

  it('bounds each handler by the hook timeout', async () => {
    const { kernel, clock } = setup(
      [
        plugin('slow', {
          install: (ctx) => ctx.registerHook('test:double', () => new Promise<number>(() => undefined)),
        }),
      ],
      { hookTimeoutMs: 20 },
    )
    await kernel.start()
    const outcomes = kernel.runHook('test:double', 1)
    await clock.advanceAsync(20)
    expect(await outcomes).toEqual([
      {
        plugin: 'slow',
        ok: false,
        error: {
          code: 'OD_PLUGIN_TIMEOUT',
          message: 'Plugin "slow" did not finish hook "test:double" within 20 ms.',
        },
      },
    ])
    expect(kernel.pluginInfo('slow').failures).toBe(1)
  })

  it('skips the remaining handlers of a plugin disabled during the run', async () => {
    let second = 0
    const { kernel } = setup(
      [
        plugin('twice', {
          install(ctx) {
            ctx.registerHook('test:double', () => {
              throw new Error('first fails')
            })
            ctx.registerHook('test:double', () => ++second)
          },
        }),
      ],
      { breaker: { threshold: 1 } },
    )
    await kernel.start()
    expect(await kernel.runHook('test:double', 1)).toHaveLength(1)
    expect(second).toBe(0)
  })

  it('is available to plugins through ctx.runHook', async () => {
    let outcome: unknown
    const { kernel } = setup([
      plugin('provider', { install: (ctx) => ctx.registerHook('test:other', (s) => s.toUpperCase()) }),
      plugin('consumer', {
        dependencies: ['provider'],
        onStart: async (ctx) => void (outcome = await ctx.runHook('test:other', 'hi')),
      }),
    ])
    await kernel.start()
    expect(outcome).toEqual([{ plugin: 'provider', ok: true, value: 'HI' }])
  })
})

describe('kernel.metrics', () => {
  it('collects numbers and labelled samples', async () => {
    const { kernel } = setup([
      plugin('m', {
        install(ctx) {
          ctx.registerMetric({ name: 'm_total', type: 'counter', help: 'total', collect: () => 3 })
          ctx.registerMetric({
            name: 'm_by_app',
            type: 'gauge',
            help: 'per app',
            collect: async () => [{ labels: { app: 'api' }, value: 1 }],
          })
        },
      }),
    ])
    await kernel.start()
    expect(await kernel.metrics()).toEqual([
      {
        name: 'm_by_app',
        type: 'gauge',
        help: 'per app',
        plugin: 'm',
        samples: [{ labels: { app: 'api' }, value: 1 }],
      },
      { name: 'm_total', type: 'counter', help: 'total', plugin: 'm', samples: [{ labels: {}, value: 3 }] },
    ])
  })

  it('leaves out failing collectors, counting plugin ones and logging kernel ones', async () => {
    const { kernel, lines } = setup([
      plugin('m', {
        install: (ctx) =>
          ctx.registerMetric({
            name: 'm_bad',
            type: 'gauge',
            help: 'bad',
            collect: () => {
              throw new Error('collect bug')
            },
          }),
      }),
    ])
    kernel.registerMetric({
      name: 'k_bad',
      type: 'gauge',
      help: 'bad',
      collect: () => Promise.reject(new Error('k')),
    })
    await kernel.start()
    expect(await kernel.metrics()).toEqual([])
    expect(kernel.pluginInfo('m').failures).toBe(1)
    expect(lines.some((line) => line.includes('kernel metric "k_bad" failed'))).toBe(true)
  })
})

describe('kernel.healthChecks', () => {
  it('reports running plugins: missing checks are healthy, false or throws or timeouts are not', async () => {
    const { kernel, clock } = setup(
      [
        plugin('plain'),
        plugin('good', { healthCheck: () => true }),
        plugin('sad', { healthCheck: async () => false }),
        plugin('broken', {
          healthCheck: () => {
            throw new DaemonError('OD_INTERNAL', 'probe')
          },
        }),
        plugin('stuck', { healthCheck: () => new Promise<boolean>(() => undefined) }),
        plugin('off', { healthCheck: () => true }),
      ],
      { hookTimeoutMs: 30 },
    )
    await kernel.start()
    await kernel.disablePlugin('off')
    const checks = kernel.healthChecks()
    await clock.advanceAsync(30)
    const results = await checks
    expect(results.map((r) => [r.name, r.healthy, r.error?.code])).toEqual([
      ['broken', false, 'OD_INTERNAL'],
      ['good', true, undefined],
      ['plain', true, undefined],
      ['sad', false, undefined],
      ['stuck', false, 'OD_PLUGIN_TIMEOUT'],
    ])
    expect(kernel.pluginInfo('broken').failures).toBe(0)
  })
})
