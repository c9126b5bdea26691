import { describe, expect, it } from 'vitest'
import { parseYaml } from '../../../src/index.js'
import { expectYamlError } from './yaml-assertions.js'

describe('flow collections', () => {
  it('parses nested sequences and mappings', () => {
    expect(parseYaml('{ a: [1, "two", \'three\', {b: c}], d: {} , e: [] }')).toEqual({
      a: [1, 'two', 'three', { b: 'c' }],
      d: {},
      e: [],
    })
  })

  it('accepts trailing commas', () => {
    expect(parseYaml('[a, b, ]')).toEqual(['a', 'b'])
    expect(parseYaml('{a: 1,}')).toEqual({ a: 1 })
  })

  it('spans lines with comments between entries', () => {
    expect(parseYaml('key: [\n  a, # first\n  # alone\n  b\n  ]\n')).toEqual({ key: ['a', 'b'] })
  })

  it('reads mapping entries without a value as null', () => {
    expect(parseYaml('{a, b: , c:}')).toEqual({ a: null, b: null, c: null })
  })

  it('reads single key: value pairs in a sequence as one-entry mappings', () => {
    expect(parseYaml('[a: 1, "b": 2, c:, d]')).toEqual([{ a: 1 }, { b: 2 }, { c: null }, 'd'])
  })

  it('lets a value touch the colon after a quoted key', () => {
    expect(parseYaml('{"a":1, \'b\':x}')).toEqual({ a: 1, b: 'x' })
    expect(parseYaml('["a":1]')).toEqual([{ a: 1 }])
  })

  it('keeps colons not followed by a space inside plain scalars', () => {
    expect(parseYaml('[http://x.io:80/p, a:b, {c: d:e}]')).toEqual(['http://x.io:80/p', 'a:b', { c: 'd:e' }])
  })

  it('accepts a flow mapping key over several lines', () => {
    expect(parseYaml('{ multi\n  line: 1, "quoted\n  key"\n  : 2 }')).toEqual({
      'multi line': 1,
      'quoted key': 2,
    })
  })

  it('accepts anchors on entries, keys and empty nodes', () => {
    expect(parseYaml('[&a 1, &b, *a, {&k key: *a}, &c [x], *c]')).toEqual([
      1,
      null,
      1,
      { key: 1 },
      ['x'],
      ['x'],
    ])
  })

  it('reads an anchor followed by ":" and a non-space as the anchor of a plain scalar', () => {
    expect(parseYaml('[&a :x, *a]')).toEqual([':x', ':x'])
  })

  it('rejects an anchored empty key', () => {
    expectYamlError('{&a :}', { code: 'OD_YAML_UNSUPPORTED', line: 1, column: 2, message: 'cannot be null' })
  })

  it('accepts an anchor before a collection on the next line', () => {
    expect(parseYaml('[&a\n  [1], *a]')).toEqual([[1], [1]])
  })

  it('rejects a missing comma', () => {
    expectYamlError('[a b, c d: e f: g]', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 15,
      message: 'unexpected ":" in a flow sequence',
    })
    expectYamlError('{a: 1 b: 2}', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 8,
      message: 'expected "," or "}"',
    })
  })

  it('rejects a key on a different line than its colon in a sequence', () => {
    expectYamlError('[ key\n  : value ]', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 3,
      message: 'unexpected ":"',
    })
  })

  it('rejects a multi-line key of a pair in a sequence', () => {
    expectYamlError('[ "a\n  b": c ]', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 3,
      message: 'must fit on one line',
    })
  })

  it('rejects empty entries', () => {
    expectYamlError('[a, , b]', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 5,
      message: '"," cannot start a value',
    })
    expectYamlError('[, a]', { code: 'OD_YAML_SYNTAX', line: 1, column: 2 })
  })

  it('rejects a lone dash', () => {
    expectYamlError('[-]', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 2,
      message: '"-" cannot start a value',
    })
  })

  it('rejects a block scalar inside a flow collection', () => {
    expectYamlError('[ |\n  x ]', { code: 'OD_YAML_SYNTAX', line: 1, column: 3, message: 'block scalar' })
    expectYamlError('{a: >}', { code: 'OD_YAML_SYNTAX', line: 1, column: 5, message: 'block scalar' })
  })

  it('rejects a comment glued to an entry', () => {
    expectYamlError('[a,#c\n]', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 4,
      message: '"#" cannot start a value',
    })
  })

  it('rejects unterminated collections at their opening bracket', () => {
    expectYamlError('a: [1, 2\n', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 4,
      message: 'unterminated flow sequence. Add the closing "]"',
    })
    expectYamlError('a:\n  {b: 1,\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 3,
      message: 'unterminated flow mapping',
    })
    expectYamlError('[a: ', { code: 'OD_YAML_SYNTAX', line: 1, column: 1 })
  })

  it('rejects a document marker inside a collection', () => {
    expectYamlError('[\n---\n]', { code: 'OD_YAML_SYNTAX', line: 2, column: 1, message: 'document marker' })
    expectYamlError('{\n...\n}', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 1,
      message: 'Close the collection with "}"',
    })
  })

  it('rejects lines not indented more than the owning key', () => {
    expectYamlError('key: [\na]\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 1,
      message: 'Indent it by at least 1 space,',
    })
    expectYamlError('a:\n  key: {\n  b: 1}\n', {
      code: 'OD_YAML_SYNTAX',
      line: 3,
      column: 3,
      message: 'at least 3 spaces',
    })
  })

  it('accepts less indented comment and blank lines', () => {
    expect(parseYaml('key: [\n# comment\n\n a]\n')).toEqual({ key: ['a'] })
  })

  it('rejects text after the closing bracket', () => {
    expectYamlError('a: [1] x\n', { code: 'OD_YAML_SYNTAX', line: 1, column: 8 })
  })

  it('rejects explicit and empty keys', () => {
    expectYamlError('{? a : b}', {
      code: 'OD_YAML_UNSUPPORTED',
      line: 1,
      column: 2,
      message: 'explicit keys',
    })
    expectYamlError('[? a]', { code: 'OD_YAML_UNSUPPORTED', line: 1, column: 2 })
    expectYamlError('{: b}', { code: 'OD_YAML_UNSUPPORTED', line: 1, column: 2, message: 'needs a key' })
    expectYamlError('[:]', { code: 'OD_YAML_UNSUPPORTED', line: 1, column: 2 })
  })

  it('rejects collections as keys', () => {
    expectYamlError('{[a]: b}', { code: 'OD_YAML_UNSUPPORTED', line: 1, column: 2, message: 'collection' })
    expectYamlError('[{a: 1}: b]', { code: 'OD_YAML_UNSUPPORTED', line: 1, column: 2 })
  })

  it('rejects an alias with an anchor', () => {
    expectYamlError('[&a 1, &b *a]', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 8,
      message: 'an alias cannot have an anchor',
    })
  })
})
