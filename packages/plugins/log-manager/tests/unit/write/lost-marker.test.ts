import { describe, expect, it } from 'vitest'
import { lostMarker } from '../../../src/write/lost-marker.js'

describe('lostMarker', () => {
  const from = Date.UTC(2026, 0, 1, 3, 4, 5)
  const to = Date.UTC(2026, 0, 1, 3, 10)

  it('names the bytes, the period and the errno with its meaning', () => {
    expect(lostMarker(12582912, from, to, 'ENOSPC', () => 0).toString()).toBe(
      '[od] 12582912 bytes of output were lost between 03:04:05 and 03:10:00: ENOSPC (disk full)\n',
    )
  })

  it('names an unknown errno alone', () => {
    expect(lostMarker(1, from, to, 'EWHAT', () => 0).toString()).toMatch(/: EWHAT\n$/)
    expect(lostMarker(1, from, to, 'EIO').toString()).toMatch(/EIO \(I\/O error\)/)
  })
})
