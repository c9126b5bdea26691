import { describe, expect, it } from 'vitest'
import { parseYaml } from '../../../src/index.js'
import { expectYamlError } from './yaml-assertions.js'

describe('plain scalars', () => {
  it('folds continuation lines: one break is a space, n breaks are n-1 newlines', () => {
    expect(parseYaml('a: one\n  two\n\n  three\n\n\n  four\nb: x\n')).toEqual({
      a: 'one two\nthree\n\nfour',
      b: 'x',
    })
  })

  it('trims blanks around line breaks and accepts less indented continuation lines', () => {
    expect(parseYaml('a:\n    one  \n  \t two\t\n')).toEqual({ a: 'one two' })
  })

  it('continues a root scalar at column 0', () => {
    expect(parseYaml('one\ntwo\n\tthree\n')).toBe('one two three')
  })

  it('keeps indicator characters that do not end the scalar', () => {
    expect(parseYaml('a: b#c d:e f-g [h] {i} ,j\n')).toEqual({ a: 'b#c d:e f-g [h] {i} ,j' })
  })

  it('ends at " #" and at ": "', () => {
    expect(parseYaml('a: b # comment\nc: d\n')).toEqual({ a: 'b', c: 'd' })
  })

  it('lets continuation lines start with indicators', () => {
    expect(parseYaml('a: x\n  - y\n  &z !t *u "v" |w\n')).toEqual({ a: 'x - y &z !t *u "v" |w' })
  })

  it('ends at the end of input, also after a comment', () => {
    expect(parseYaml('a: b')).toEqual({ a: 'b' })
    expect(parseYaml('a: b # c')).toEqual({ a: 'b' })
  })

  it('continues on a line starting with ":" and a non-space', () => {
    expect(parseYaml('a\n:b')).toBe('a :b')
    expect(parseYaml('[a\n:b]')).toEqual(['a :b'])
  })

  it('ends before a line starting with ": "', () => {
    expectYamlError('a\n: b\n', { code: 'OD_YAML_SYNTAX', line: 2, column: 1, message: 'unexpected content' })
    expect(parseYaml('{a\n:}')).toEqual({ a: null })
  })

  it('ends at a comment line', () => {
    expectYamlError('a: x\n# c\n  y\n', {
      code: 'OD_YAML_SYNTAX',
      line: 3,
      column: 3,
      message: 'indented more',
    })
  })

  it('ends at a document marker', () => {
    expectYamlError('x\n---\n', { code: 'OD_YAML_UNSUPPORTED', line: 2, column: 1 })
    expect(parseYaml('x\n...\n')).toBe('x')
  })

  it('ends in flow context at a line starting with an indicator', () => {
    expect(parseYaml('[a\n, b\n]')).toEqual(['a', 'b'])
    expect(parseYaml('{a\n: b}')).toEqual({ a: 'b' })
  })

  it('continues in flow context until a flow indicator', () => {
    expect(parseYaml('[a\n b c\n\n d, e]')).toEqual(['a b c\nd', 'e'])
  })

  it('stops before an under-indented flow line, which is then an error', () => {
    expectYamlError('k: [a\nb]\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 1,
      message: 'not indented enough',
    })
  })

  it.each([
    ['a: @x\n', '@'],
    ['a: `x\n', '`'],
    ['a: ]\n', ']'],
    ['a: }\n', '}'],
    ['a: ,\n', ','],
  ])('rejects %j: "%s" cannot start a value', (text, c) => {
    expectYamlError(text, {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 4,
      message: `"${c}" cannot start a value`,
    })
  })

  it.each([
    ['.inf', 'a: .inf\n'],
    ['-.Inf', 'a: -.Inf\n'],
    ['.nan', 'a: .nan\n'],
    ['1e999', 'a: 1e999\n'],
  ])('rejects %s, which JSON cannot hold', (text, yaml) => {
    expectYamlError(yaml, {
      code: 'OD_YAML_UNSUPPORTED',
      line: 1,
      column: 4,
      message: `"${text}" is not a finite number`,
    })
  })

  it('keeps quoted .inf as a string', () => {
    expect(parseYaml('a: ".inf"\n')).toEqual({ a: '.inf' })
  })
})
