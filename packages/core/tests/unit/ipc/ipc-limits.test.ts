import { describe, expect, it } from 'vitest'
import { defaultIpcLimits, resolveIpcLimits } from '../../../src/ipc/ipc-limits.js'

describe('resolveIpcLimits', () => {
  it('returns the documented defaults', () => {
    expect(resolveIpcLimits()).toEqual({
      maxMessageSize: 10_485_760,
      authTimeoutMs: 5_000,
      frameTimeoutMs: 10_000,
      idleTimeoutMs: 120_000,
      rateLimit: { perSecond: 100_000, burst: 20_000 },
      maxConnections: 1_024,
      writeHighWaterMark: 1_048_576,
      maxWriteBuffer: 33_554_432,
      closeGraceMs: 1_000,
    })
    expect(Object.isFrozen(defaultIpcLimits)).toBe(true)
  })

  it('merges partial values, rate limit included', () => {
    const limits = resolveIpcLimits({ frameTimeoutMs: 200, rateLimit: { burst: 3 } })
    expect([limits.frameTimeoutMs, limits.rateLimit]).toEqual([200, { perSecond: 100_000, burst: 3 }])
  })

  it('grows the default write buffer to hold one maximal message above the high-water mark', () => {
    expect(resolveIpcLimits({ maxMessageSize: 64 << 20 }).maxWriteBuffer).toBe((64 << 20) + (1 << 20))
  })

  it('rejects non-positive and non-finite values naming the key', () => {
    expect(() => resolveIpcLimits({ idleTimeoutMs: 0 })).toThrow(
      /ipc\.idleTimeoutMs: expected a positive number, got 0/,
    )
    expect(() => resolveIpcLimits({ rateLimit: { perSecond: Number.NaN } })).toThrow(
      /ipc\.rateLimit\.perSecond/,
    )
    expect(() => resolveIpcLimits({ rateLimit: { burst: -1 } })).toThrow(/ipc\.rateLimit\.burst/)
  })

  it('rejects an explicit write buffer too small for one maximal message', () => {
    expect(() =>
      resolveIpcLimits({ maxMessageSize: 100, writeHighWaterMark: 10, maxWriteBuffer: 50 }),
    ).toThrow(
      expect.objectContaining({
        code: 'OD_CONFIG_INVALID',
        message: expect.stringContaining('ipc.maxWriteBuffer'),
      }),
    )
  })
})
