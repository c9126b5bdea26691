import { describe, expect, it } from 'vitest'
import { newestFirst, planRetention } from '../../../src/rotate/retention.js'

const f = (n: number, size = 10, seq = 0) => ({ path: `/l/f${n}-${seq}`, stampMs: n * 1000, seq, size })
const none = { maxFiles: 0, maxAgeMs: null, maxSize: null }

describe('planRetention', () => {
  it('keeps the newest maxFiles', () => {
    expect(planRetention([f(1), f(3), f(2)], { ...none, maxFiles: 2 }, 0)).toEqual(['/l/f1-0'])
  })

  it('keeps everything with no limits', () => {
    expect(planRetention([f(1), f(2)], none, 10_000)).toEqual([])
  })

  it('deletes files older than maxAge', () => {
    expect(planRetention([f(1), f(5)], { ...none, maxAgeMs: 2000 }, 6000)).toEqual(['/l/f1-0'])
  })

  it('deletes the oldest beyond maxSize in total', () => {
    expect(planRetention([f(1, 50), f(2, 50), f(3, 50)], { ...none, maxSize: 120 }, 0)).toEqual(['/l/f1-0'])
  })

  it('orders by stamp, then by collision counter', () => {
    expect([f(1, 1, 0), f(1, 1, 2), f(2)].sort(newestFirst).map((x) => x.path)).toEqual([
      '/l/f2-0',
      '/l/f1-2',
      '/l/f1-0',
    ])
  })
})
