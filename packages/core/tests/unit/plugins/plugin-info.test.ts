import { describe, expect, it } from 'vitest'
import { summarizePlugins } from '../../../src/index.js'

describe('summarizePlugins', () => {
  it('counts plugins per state, including states with none', () => {
    expect(summarizePlugins([{ state: 'ready' }, { state: 'ready' }, { state: 'failed' }])).toEqual({
      total: 3,
      registered: 0,
      installed: 0,
      started: 0,
      ready: 2,
      stopped: 0,
      failed: 1,
      disabled: 0,
    })
  })
})
