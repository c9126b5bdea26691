import { describe, expect, it } from 'vitest'
import { parseYaml } from '../../../src/index.js'
import { expectYamlError } from './yaml-assertions.js'

describe('double-quoted scalars', () => {
  it.each([
    ['\\0', '\0'],
    ['\\a', '\x07'],
    ['\\b', '\b'],
    ['\\t', '\t'],
    ['\\\t', '\t'],
    ['\\n', '\n'],
    ['\\v', '\v'],
    ['\\f', '\f'],
    ['\\r', '\r'],
    ['\\e', '\x1b'],
    ['\\ ', ' '],
    ['\\"', '"'],
    ['\\/', '/'],
    ['\\\\', '\\'],
    ['\\N', '\x85'],
    ['\\_', '\xa0'],
    ['\\L', '\u2028'],
    ['\\P', '\u2029'],
    ['\\x41', 'A'],
    ['\\u00e9', '\u00e9'],
    ['\\uD83D\\uDE00', '\u{1F600}'],
    ['\\U0001F600', '\u{1F600}'],
    ['\\U0010FFFF', '\u{10FFFF}'],
  ])('unescapes %s', (escape, text) => {
    expect(parseYaml(`"<${escape}>"`)).toBe(`<${text}>`)
  })

  it('folds line breaks and trims the blanks around them', () => {
    expect(parseYaml('"a  \n   b\n\n  c \t\n\n\n d"')).toBe('a b\nc\n\nd')
  })

  it('keeps escaped blanks before a line break', () => {
    expect(parseYaml('"a\\t  \n b\\ \n c"')).toBe('a\t b  c')
  })

  it('joins lines at an escaped line break without a space', () => {
    expect(parseYaml('"ab \\\n   cd\\\n\n  ef"')).toBe('ab cd\nef')
  })

  it('keeps leading and trailing blanks inside the quotes', () => {
    expect(parseYaml('a: "  x  "\n')).toEqual({ a: '  x  ' })
  })

  it('keeps # and : inside the quotes', () => {
    expect(parseYaml('a: "b # c: d"\n')).toEqual({ a: 'b # c: d' })
  })

  it.each([
    ['"\\."', 2, 'invalid escape "\\."'],
    ['"\\\'"', 2, 'invalid escape'],
    ['"\\x4"', 2, 'expected 2 hex digits'],
    ['"\\xZZ"', 2, 'expected 2 hex digits'],
    ['"\\u12G4"', 2, 'expected 4 hex digits'],
    ['"\\U00110000"', 2, 'expected 8 hex digits'],
    ['"\\u+123"', 2, 'expected 4 hex digits'],
  ])('rejects %s at the backslash', (text, column, message) => {
    expectYamlError(text, { code: 'OD_YAML_SYNTAX', line: 1, column, message })
  })

  it('rejects an unterminated value at its opening quote', () => {
    expectYamlError('a: "abc\n', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 4,
      message: 'unterminated double-quoted value',
    })
    expectYamlError('a: "abc\n  \n', { code: 'OD_YAML_SYNTAX', line: 1, column: 4 })
    expectYamlError('a: "abc  ', { code: 'OD_YAML_SYNTAX', line: 1, column: 4 })
    expectYamlError('a: "abc\\', { code: 'OD_YAML_SYNTAX', line: 1, column: 4 })
  })

  it('rejects a continuation line not indented more than the key', () => {
    expectYamlError('a: "b\nc"\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 1,
      message: 'not indented enough. Indent it by at least 1 space.',
    })
    expectYamlError('a:\n  b: "c\n  d"\n', {
      code: 'OD_YAML_SYNTAX',
      line: 3,
      column: 3,
      message: 'at least 3 spaces',
    })
  })

  it('rejects a document marker inside the value', () => {
    expectYamlError('"a\n--- b"', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 1,
      message: '("---") cannot appear',
    })
  })
})

describe('single-quoted scalars', () => {
  it("unescapes '' and keeps backslashes", () => {
    expect(parseYaml("'it''s a \\n'")).toBe("it's a \\n")
  })

  it("keeps blanks before ''", () => {
    expect(parseYaml("' '''")).toBe(" '")
  })

  it('folds line breaks', () => {
    expect(parseYaml("'a \n b\n\n c'")).toBe('a b\nc')
  })

  it('rejects an unterminated value', () => {
    expectYamlError("a: 'abc\n", {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 4,
      message: 'unterminated single-quoted value',
    })
  })
})
