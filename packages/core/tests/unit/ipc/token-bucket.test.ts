import { describe, expect, it } from 'vitest'
import { createTokenBucket } from '../../../src/ipc/token-bucket.js'

describe('createTokenBucket', () => {
  it('starts full and allows a burst, then refuses', () => {
    const bucket = createTokenBucket({ perSecond: 10, burst: 3 }, 0)
    expect([bucket.take(1, 0), bucket.take(2, 0), bucket.take(1, 0)]).toEqual([true, true, false])
  })

  it('refills at perSecond and never above burst', () => {
    const bucket = createTokenBucket({ perSecond: 10, burst: 3 }, 0)
    bucket.take(3, 0)
    expect(bucket.take(1, 99)).toBe(false)
    expect(bucket.take(1, 100)).toBe(true)
    expect(bucket.take(1, 60_000)).toBe(true)
    expect(bucket.tokens).toBe(2)
  })

  it('takes nothing when a batch does not fit', () => {
    const bucket = createTokenBucket({ perSecond: 1, burst: 5 }, 0)
    expect(bucket.take(6, 0)).toBe(false)
    expect(bucket.tokens).toBe(5)
  })

  it('ignores time going backwards', () => {
    const bucket = createTokenBucket({ perSecond: 1000, burst: 2 }, 1000)
    bucket.take(2, 1000)
    expect(bucket.take(1, 500)).toBe(false)
  })
})
