import { describe, expect, it } from 'vitest'
import { createLagSampler } from '../../src/lag-sampler.js'
import { waitFor } from '../support/temp-home.js'

describe('createLagSampler', () => {
  it('reports no lag before its timer ticked', () => {
    const sampler = createLagSampler(1_000)
    expect(sampler.sample()).toEqual({ p99Ms: 0, maxMs: 0 })
    sampler.stop()
  })

  it('measures a blocked event loop, minus the resolution, and starts a new window', async () => {
    const sampler = createLagSampler(10)
    const blockUntil = Date.now() + 120
    await new Promise((resolve) => setTimeout(resolve, 15))
    while (Date.now() < blockUntil) {
      // Block the event loop on purpose.
    }
    const sample = await waitFor('a lag sample', () => {
      const s = sampler.sample()
      return s.maxMs > 0 ? s : undefined
    })
    expect(sample.maxMs).toBeGreaterThan(50)
    expect(sample.p99Ms).toBeGreaterThanOrEqual(0)
    sampler.stop()
  })
})
