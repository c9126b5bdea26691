import { describe, expect, it, vi } from 'vitest'
import { DaemonError, createParamsParser, type PluginContext } from '../../../src/index.js'
import { plugin, rejection, setup, tracedPlugin } from './kernel-test-kit.js'

const noParams = createParamsParser<Record<string, never>>({ type: 'object' })
const boom = () => {
  throw new Error('boom')
}

describe('boot failures', () => {
  it('marks a plugin failing install as failed, disables its dependents and keeps booting', async () => {
    const log: string[] = []
    const { kernel, events, names } = setup([
      tracedPlugin('db', log, { install: boom }),
      tracedPlugin('api', log, { dependencies: ['db'] }),
      tracedPlugin('web', log, { dependencies: ['api'] }),
      tracedPlugin('other', log),
    ])
    await kernel.start()
    expect(kernel.state).toBe('running')
    expect(log).toEqual(['other:install', 'other:onStart', 'other:onReady'])
    expect(kernel.pluginInfo('db')).toMatchObject({
      state: 'failed',
      disabledReason: 'install-failed',
      lastError: { code: 'OD_PLUGIN_FAILED', message: 'Plugin "db" failed in install: boom.', at: 1_000 },
    })
    expect(kernel.pluginInfo('api')).toMatchObject({ state: 'disabled', disabledReason: 'dependency-failed' })
    expect(kernel.pluginInfo('web')).toMatchObject({ state: 'disabled', disabledReason: 'dependency-failed' })
    expect(events('plugin:failed')).toEqual([
      {
        name: 'db',
        step: 'install',
        error: { code: 'OD_PLUGIN_FAILED', message: 'Plugin "db" failed in install: boom.' },
        at: 1_000,
      },
    ])
    expect(names('plugin:disabled')).toEqual(['web', 'api'])
    expect(events('plugin:disabled')[0]).toEqual({ name: 'web', reason: 'dependency-failed', at: 1_000 })
  })

  it('keeps a DaemonError thrown by a step as the failure', async () => {
    const { kernel } = setup([
      plugin('a', {
        install: () => {
          throw new DaemonError('OD_PLUGIN_ACCESS_DENIED', 'a', 'b')
        },
      }),
    ])
    await kernel.start()
    expect(kernel.pluginInfo('a').lastError?.code).toBe('OD_PLUGIN_ACCESS_DENIED')
  })

  it('fails a plugin whose install overruns the hook timeout, naming plugin and step', async () => {
    const { kernel, clock } = setup(
      [plugin('slow', { install: () => new Promise(() => undefined) }), plugin('fast')],
      {
        hookTimeoutMs: 100,
      },
    )
    const started = kernel.start()
    await clock.advanceAsync(100)
    await started
    expect(kernel.pluginInfo('slow')).toMatchObject({
      state: 'failed',
      lastError: {
        code: 'OD_PLUGIN_TIMEOUT',
        message: 'Plugin "slow" did not finish install within 100 ms.',
      },
    })
    expect(kernel.pluginInfo('fast').state).toBe('ready')
  })

  it('runs onStop for a plugin failing onStart and removes what it registered', async () => {
    const onStop = vi.fn()
    const { kernel } = setup([
      plugin('half', {
        install: (ctx) =>
          ctx.registerMethod('plugin.list', { description: 'x', params: noParams, handler: () => [] }),
        onStart: boom,
        onStop,
      }),
    ])
    await kernel.start()
    expect(kernel.pluginInfo('half')).toMatchObject({ state: 'failed', disabledReason: 'start-failed' })
    expect(kernel.pluginInfo('half').methods).toEqual(['plugin.list'])
    expect(onStop).toHaveBeenCalledTimes(1)
    expect((await rejection(kernel.call('plugin.list', {}))).code).toBe('OD_PLUGIN_DISABLED')
  })

  it('takes down started dependents, dependents first, when a plugin fails onReady', async () => {
    const log: string[] = []
    const { kernel } = setup([
      tracedPlugin('base', log, { onReady: boom }),
      tracedPlugin('mid', log, { dependencies: ['base'] }),
    ])
    await kernel.start()
    expect(log.slice(-3)).toEqual(['mid:onStart', 'mid:onStop', 'base:onStop'])
    expect(kernel.pluginInfo('base')).toMatchObject({ state: 'failed', disabledReason: 'start-failed' })
    expect(kernel.pluginInfo('mid')).toMatchObject({ state: 'disabled', disabledReason: 'dependency-failed' })
  })

  it('does not fail a step again once its circuit opened during that step', async () => {
    const opensThenThrows = plugin('flaky', {
      install(ctx) {
        ctx.events.on('daemon:watchdog:lag', boom)
        ctx.events.emit('daemon:watchdog:lag', { lagMs: 1, thresholdMs: 1, at: 0 })
        throw new Error('after the circuit opened')
      },
    })
    const opensThenReturns = plugin('flaky-two', {
      onStart(ctx) {
        ctx.events.on('daemon:watchdog:unhealthy', boom)
        ctx.events.emit('daemon:watchdog:unhealthy', { plugins: [], at: 0 })
      },
    })
    const { kernel, events } = setup([opensThenThrows, opensThenReturns], { breaker: { threshold: 1 } })
    await kernel.start()
    expect(kernel.pluginInfo('flaky')).toMatchObject({ state: 'disabled', disabledReason: 'circuit-open' })
    expect(kernel.pluginInfo('flaky-two')).toMatchObject({
      state: 'disabled',
      disabledReason: 'circuit-open',
    })
    expect(events('plugin:failed')).toEqual([])
  })
})

describe('disablePlugin', () => {
  it('stops the plugin and its dependents, dependents first, and reports them', async () => {
    const log: string[] = []
    const { kernel, events } = setup([
      tracedPlugin('db', log),
      tracedPlugin('api', log, { dependencies: ['db'] }),
      tracedPlugin('lone', log),
    ])
    await kernel.start()
    log.length = 0
    const result = await kernel.disablePlugin('db')
    expect(result.map((p) => [p.name, p.state, p.disabledReason])).toEqual([
      ['db', 'disabled', 'user'],
      ['api', 'disabled', 'dependency-disabled'],
    ])
    expect(log).toEqual(['api:onStop', 'db:onStop'])
    expect(events('plugin:disabled')).toEqual([
      { name: 'api', reason: 'dependency-disabled', at: 1_000 },
      { name: 'db', reason: 'user', at: 1_000 },
    ])
    expect(kernel.pluginInfo('lone').state).toBe('ready')
  })

  it('marks a failed plugin as disabled by the user once, and leaves a user-disabled one alone', async () => {
    const { kernel, names } = setup([plugin('bad', { install: boom })])
    await kernel.start()
    expect((await kernel.disablePlugin('bad'))[0]).toMatchObject({
      state: 'disabled',
      disabledReason: 'user',
    })
    await kernel.disablePlugin('bad')
    expect(names('plugin:disabled')).toEqual(['bad'])
  })

  it('before start, keeps the plugin and its dependents from booting', async () => {
    const log: string[] = []
    const { kernel } = setup([tracedPlugin('db', log), tracedPlugin('api', log, { dependencies: ['db'] })])
    await kernel.disablePlugin('db')
    await kernel.start()
    expect(log).toEqual([])
    expect(kernel.listPlugins().map((p) => p.disabledReason)).toEqual(['user', 'dependency-disabled'])
  })

  it('refuses unknown plugins and a stopped kernel', async () => {
    const { kernel } = setup([plugin('a')])
    expect((await rejection(kernel.disablePlugin('nope'))).code).toBe('OD_PLUGIN_NOT_FOUND')
    await kernel.stop()
    expect((await rejection(kernel.disablePlugin('a'))).code).toBe('OD_DAEMON_SHUTTING_DOWN')
    expect((await rejection(kernel.enablePlugin('a'))).code).toBe('OD_DAEMON_SHUTTING_DOWN')
  })
})

describe('enablePlugin', () => {
  it('re-runs install, onStart and onReady with a fresh context and revives dependents', async () => {
    const log: string[] = []
    const contexts: PluginContext[] = []
    const { kernel, names } = setup([
      tracedPlugin('db', log, {
        install(ctx) {
          contexts.push(ctx)
          log.push('db:install')
        },
      }),
      tracedPlugin('api', log, { dependencies: ['db'] }),
    ])
    await kernel.start()
    await kernel.disablePlugin('db')
    log.length = 0
    const result = await kernel.enablePlugin('db')
    expect(result.map((p) => [p.name, p.state])).toEqual([
      ['db', 'ready'],
      ['api', 'ready'],
    ])
    expect(log).toEqual([
      'db:install',
      'db:onStart',
      'db:onReady',
      'api:install',
      'api:onStart',
      'api:onReady',
    ])
    expect(contexts).toHaveLength(2)
    expect(contexts[1]).not.toBe(contexts[0])
    expect(() =>
      contexts[0]?.registerMethod('plugin.list', { description: 'x', params: noParams, handler: () => [] }),
    ).toThrowError(expect.objectContaining({ code: 'OD_PLUGIN_DISABLED' }))
    expect(names('plugin:enabled')).toEqual(['db', 'api'])
    expect(kernel.pluginInfo('db').disabledReason).toBeUndefined()
  })

  it('keeps the state store across disable and enable', async () => {
    const runs: unknown[] = []
    const { kernel } = setup([
      plugin('counter', {
        install(ctx) {
          runs.push(ctx.store.get('runs'))
          ctx.store.set('runs', runs.length)
        },
      }),
    ])
    await kernel.start()
    await kernel.disablePlugin('counter')
    await kernel.enablePlugin('counter')
    expect(runs).toEqual([undefined, 1])
  })

  it('does nothing for a running plugin', async () => {
    const install = vi.fn()
    const { kernel } = setup([plugin('a', { install })])
    await kernel.start()
    expect((await kernel.enablePlugin('a'))[0]?.state).toBe('ready')
    expect(install).toHaveBeenCalledTimes(1)
  })

  it('refuses while a dependency is down', async () => {
    const { kernel } = setup([plugin('db'), plugin('api', { dependencies: ['db'] })])
    await kernel.start()
    await kernel.disablePlugin('db')
    const err = await rejection(kernel.enablePlugin('api'))
    expect(err.code).toBe('OD_PLUGIN_DEPENDENCY_MISSING')
    expect(err.message).toContain('Plugin "api" needs "db"')
    expect((await rejection(kernel.enablePlugin('nope'))).code).toBe('OD_PLUGIN_NOT_FOUND')
  })

  it('rejects with the activation error and leaves the plugin failed', async () => {
    let attempts = 0
    const { kernel } = setup([
      plugin('flaky', {
        onStart: () => {
          attempts++
          throw new Error(`attempt ${attempts}`)
        },
      }),
    ])
    await kernel.start()
    const err = await rejection(kernel.enablePlugin('flaky'))
    expect(err.code).toBe('OD_PLUGIN_FAILED')
    expect(err.message).toBe('Plugin "flaky" failed in onStart: attempt 2.')
    expect(kernel.pluginInfo('flaky')).toMatchObject({ state: 'failed', disabledReason: 'start-failed' })
  })

  it('rejects with OD_PLUGIN_DISABLED when the circuit opens during activation', async () => {
    let enabled = false
    const { kernel } = setup(
      [
        plugin('trips', {
          install(ctx) {
            if (!enabled) return
            ctx.events.on('daemon:watchdog:lag', boom)
            ctx.events.emit('daemon:watchdog:lag', { lagMs: 1, thresholdMs: 1, at: 0 })
          },
        }),
      ],
      { breaker: { threshold: 1 } },
    )
    await kernel.start()
    await kernel.disablePlugin('trips')
    enabled = true
    expect((await rejection(kernel.enablePlugin('trips'))).code).toBe('OD_PLUGIN_DISABLED')
  })

  it('skips dependents whose other dependencies are still down, and reports revived ones that fail', async () => {
    let apiFails = true
    const { kernel } = setup([
      plugin('db'),
      plugin('cache'),
      plugin('api', {
        dependencies: ['db'],
        install: () => {
          if (apiFails) throw new Error('api bug')
        },
      }),
      plugin('web', { dependencies: ['db', 'cache'] }),
    ])
    await kernel.start()
    await kernel.disablePlugin('cache')
    await kernel.disablePlugin('db')
    const result = await kernel.enablePlugin('db')
    expect(result.map((p) => [p.name, p.state])).toEqual([['db', 'ready']])
    apiFails = false
    expect(kernel.pluginInfo('api').state).toBe('failed')
    expect((await kernel.enablePlugin('cache')).map((p) => [p.name, p.state])).toEqual([
      ['cache', 'ready'],
      ['web', 'ready'],
    ])
  })

  it('before start, marks the plugin and its dependents registered again', async () => {
    const log: string[] = []
    const { kernel, names } = setup([
      tracedPlugin('db', log),
      tracedPlugin('api', log, { dependencies: ['db'] }),
    ])
    await kernel.disablePlugin('db')
    const result = await kernel.enablePlugin('db')
    expect(result.map((p) => [p.name, p.state])).toEqual([
      ['db', 'registered'],
      ['api', 'registered'],
    ])
    expect(names('plugin:enabled')).toEqual(['db', 'api'])
    await kernel.start()
    expect(log).toContain('api:onReady')
  })
})
