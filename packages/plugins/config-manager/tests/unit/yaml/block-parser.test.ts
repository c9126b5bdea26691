import { describe, expect, it } from 'vitest'
import { parseYaml } from '../../../src/index.js'
import { expectYamlError } from './yaml-assertions.js'

describe('block mappings', () => {
  it('parses nested mappings', () => {
    expect(parseYaml('a:\n  b:\n    c: d\n  e: f\ng: h\n')).toEqual({ a: { b: { c: 'd' }, e: 'f' }, g: 'h' })
  })

  it('reads an empty value as null', () => {
    expect(parseYaml('a:\nb: # comment\nc:')).toEqual({ a: null, b: null, c: null })
  })

  it('accepts spaces before the colon and quoted keys', () => {
    expect(parseYaml('a   : 1\n"b c" : 2\n\'d\': 3\n')).toEqual({ a: 1, 'b c': 2, d: 3 })
  })

  it('takes a value from the next, more indented lines', () => {
    expect(parseYaml('key:\n    # comment\n\n    value\n')).toEqual({ key: 'value' })
  })

  it('accepts a sequence at the indentation of its key', () => {
    expect(parseYaml('a:\n- 1\n- 2\nb: 3\n')).toEqual({ a: [1, 2], b: 3 })
  })

  it('ends a mapping at a less indented line', () => {
    expect(parseYaml('- a: 1\n  b: 2\n- c\n')).toEqual([{ a: 1, b: 2 }, 'c'])
  })

  it('accepts an indented root mapping', () => {
    expect(parseYaml('   a: 1\n   b: 2\n')).toEqual({ a: 1, b: 2 })
  })

  it('rejects a line indented more than its siblings', () => {
    expectYamlError('a:\n  b: "1"\n   c: 2\n', {
      code: 'OD_YAML_SYNTAX',
      line: 3,
      column: 4,
      message: 'indented more than the entries above it',
    })
  })

  it('rejects a line indented between two levels', () => {
    expectYamlError('a:\n  b: 1\n c: 2\n', { code: 'OD_YAML_SYNTAX', line: 3, column: 2 })
  })

  it('rejects a line that is not a key: value entry', () => {
    expectYamlError('a: 1\nb\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 1,
      message: 'expected a "key: value" entry at this indentation',
    })
  })

  it('rejects a sequence entry among mapping keys', () => {
    expectYamlError('a: 1\n- b\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 1,
      message: 'found a "- " sequence entry',
    })
  })

  it('rejects a nested mapping on the line of its key', () => {
    expectYamlError('a: b: c\n', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 4,
      message: 'a mapping cannot start on the line of its parent key',
    })
  })

  it('rejects a block sequence on the line of its key', () => {
    expectYamlError('key: - a\n', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 6,
      message: 'a block sequence cannot start on the line of its parent key',
    })
  })

  it('rejects a continuation line that looks like a key', () => {
    expectYamlError('foo: bar\n  baz: qux\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 3,
      message: 'continues the value above it',
    })
  })

  it('rejects a key split over lines', () => {
    expectYamlError('"a\n b": 1\n', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 1,
      message: 'must fit on one line',
    })
  })

  it('rejects trailing text after a quoted value', () => {
    expectYamlError('a: "x" y\n', { code: 'OD_YAML_SYNTAX', line: 1, column: 8, message: 'unexpected "y"' })
  })

  it('rejects a comment glued to a value', () => {
    expectYamlError('a: "x"# c\n', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 7,
      message: 'separated from the value',
    })
  })
})

describe('block sequences', () => {
  it('parses entries of every kind', () => {
    expect(parseYaml('- a\n- "b"\n- [c]\n- {d: e}\n- |\n  f\n-\n- - g\n  - h\n- i: j\n  k: l\n')).toEqual([
      'a',
      'b',
      ['c'],
      { d: 'e' },
      'f\n',
      null,
      ['g', 'h'],
      { i: 'j', k: 'l' },
    ])
  })

  it('puts compact collections at the column of their first entry', () => {
    expect(parseYaml('-   - a\n    - b\n-   k: 1\n    m: 2\n')).toEqual([['a', 'b'], { k: 1, m: 2 }])
  })

  it('takes an entry from the next, more indented lines', () => {
    expect(parseYaml('-\n  a: 1\n-\n  - 2\n')).toEqual([{ a: 1 }, [2]])
  })

  it('reads a more indented "- " line after a plain entry as part of it', () => {
    expect(parseYaml('- a\n - b\n')).toEqual(['a - b'])
  })

  it('rejects an entry indented more than its siblings', () => {
    expectYamlError('- [a]\n - b\n', { code: 'OD_YAML_SYNTAX', line: 2, column: 2, message: 'indented more' })
  })

  it('rejects a mapping key after a root sequence', () => {
    expectYamlError('- a\nb: c\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 1,
      message: 'unexpected content',
    })
  })
})

describe('tabs', () => {
  it('accepts tabs as separators and in blank lines', () => {
    expect(parseYaml('a:\t1\n\t\nb:\t\n  -\tx\n')).toEqual({ a: 1, b: ['x'] })
  })

  it('accepts a tab before a scalar or flow value on its own line', () => {
    expect(parseYaml('a:\n \tvalue\nb:\n \t[1]\n')).toEqual({ a: 'value', b: [1] })
  })

  it('rejects a tab indenting a mapping key', () => {
    expectYamlError('a:\n\tb: 1\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 2,
      message: 'a tab cannot be used for indentation',
    })
  })

  it('rejects a tab indenting a key below an indented line', () => {
    expectYamlError('a:\n \tb: 1\n', { code: 'OD_YAML_SYNTAX', line: 2, column: 3, message: 'tab' })
  })

  it('rejects a tab between sibling keys', () => {
    expectYamlError('a:\n  b: 1\n  \tc: 2\n', { code: 'OD_YAML_SYNTAX', line: 3, column: 4, message: 'tab' })
  })

  it('rejects a tab indenting a sequence entry', () => {
    expectYamlError('- a\n\t- b\n', { code: 'OD_YAML_SYNTAX', line: 2, column: 2, message: 'tab' })
  })

  it('rejects a tab before a compact nested sequence', () => {
    expectYamlError('-\t- a\n', { code: 'OD_YAML_SYNTAX', line: 1, column: 3, message: 'tab' })
  })

  it('rejects a tab before a compact mapping', () => {
    expectYamlError('- \ta: 1\n', { code: 'OD_YAML_SYNTAX', line: 1, column: 4, message: 'tab' })
  })
})

describe('out-of-subset keys', () => {
  it('rejects explicit keys', () => {
    expectYamlError('? complex key\n: value\n', {
      code: 'OD_YAML_UNSUPPORTED',
      line: 1,
      column: 1,
      message: 'explicit keys ("? ")',
    })
  })

  it('rejects a flow sequence as a key', () => {
    expectYamlError('[a, b]: v\n', {
      code: 'OD_YAML_UNSUPPORTED',
      line: 1,
      column: 1,
      message: 'a collection cannot be a mapping key',
    })
  })

  it('rejects a flow mapping as a key', () => {
    expectYamlError('x:\n  {a: 1}: v\n', { code: 'OD_YAML_UNSUPPORTED', line: 2, column: 3 })
  })

  it('rejects an empty key', () => {
    expectYamlError('a: 1\n: 2\n', {
      code: 'OD_YAML_UNSUPPORTED',
      line: 2,
      column: 1,
      message: 'needs a key',
    })
  })

  it('rejects an explicit key after an anchor', () => {
    expectYamlError('&a ? x\n', { code: 'OD_YAML_UNSUPPORTED', line: 1, column: 4 })
  })

  it('reads ?x, :x and -x as plain scalars', () => {
    expect(parseYaml('?x: :y\n-z: 1\n')).toEqual({ '?x': ':y', '-z': 1 })
  })
})
