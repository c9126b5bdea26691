import { describe, expect, it } from 'vitest'
import * as opendaemon from '../../src/index.js'

describe('opendaemon library surface', () => {
  it('exports the version', () => {
    expect(opendaemon.VERSION).toMatch(/^\d+\.\d+\.\d+/)
  })
})
