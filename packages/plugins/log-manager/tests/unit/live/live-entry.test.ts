import { describe, expect, it } from 'vitest'
import { liveEntry } from '../../../src/live/live-entry.js'

describe('liveEntry', () => {
  it('builds the entry with inferred level and the partial/cont marks', () => {
    const at = Date.UTC(2026, 10, 22, 3, 4, 5, 6)
    expect(
      liveEntry({
        id: 2,
        name: 'api',
        instance: 1,
        source: 'stderr',
        at,
        message: 'boom',
        partial: true,
        cont: true,
      }),
    ).toEqual({
      timestamp: '2026-11-22T03:04:05.006Z',
      level: 'error',
      pid: null,
      processName: 'api',
      instanceId: 1,
      id: 2,
      message: 'boom',
      source: 'stderr',
      metadata: null,
      partial: true,
      cont: true,
    })
    const plain = liveEntry({
      id: 2,
      name: 'api',
      instance: 0,
      source: 'stdout',
      at,
      message: '[WARN] x',
      partial: false,
    })
    expect(plain).not.toHaveProperty('partial')
    expect(plain).not.toHaveProperty('cont')
    expect(plain.level).toBe('warn')
  })
})
