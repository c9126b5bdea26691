import { describe, expect, it } from 'vitest'
import { callTimeoutMs, LONG_METHOD_TIMEOUT_MS } from '../../src/call-timeout.js'
import { NO_TIMEOUT_MS } from '../../src/client-options.js'

describe('callTimeoutMs', () => {
  it('uses the client default for ordinary methods', () => {
    expect(callTimeoutMs('daemon.status', undefined, 30_000)).toBe(30_000)
  })

  it('raises the default of long methods to 120 s, but not a larger default', () => {
    expect(callTimeoutMs('daemon.reload', undefined, 30_000)).toBe(LONG_METHOD_TIMEOUT_MS)
    expect(callTimeoutMs('process.start', undefined, 300_000)).toBe(300_000)
  })

  it('lets an explicit per-call timeout win, with 0 meaning none', () => {
    expect(callTimeoutMs('daemon.reload', 5_000, 30_000)).toBe(5_000)
    expect(callTimeoutMs('daemon.status', 0, 30_000)).toBe(NO_TIMEOUT_MS)
    expect(callTimeoutMs('daemon.status', 1e12, 30_000)).toBe(NO_TIMEOUT_MS)
  })

  it('rejects a negative or non-finite timeout', () => {
    expect(() => callTimeoutMs('daemon.status', -1, 30_000)).toThrow(RangeError)
    expect(() => callTimeoutMs('daemon.status', Number.POSITIVE_INFINITY, 30_000)).toThrow(
      'timeoutMs: expected a number of milliseconds >= 0, got Infinity',
    )
  })
})
