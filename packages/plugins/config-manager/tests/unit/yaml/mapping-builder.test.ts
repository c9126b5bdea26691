import { describe, expect, it } from 'vitest'
import { parseYaml } from '../../../src/index.js'
import { expectYamlError } from './yaml-assertions.js'

describe('mapping keys', () => {
  it('turns scalar keys into strings after core schema resolution', () => {
    expect(parseYaml('1: a\n0x10: b\ntrue: c\n1.50: d\n"2": e\n')).toEqual({
      '1': 'a',
      '16': 'b',
      true: 'c',
      '1.5': 'd',
      '2': 'e',
    })
  })

  it('keeps __proto__ as a plain key', () => {
    const doc = parseYaml('__proto__: {polluted: 1}\nflow: {__proto__: 2}\n') as { flow: object }
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype)
    expect(Object.keys(doc)).toEqual(['__proto__', 'flow'])
    expect(Object.keys(doc.flow)).toEqual(['__proto__'])
    expect(({} as { polluted?: number }).polluted).toBeUndefined()
  })

  it('rejects a duplicate key and names the first one', () => {
    expectYamlError('name: a\nport: 1\nname: b\n', {
      code: 'OD_YAML_SYNTAX',
      line: 3,
      column: 1,
      message: 'duplicate key "name" (first defined at line 1, column 1). Remove one of the two entries',
    })
  })

  it('rejects keys that are equal after resolution', () => {
    expectYamlError('1: a\n"1": b\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 1,
      message: 'duplicate key "1"',
    })
    expectYamlError('{0x1: a, 1: b}', { code: 'OD_YAML_SYNTAX', line: 1, column: 10 })
  })

  it('accepts the same key in different mappings', () => {
    expect(parseYaml('- a: 1\n- a: 2\n')).toEqual([{ a: 1 }, { a: 2 }])
  })

  it('rejects a null key', () => {
    expectYamlError('~: a\n', { code: 'OD_YAML_UNSUPPORTED', line: 1, column: 1, message: 'cannot be null' })
    expectYamlError('{null: a}', { code: 'OD_YAML_UNSUPPORTED', line: 1, column: 2 })
    expectYamlError('{&a : b}', { code: 'OD_YAML_UNSUPPORTED', line: 1, column: 2 })
  })

  it('accepts quoted null and merge keys as strings', () => {
    expect(parseYaml('"~": a\n"<<": b\n')).toEqual({ '~': 'a', '<<': 'b' })
  })

  it('rejects << merge keys', () => {
    expectYamlError('base: &b {x: 1}\nchild:\n  <<: *b\n', {
      code: 'OD_YAML_UNSUPPORTED',
      line: 3,
      column: 3,
      message: 'merge keys ("<<") are not supported',
    })
  })
})
