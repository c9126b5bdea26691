import { describe, expect, it } from 'vitest'
import { expiredDeadline, nextDeadline, type DeadlineState } from '../../../src/ipc/connection-deadlines.js'

const limits = { authTimeoutMs: 100, frameTimeoutMs: 50, idleTimeoutMs: 1000 }
const state = (over: Partial<DeadlineState>): DeadlineState => ({
  authenticated: true,
  connectedAt: 0,
  lastFrameAt: 0,
  partialSince: null,
  ...over,
})

describe('connection deadlines', () => {
  it('is idle-bound once authenticated with nothing in progress', () => {
    expect(nextDeadline(state({ lastFrameAt: 500 }), limits)).toEqual({ kind: 'idle', at: 1500 })
  })

  it('is auth-bound before authentication', () => {
    expect(nextDeadline(state({ authenticated: false }), limits)).toEqual({ kind: 'auth', at: 100 })
  })

  it('is frame-bound while a frame is in progress', () => {
    expect(nextDeadline(state({ partialSince: 10 }), limits)).toEqual({ kind: 'frame', at: 60 })
  })

  it('picks the earliest of auth and frame', () => {
    expect(nextDeadline(state({ authenticated: false, partialSince: 70 }), limits)).toEqual({
      kind: 'auth',
      at: 100,
    })
    expect(nextDeadline(state({ authenticated: false, partialSince: 20 }), limits)).toEqual({
      kind: 'frame',
      at: 70,
    })
  })

  it('prefers the more specific reason on a tie', () => {
    expect(nextDeadline(state({ authenticated: false, partialSince: 50 }), limits).kind).toBe('auth')
    expect(nextDeadline(state({ partialSince: 950 }), limits).kind).toBe('frame')
  })

  it('reports a deadline as expired from its due time on', () => {
    const s = state({ partialSince: 10 })
    expect(expiredDeadline(s, 59, limits)).toBeNull()
    expect(expiredDeadline(s, 60, limits)).toBe('frame')
  })
})
