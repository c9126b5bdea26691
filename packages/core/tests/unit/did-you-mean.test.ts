import { describe, expect, it } from 'vitest'
import { didYouMean } from '../../src/index.js'

describe('didYouMean', () => {
  it('suggests the closest candidate within two edits', () => {
    expect(didYouMean('prot', ['host', 'port'])).toBe('port')
    expect(didYouMean('maxMemmory', ['maxMemory', 'maxRestarts'])).toBe('maxMemory')
  })

  it('ignores case', () => {
    expect(didYouMean('PORT', ['port'])).toBe('port')
  })

  it('returns undefined when nothing is close enough', () => {
    expect(didYouMean('xyz', ['port', 'host'])).toBeUndefined()
    expect(didYouMean('anything', [])).toBeUndefined()
  })

  it('prefers the earlier candidate on a tie and honours maxDistance', () => {
    expect(didYouMean('cat', ['bat', 'hat'])).toBe('bat')
    expect(didYouMean('cat', ['cart'], 0)).toBeUndefined()
    expect(didYouMean('', ['a'])).toBe('a')
  })
})
