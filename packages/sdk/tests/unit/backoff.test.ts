import { describe, expect, it } from 'vitest'
import { DEFAULT_RECONNECT, reconnectDelay, resolveReconnectPolicy } from '../../src/backoff.js'

const middle = (): number => 0.5

describe('reconnectDelay', () => {
  it('doubles from 100 ms and caps at 5 s without jitter (random = 0.5)', () => {
    const delays = Array.from({ length: 10 }, (_, n) => reconnectDelay(n, DEFAULT_RECONNECT, middle))
    expect(delays).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000, 5000])
  })

  it('spreads each delay by ±20 % at the extremes of random()', () => {
    expect(reconnectDelay(0, DEFAULT_RECONNECT, () => 0)).toBe(80)
    expect(reconnectDelay(0, DEFAULT_RECONNECT, () => 0.999999)).toBe(120)
    expect(reconnectDelay(20, DEFAULT_RECONNECT, () => 0)).toBe(4000)
    expect(reconnectDelay(20, DEFAULT_RECONNECT, () => 0.999999)).toBe(6000)
  })

  it('follows a custom factor and cap, and never goes negative', () => {
    const policy = { ...DEFAULT_RECONNECT, initialDelayMs: 10, factor: 3, maxDelayMs: 100, jitter: 1 }
    expect(reconnectDelay(1, policy, middle)).toBe(30)
    expect(reconnectDelay(5, policy, middle)).toBe(100)
    expect(reconnectDelay(5, policy, () => 0)).toBe(0)
  })

  it('stays finite for huge attempt numbers', () => {
    expect(reconnectDelay(10_000, DEFAULT_RECONNECT, middle)).toBe(5000)
  })
})

describe('resolveReconnectPolicy', () => {
  it('is the default for true or undefined and null for false', () => {
    expect(resolveReconnectPolicy(undefined)).toBe(DEFAULT_RECONNECT)
    expect(resolveReconnectPolicy(true)).toBe(DEFAULT_RECONNECT)
    expect(resolveReconnectPolicy(false)).toBeNull()
  })

  it('merges a partial policy over the defaults', () => {
    expect(resolveReconnectPolicy({ maxAttempts: 3, initialDelayMs: 50 })).toEqual({
      ...DEFAULT_RECONNECT,
      maxAttempts: 3,
      initialDelayMs: 50,
    })
  })

  it('rejects negative, NaN and non-numeric fields, and a jitter above 1', () => {
    expect(() => resolveReconnectPolicy({ maxDelayMs: -1 })).toThrow(
      'reconnect.maxDelayMs: expected a number >= 0, got -1',
    )
    expect(() => resolveReconnectPolicy({ factor: Number.NaN })).toThrow('reconnect.factor')
    expect(() => resolveReconnectPolicy({ initialDelayMs: '5' as unknown as number })).toThrow(
      'reconnect.initialDelayMs',
    )
    expect(() => resolveReconnectPolicy({ jitter: 1.5 })).toThrow('reconnect.jitter: expected 0…1, got 1.5')
  })
})
