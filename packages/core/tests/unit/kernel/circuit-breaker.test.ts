import { describe, expect, it } from 'vitest'
import { createCircuitBreaker } from '../../../src/index.js'

describe('createCircuitBreaker', () => {
  it('opens when failures within the window reach the threshold', () => {
    const breaker = createCircuitBreaker({ threshold: 3, windowMs: 1_000 })
    expect(breaker.record(0)).toBe(false)
    expect(breaker.record(100)).toBe(false)
    expect(breaker.record(999)).toBe(true)
  })

  it('forgets failures that left the window', () => {
    const breaker = createCircuitBreaker({ threshold: 2, windowMs: 1_000 })
    breaker.record(0)
    expect(breaker.record(1_000)).toBe(false)
    expect(breaker.count(1_500)).toBe(1)
    expect(breaker.count(2_000)).toBe(0)
  })

  it('starts over after reset', () => {
    const breaker = createCircuitBreaker({ threshold: 2, windowMs: 1_000 })
    breaker.record(0)
    breaker.reset()
    expect(breaker.record(1)).toBe(false)
  })
})
