import { describe, expect, it } from 'vitest'
import { childPath, createLocator, findPosition, formatPath } from '../../src/value-path.js'

describe('value paths', () => {
  it('formats keys, indexes and non-identifier keys', () => {
    expect(formatPath(['apps', 1, 'env', 'MY KEY'])).toBe('apps[1].env["MY KEY"]')
    expect(formatPath([0, 'name'])).toBe('[0].name')
    expect(formatPath([])).toBe('')
    expect(childPath('apps[0]', 'max-restarts')).toBe('apps[0].max-restarts')
  })

  it('falls back to the nearest enclosing value with a position', () => {
    const positions = new Map([
      ['', { line: 1, column: 1 }],
      ['apps[0]', { line: 2, column: 3 }],
    ])
    expect(findPosition(positions, 'apps[0].env["A.B"].x')).toEqual({ line: 2, column: 3 })
    expect(findPosition(positions, 'other')).toEqual({ line: 1, column: 1 })
    expect(findPosition(new Map(), 'apps[0]')).toBeUndefined()
  })

  it('locates offsets on lines', () => {
    const locate = createLocator('ab\ncd\n\nx')
    expect(locate(0)).toEqual({ line: 1, column: 1 })
    expect(locate(4)).toEqual({ line: 2, column: 2 })
    expect(locate(6)).toEqual({ line: 3, column: 1 })
    expect(locate(7)).toEqual({ line: 4, column: 1 })
  })
})
