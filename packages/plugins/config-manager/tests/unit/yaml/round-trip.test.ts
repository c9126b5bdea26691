import { describe, expect, it } from 'vitest'
import { parseYaml } from '../../../src/index.js'
import { createRandom, randomValue, renderDocument } from './random-yaml.js'

describe('round trip of random documents', () => {
  it('parses 500 randomly rendered documents back to their values', () => {
    const random = createRandom(20240601)
    for (let i = 0; i < 500; i++) {
      const value = randomValue(random, 4)
      const text = renderDocument(random, value)
      let parsed: unknown
      try {
        parsed = parseYaml(text)
      } catch (err) {
        throw new Error(`document ${i} failed:\n${text}\n${String(err)}`)
      }
      expect(parsed, `document ${i}:\n${text}`).toEqual(value)
    }
  })
})
