import { describe, expect, it } from 'vitest'
import { createFaultBudget } from '../../src/fault-budget.js'

describe('createFaultBudget', () => {
  it('is exhausted by more than `limit` faults within the window', () => {
    let now = 0
    const budget = createFaultBudget({ limit: 2, windowMs: 1_000, now: () => now })
    expect(budget.record()).toBe(false)
    expect(budget.record()).toBe(false)
    now = 1_000 // the first two leave the window
    expect(budget.record()).toBe(false)
    expect(budget.record()).toBe(false)
    expect(budget.record()).toBe(true)
  })

  it('allows ten faults a minute by default', () => {
    const budget = createFaultBudget()
    const results = Array.from({ length: 11 }, () => budget.record())
    expect(results.indexOf(true)).toBe(10)
  })
})
