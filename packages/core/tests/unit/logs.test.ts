import { describe, expect, it } from 'vitest'
import * as core from '../../src/index.js'
import * as logs from '../../src/logs.js'

describe('@opendaemon/core/logs', () => {
  it('re-exports the same values as the full barrel', () => {
    expect(Object.keys(logs).length).toBeGreaterThan(5)
    for (const [name, value] of Object.entries(logs)) {
      expect(core[name as keyof typeof core], name).toBe(value)
    }
  })
})
