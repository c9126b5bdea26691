import { describe, expect, it } from 'vitest'
import { parseYaml } from '../../../src/index.js'
import { expectYamlError } from './yaml-assertions.js'

/** `depth` block mappings, each nested under the previous key. */
function nestedMappings(depth: number): string {
  let text = ''
  for (let i = 0; i < depth; i++) text += `${' '.repeat(i)}k:\n`
  return text
}

describe('nesting limit', () => {
  it('accepts 1,000 nested flow collections', () => {
    const value = parseYaml(`${'['.repeat(1000)}${']'.repeat(1000)}`)
    expect(JSON.stringify(value)).toBe(`${'['.repeat(1000)}${']'.repeat(1000)}`)
  })

  it('accepts 1,000 nested block mappings', () => {
    let value = parseYaml(nestedMappings(1000))
    for (let i = 0; i < 999; i++) value = (value as { k: unknown }).k as typeof value
    expect(value).toEqual({ k: null })
  })

  it('rejects deeper flow nesting instead of overflowing the stack', () => {
    expectYamlError(`${'['.repeat(5000)}${']'.repeat(5000)}`, {
      code: 'OD_YAML_UNSUPPORTED',
      line: 1,
      column: 1001,
      message: 'nested more than 1000 levels deep',
    })
  })

  it('rejects deeper block nesting', () => {
    expectYamlError(nestedMappings(1001), { code: 'OD_YAML_UNSUPPORTED', line: 1001, column: 1001 })
    expectYamlError('- '.repeat(3000), { code: 'OD_YAML_UNSUPPORTED', line: 1, column: 2001 })
  })
})
