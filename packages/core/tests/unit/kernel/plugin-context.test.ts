import { describe, expect, it } from 'vitest'
import { createParamsParser, type Plugin, type PluginContext } from '../../../src/index.js'
import { plugin, setup, testPaths } from './kernel-test-kit.js'

const noParams = createParamsParser<Record<string, never>>({ type: 'object' })

async function contextOf(plugins: Plugin[], name: string) {
  const contexts = new Map<string, PluginContext>()
  const wrapped = plugins.map((p) => ({
    ...p,
    install: (ctx: PluginContext) => {
      contexts.set(p.name, ctx)
      return p.install(ctx)
    },
  }))
  const kit = setup(wrapped)
  await kit.kernel.start()
  return { ...kit, ctx: contexts.get(name) as PluginContext }
}

describe('plugin context', () => {
  it('exposes the plugin name, clock, paths, a scoped logger and a namespaced store', async () => {
    const { ctx, clock, lines } = await contextOf([plugin('web'), plugin('other')], 'web')
    expect(ctx.name).toBe('web')
    expect(ctx.clock).toBe(clock)
    expect(ctx.paths).toBe(testPaths)
    ctx.logger.info('hello', { n: 1 })
    expect(lines.at(-1)).toMatch(/INFO {2}\[web\] hello n=1$/)
    ctx.store.set('k', 1)
    expect(ctx.store.keys()).toEqual(['k'])
  })

  it('gives access to declared dependencies only', async () => {
    const { ctx, kernel } = await contextOf(
      [plugin('db'), plugin('api', { dependencies: ['db'] }), plugin('cache')],
      'api',
    )
    expect(ctx.getPlugin('db')?.description).toBe('db plugin')
    expect(() => ctx.getPlugin('cache')).toThrowError(
      'Plugin "api" asked for "cache" without declaring it in its dependencies.',
    )
    await kernel.disablePlugin('db')
    expect(ctx.getPlugin('db')).toBeUndefined()
  })

  it('fails install when a method name is already taken', async () => {
    const register = (ctx: PluginContext) =>
      ctx.registerMethod('plugin.list', { description: 'x', params: noParams, handler: () => [] })
    const { kernel } = setup([
      plugin('first', { install: register }),
      plugin('second', { install: register }),
    ])
    await kernel.start()
    expect(kernel.pluginInfo('second').lastError?.message).toBe(
      'Method "plugin.list" is already registered by "first".',
    )
  })

  it('refuses every registration once the plugin is disabled', async () => {
    const { ctx, kernel } = await contextOf([plugin('gone')], 'gone')
    await kernel.disablePlugin('gone')
    const disabled = expect.objectContaining({ code: 'OD_PLUGIN_DISABLED' })
    expect(() => ctx.registerHook('test:double', (n) => n)).toThrowError(disabled)
    expect(() => ctx.registerMetric({ name: 'x', type: 'gauge', help: 'x', collect: () => 1 })).toThrowError(
      disabled,
    )
    expect(() => ctx.events.on('daemon:ready', () => undefined)).toThrowError(disabled)
    expect(() =>
      ctx.registerMethod('plugin.list', { description: 'x', params: noParams, handler: () => [] }),
    ).toThrowError(disabled)
  })
})
