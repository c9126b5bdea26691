import { describe, expect, expectTypeOf, it } from 'vitest'
import { definePlugin, type DeepReadonly, type Plugin } from '../../../src/index.js'

describe('definePlugin', () => {
  it('returns its argument unchanged', () => {
    const declaration = { name: 'x', version: '1.0.0', description: 'x', install: () => undefined }
    expect(definePlugin(declaration)).toBe(declaration)
  })

  it('infers the config type from defaultConfig and checks names used through the context', () => {
    const plugin = definePlugin({
      name: 'typed',
      version: '1.0.0',
      description: 'typed',
      defaultConfig: { intervalMs: 10, tags: ['a'] },
      install(ctx) {
        expectTypeOf(ctx.pluginConfig).toEqualTypeOf<DeepReadonly<{ intervalMs: number; tags: string[] }>>()
        // @ts-expect-error -- misspelled event name
        ctx.events.on('process:strated', () => undefined)
        // @ts-expect-error -- misspelled method name
        ctx.registerMethod('daemon.stauts', { description: '', params: () => ({}), handler: () => ({}) })
      },
    })
    const asAny: Plugin = plugin
    expect(asAny.name).toBe('typed')
  })
})
