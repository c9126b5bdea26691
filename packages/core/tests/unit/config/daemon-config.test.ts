import { describe, expect, it } from 'vitest'
import { DaemonError, daemonConfigSchema, resolveDaemonConfig, validate } from '../../../src/index.js'

describe('resolveDaemonConfig', () => {
  it('fills every default when there is no config file', () => {
    expect(resolveDaemonConfig(undefined)).toEqual({
      logLevel: 'info',
      hookTimeoutMs: 10_000,
      shutdownTimeoutMs: 10_000,
      breaker: { threshold: 5, windowMs: 60_000 },
      watchdog: { intervalMs: 1_000, lagThresholdMs: 1_000 },
      ipc: {
        maxMessageSize: 10_485_760,
        authTimeoutMs: 5_000,
        frameTimeoutMs: 10_000,
        idleTimeoutMs: 120_000,
        rateLimit: { perSecond: 100_000, burst: 20_000 },
        maxConnections: 1_024,
      },
      plugins: {},
    })
    expect(resolveDaemonConfig(null).logLevel).toBe('info')
  })

  it('merges given values over the defaults', () => {
    const config = resolveDaemonConfig({ breaker: { threshold: 3 }, plugins: { web: { port: 1 } } })
    expect(config.breaker).toEqual({ threshold: 3, windowMs: 60_000 })
    expect(config.plugins).toEqual({ web: { port: 1 } })
  })

  it('reports every invalid value with its path', () => {
    let caught: unknown
    try {
      resolveDaemonConfig({ logLevel: 'loud', ipc: { maxConnections: 0 }, hookTimeotMs: 5 })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(DaemonError)
    expect((caught as DaemonError).code).toBe('OD_CONFIG_INVALID')
    expect((caught as DaemonError).message).toBe(
      'Invalid configuration: logLevel: expected one of "trace", "debug", "info", "warn", "error", "silent", got "loud"; ' +
        'ipc.maxConnections: expected integer >= 1, got 0; hookTimeotMs: unknown property (did you mean "hookTimeoutMs"?).',
    )
    expect((caught as DaemonError).data?.['errors']).toHaveLength(3)
  })

  it('has a schema its own defaults satisfy', () => {
    expect(validate(daemonConfigSchema, resolveDaemonConfig({}))).toEqual([])
  })
})
