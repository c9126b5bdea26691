import { describe, expect, it } from 'vitest'
import * as api from '../../src/index.js'

describe('@opendaemon/daemon public API', () => {
  it('exports the daemon entry points and the launcher helpers', () => {
    for (const name of [
      'startDaemon',
      'runDaemonMain',
      'parseReadiness',
      'formatReadiness',
      'readLogTail',
      'tailLines',
    ]) {
      expect(typeof (api as Record<string, unknown>)[name]).toBe('function')
    }
  })

  it('exports only functions and constants (no side effects on import)', () => {
    const kinds = new Set(Object.values(api).map((value) => typeof value))
    expect([...kinds].every((kind) => ['function', 'number', 'string', 'object'].includes(kind))).toBe(true)
    expect(api.READINESS_FD).toBe(3)
  })
})
