import { describe, expect, it } from 'vitest'
import { parseYaml } from '../../../src/index.js'
import { expectYamlError } from './yaml-assertions.js'

describe('literal block scalars', () => {
  it('keeps line breaks and more indented lines', () => {
    expect(parseYaml('a: |\n  one\n    two\n\n  three\nb: 1\n')).toEqual({ a: 'one\n  two\n\nthree\n', b: 1 })
  })

  it.each([
    ['|', 'x\n'],
    ['|-', 'x'],
    ['|+', 'x\n\n\n'],
  ])('applies the chomping of %s', (header, text) => {
    expect(parseYaml(`a: ${header}\n  x\n\n\nb: 1\n`)).toEqual({ a: text, b: 1 })
  })

  it('treats the end of input as a final line break', () => {
    expect(parseYaml('a: |\n  x')).toEqual({ a: 'x\n' })
    expect(parseYaml('a: |+\n  x\n  ')).toEqual({ a: 'x\n\n' })
  })

  it('is empty when no line follows the header', () => {
    expect(parseYaml('a: |')).toEqual({ a: '' })
    expect(parseYaml('a: |+\nb: 1\n')).toEqual({ a: '', b: 1 })
    expect(parseYaml('a: |+\n\n\nb: 1\n')).toEqual({ a: '\n\n', b: 1 })
  })

  it('uses an indentation indicator relative to the parent', () => {
    expect(parseYaml('a: |2\n    x\n   y\n')).toEqual({ a: '  x\n y\n' })
    expect(parseYaml('- |1-\n  x\n')).toEqual([' x'])
    expect(parseYaml('--- |1\n x\n')).toBe(' x\n')
  })

  it('accepts the indicators in either order and a comment after them', () => {
    expect(parseYaml('a: |-2 # comment\n   x\n')).toEqual({ a: ' x' })
    expect(parseYaml('a: |+1\n x\n')).toEqual({ a: 'x\n' })
  })

  it('keeps # lines that are indented as content', () => {
    expect(parseYaml('a: |\n  # not a comment\n# a comment\nb: 1\n')).toEqual({
      a: '# not a comment\n',
      b: 1,
    })
  })

  it('keeps tabs after the indentation', () => {
    expect(parseYaml('a: |\n  \tx\n')).toEqual({ a: '\tx\n' })
  })

  it('ends at a document end marker', () => {
    expect(parseYaml('|\n x\n...\n')).toBe('x\n')
  })

  it('accepts an anchor before the header', () => {
    expect(parseYaml('a: &t |\n  x\nb: *t\n')).toEqual({ a: 'x\n', b: 'x\n' })
  })
})

describe('folded block scalars', () => {
  it('folds lines, keeps empty lines and more indented lines', () => {
    const text = 'a: >\n\n  one\n  two\n\n  three\n    indented\n  four\n\n\n  five\nb: 1\n'
    expect(parseYaml(text)).toEqual({ a: '\none two\nthree\n  indented\nfour\n\nfive\n', b: 1 })
  })

  it('treats lines starting with a tab as more indented', () => {
    expect(parseYaml('>\n a\n \tb\n c\n')).toBe('a\n\tb\nc\n')
  })

  it('strips and keeps', () => {
    expect(parseYaml('a: >-\n  x\n  y\n\nb: >+\n  z\n\n')).toEqual({ a: 'x y', b: 'z\n\n' })
  })
})

describe('block scalar errors', () => {
  it('rejects text after the header', () => {
    expectYamlError('a: > text\n', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 6,
      message: 'only a comment may follow',
    })
  })

  it('rejects a comment glued to the header', () => {
    expectYamlError('a: |#c\n  x\n', { code: 'OD_YAML_SYNTAX', line: 1, column: 5 })
  })

  it.each(['|0', '|10', '|-0', '>+12'])('rejects the indentation indicator in %s', (header) => {
    expectYamlError(`a: ${header}\n  x\n`, {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 4 + header.length - 1,
      message: 'one digit from 1 to 9',
    })
  })

  it('rejects leading empty lines wider than the first text line', () => {
    expectYamlError('a: |\n\n    \n  x\n', {
      code: 'OD_YAML_SYNTAX',
      line: 3,
      column: 1,
      message: 'has more spaces than its first text line (2)',
    })
  })

  it('rejects a tab-only line below the content indentation', () => {
    expectYamlError('a: |\n  x\n \t\nb: 1\n', {
      code: 'OD_YAML_SYNTAX',
      line: 3,
      column: 2,
      message: 'a tab cannot indent',
    })
    expectYamlError('a: |\n\t\nb: 1\n', { code: 'OD_YAML_SYNTAX', line: 2, column: 1 })
  })
})
