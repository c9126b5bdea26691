import { describe, expect, it } from 'vitest'
import { VERSION } from '../../src/index.js'

describe('VERSION', () => {
  it('is the 0.1.0 release', () => {
    expect(VERSION).toBe('0.1.0')
  })
})
