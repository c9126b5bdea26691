import { describe, expect, it } from 'vitest'
import * as basics from '../../src/basics.js'
import * as core from '../../src/index.js'

describe('@opendaemon/core/basics', () => {
  it('re-exports the same values as the full barrel', () => {
    for (const [name, value] of Object.entries(basics)) {
      expect(core[name as keyof typeof core], name).toBe(value)
    }
  })
})
