import { describe, expect, it } from 'vitest'
import { DaemonError, resolvePluginConfig } from '../../../src/index.js'
import { plugin } from './kernel-test-kit.js'

describe('resolvePluginConfig', () => {
  it('deep-merges the user config over defaultConfig and freezes a copy', () => {
    const defaults = { port: 80, tls: { enabled: false, ciphers: ['a'] } }
    const config = resolvePluginConfig(plugin('web', { defaultConfig: defaults }), { tls: { enabled: true } })
    expect(config).toEqual({ port: 80, tls: { enabled: true, ciphers: ['a'] } })
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(defaults.tls)).toBe(false)
  })

  it('applies schema defaults then validates, reporting every path', () => {
    const web = plugin('web', {
      defaultConfig: { port: 80 },
      configSchema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          port: { type: 'integer', minimum: 1, maximum: 65535 },
          host: { type: 'string', default: 'h' },
        },
      },
    })
    expect(resolvePluginConfig(web, undefined)).toEqual({ port: 80, host: 'h' })
    let caught: unknown
    try {
      resolvePluginConfig(web, { port: 'abc', hots: 'x' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(DaemonError)
    expect((caught as DaemonError).code).toBe('OD_PLUGIN_CONFIG_INVALID')
    expect((caught as DaemonError).message).toBe(
      'Invalid configuration for plugin "web": port: expected integer 1-65535, got "abc"; hots: unknown property (did you mean "host"?).',
    )
    expect((caught as DaemonError).data?.['errors']).toHaveLength(2)
  })

  it('passes the user config through when there are no defaults', () => {
    expect(resolvePluginConfig(plugin('x'), 5)).toBe(5)
    expect(resolvePluginConfig(plugin('x'), undefined)).toBeUndefined()
  })
})
