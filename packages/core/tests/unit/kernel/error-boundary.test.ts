import { describe, expect, it, vi } from 'vitest'
import { DaemonError, createParamsParser, resolveDaemonConfig, type Plugin } from '../../../src/index.js'
import { isPluginFault } from '../../../src/kernel/error-boundary.js'
import { plugin, rejection, setup } from './kernel-test-kit.js'

const noParams = createParamsParser<Record<string, never>>({ type: 'object' })

/** A plugin whose `plugin.list` handler throws whatever `fault()` returns. */
function faulty(fault: () => unknown, extra: Partial<Plugin> = {}): Plugin {
  return plugin('faulty', {
    install(ctx) {
      ctx.registerMethod('plugin.list', {
        description: 'fails',
        params: noParams,
        handler: () => {
          throw fault()
        },
      })
      ctx.registerHook('test:double', (n) => n * 2)
      ctx.registerMetric({ name: 'faulty_up', type: 'gauge', help: 'up', collect: () => 1 })
      ctx.events.on('daemon:config:reloaded', () => undefined)
    },
    ...extra,
  })
}

describe('isPluginFault', () => {
  it('counts anything but domain DaemonErrors', () => {
    expect(isPluginFault(new TypeError('x'))).toBe(true)
    expect(isPluginFault('string')).toBe(true)
    expect(isPluginFault(new DaemonError('OD_INTERNAL', 'x'))).toBe(true)
    expect(isPluginFault(new DaemonError('OD_PLUGIN_TIMEOUT', 'p', 's', 1))).toBe(true)
    expect(isPluginFault(new DaemonError('OD_PLUGIN_NOT_FOUND', 'x'))).toBe(false)
  })
})

describe('error boundary', () => {
  it('wraps an unknown error as OD_INTERNAL, counts it, logs it and tells onError', async () => {
    const cause = new TypeError('x is undefined')
    const onError = vi.fn()
    const { kernel, lines } = setup([faulty(() => cause, { onError })])
    await kernel.start()
    const err = await rejection(kernel.call('plugin.list', {}))
    expect(err.code).toBe('OD_INTERNAL')
    expect(err.cause).toBe(cause)
    expect(err.message).toContain('method "plugin.list" threw: x is undefined')
    expect(kernel.pluginInfo('faulty')).toMatchObject({
      failures: 1,
      lastError: { code: 'OD_INTERNAL', message: err.message, at: 1_000 },
    })
    expect(onError).toHaveBeenCalledTimes(1)
    const [passed, ctx] = onError.mock.calls[0] as [DaemonError, { name: string }]
    expect(passed.code).toBe('OD_INTERNAL')
    expect(ctx.name).toBe('faulty')
    expect(lines.some((line) => line.includes('ERROR plugin faulty: method "plugin.list" failed'))).toBe(true)
  })

  it('passes domain DaemonErrors through unchanged without counting them', async () => {
    const domain = new DaemonError('OD_PLUGIN_NOT_FOUND', 'x')
    const { kernel } = setup([faulty(() => domain)])
    await kernel.start()
    expect(await rejection(kernel.call('plugin.list', {}))).toBe(domain)
    expect(kernel.pluginInfo('faulty').failures).toBe(0)
  })

  it('counts an OD_INTERNAL DaemonError and passes it through', async () => {
    const internal = new DaemonError('OD_INTERNAL', 'bug')
    const { kernel } = setup([faulty(() => internal)])
    await kernel.start()
    expect(await rejection(kernel.call('plugin.list', {}))).toBe(internal)
    expect(kernel.pluginInfo('faulty').failures).toBe(1)
  })

  it('opens the circuit at the threshold: disables the plugin and its dependents and removes everything', async () => {
    const onStop = vi.fn()
    const { kernel, events, clock } = setup([
      faulty(() => new Error('again'), { onStop }),
      plugin('dependent', { dependencies: ['faulty'] }),
    ])
    await kernel.start()
    for (let i = 0; i < 4; i++) await rejection(kernel.call('plugin.list', {}))
    expect(kernel.pluginInfo('faulty').state).toBe('ready')
    const fifth = await rejection(kernel.call('plugin.list', {}))
    expect(kernel.pluginInfo('faulty')).toMatchObject({
      state: 'disabled',
      disabledReason: 'circuit-open',
      failures: 5,
    })
    expect(kernel.pluginInfo('dependent')).toMatchObject({
      state: 'disabled',
      disabledReason: 'dependency-disabled',
    })
    expect((await rejection(kernel.call('plugin.list', {}))).code).toBe('OD_PLUGIN_DISABLED')
    expect(await kernel.runHook('test:double', 2)).toEqual([])
    expect(await kernel.metrics()).toEqual([])
    expect(kernel.events.listenerCount('daemon:config:reloaded')).toBe(1) // only the test's own '*' listener
    await clock.flush()
    expect(onStop).toHaveBeenCalledTimes(1)
    expect(events('plugin:disabled')).toEqual([
      { name: 'dependent', reason: 'dependency-disabled', at: 1_000 },
      {
        name: 'faulty',
        reason: 'circuit-open',
        error: { code: 'OD_INTERNAL', message: fifth.message },
        at: 1_000,
      },
    ])
  })

  it('forgets failures older than the window', async () => {
    const { kernel, clock } = setup([faulty(() => new Error('slow leak'))], {
      breaker: { threshold: 2, windowMs: 1_000 },
    })
    await kernel.start()
    await rejection(kernel.call('plugin.list', {}))
    clock.advance(1_000)
    await rejection(kernel.call('plugin.list', {}))
    expect(kernel.pluginInfo('faulty')).toMatchObject({ state: 'ready', failures: 2 })
    await rejection(kernel.call('plugin.list', {}))
    expect(kernel.pluginInfo('faulty').state).toBe('disabled')
  })

  it('takes the breaker settings from the daemon config', async () => {
    const { kernel } = setup([faulty(() => new Error('x'))], {
      config: resolveDaemonConfig({ breaker: { threshold: 1 } }),
    })
    await kernel.start()
    await rejection(kernel.call('plugin.list', {}))
    expect(kernel.pluginInfo('faulty').state).toBe('disabled')
  })

  it('survives an onError hook that throws or rejects', async () => {
    const { kernel, lines, clock } = setup([
      faulty(() => new Error('one'), {
        onError: () => {
          throw new Error('onError bug')
        },
      }),
    ])
    await kernel.start()
    await rejection(kernel.call('plugin.list', {}))
    const second = setup([
      faulty(() => new Error('two'), { onError: () => Promise.reject(new Error('async onError bug')) }),
    ])
    await second.kernel.start()
    await rejection(second.kernel.call('plugin.list', {}))
    await clock.flush()
    expect(lines.some((line) => line.includes('onError threw') && line.includes('onError bug'))).toBe(true)
    expect(second.lines.some((line) => line.includes('async onError bug'))).toBe(true)
  })

  it('counts event handler failures, sync and async, through the scoped bus', async () => {
    const { kernel, clock } = setup([
      plugin('listener', {
        install(ctx) {
          ctx.events.on('daemon:config:reloaded', boom)
          ctx.events.on('daemon:*', async () => Promise.reject(new Error('async')))
        },
      }),
    ])
    await kernel.start()
    await clock.flush() // the async handler also rejected for the boot's daemon:* events
    const before = kernel.pluginInfo('listener').failures
    await kernel.events.emitAsync('daemon:config:reloaded', { changed: [], at: 0 })
    await clock.flush()
    expect(kernel.pluginInfo('listener').failures - before).toBe(2)
    expect(kernel.pluginInfo('listener').lastError?.message).toContain('event handler for')
  })

  it('only logs failures arriving after the plugin stopped', async () => {
    let reject: (error: Error) => void = () => undefined
    const { kernel, lines } = setup([
      plugin('late', {
        install(ctx) {
          ctx.events.on(
            'daemon:config:reloaded',
            () => new Promise<void>((_resolve, fail) => (reject = fail)),
          )
        },
      }),
    ])
    await kernel.start()
    kernel.events.emit('daemon:config:reloaded', { changed: [], at: 0 })
    await kernel.disablePlugin('late')
    reject(new Error('too late'))
    await new Promise((resolve) => setImmediate(resolve))
    expect(kernel.pluginInfo('late').failures).toBe(0)
    expect(lines.some((line) => line.includes('failed after the plugin stopped'))).toBe(true)
  })

  it('does not open circuits while the daemon is stopping', async () => {
    const { kernel } = setup(
      [
        plugin('listener', { install: (ctx) => void ctx.events.on('daemon:config:reloaded', boom) }),
        plugin('emitter', {
          dependencies: ['listener'],
          onStop: (ctx) => ctx.events.emit('daemon:config:reloaded', { changed: [], at: 0 }),
        }),
      ],
      { breaker: { threshold: 1 } },
    )
    await kernel.start()
    await kernel.stop()
    expect(kernel.pluginInfo('listener')).toMatchObject({ state: 'stopped', failures: 1 })
  })
})

function boom(): never {
  throw new Error('boom')
}
