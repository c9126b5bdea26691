import { describe, expect, it } from 'vitest'
import { joinPath } from '../../../src/index.js'

describe('joinPath', () => {
  it('uses dots for identifiers and brackets for indexes and other keys', () => {
    expect(joinPath('', 'apps')).toBe('apps')
    expect(joinPath('apps', 2)).toBe('apps[2]')
    expect(joinPath('apps[2]', 'healthCheck')).toBe('apps[2].healthCheck')
    expect(joinPath('env', 'MY-VAR')).toBe('env["MY-VAR"]')
    expect(joinPath('', 'has space')).toBe('["has space"]')
    expect(joinPath('', 0)).toBe('[0]')
    expect(joinPath('a', '$ok_1')).toBe('a.$ok_1')
  })
})
