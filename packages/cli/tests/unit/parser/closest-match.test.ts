import { describe, expect, it } from 'vitest'
import { closestMatch, editDistance } from '../../../src/parser/closest-match.js'

describe('editDistance', () => {
  it('is 0 for equal strings', () => {
    expect(editDistance('list', 'list')).toBe(0)
  })

  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('abc', '')).toBe(3)
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })

  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('lsit', 'list')).toBe(1)
  })
})

describe('closestMatch', () => {
  const commands = ['help', 'list', 'logs', 'restart', 'version']

  it('suggests the nearest candidate for a typo', () => {
    expect(closestMatch('verison', commands)).toBe('version')
    expect(closestMatch('restrat', commands)).toBe('restart')
  })

  it('ignores case', () => {
    expect(closestMatch('LIST', commands)).toBe('list')
  })

  it('prefers the smallest distance', () => {
    expect(closestMatch('lost', ['list', 'lost-found', 'lost'])).toBe('lost')
  })

  it('falls back to a candidate the input is a prefix of', () => {
    expect(closestMatch('verb', ['verbose', 'json'])).toBe('verbose')
  })

  it('suggests nothing for unrelated words or a single letter', () => {
    expect(closestMatch('zzzzzz', commands)).toBeUndefined()
    expect(closestMatch('x', ['xray'])).toBeUndefined()
  })
})
