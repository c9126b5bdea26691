import { describe, expect, it } from 'vitest'
import { parseYaml } from '../../../src/index.js'
import { expectYamlError } from './yaml-assertions.js'

describe('document markers', () => {
  it('accepts one document opened by --- and closed by ...', () => {
    expect(parseYaml('# head\n---\na: 1\n...\n# tail\n')).toEqual({ a: 1 })
  })

  it('accepts a scalar or block scalar on the --- line', () => {
    expect(parseYaml('--- text\n')).toBe('text')
    expect(parseYaml('--- |\n  line\n')).toBe('line\n')
    expect(parseYaml('--- &a\n- x\n')).toEqual(['x'])
  })

  it('reads ---word as a plain scalar, not a marker', () => {
    expect(parseYaml('---word\n')).toBe('---word')
    expect(parseYaml('a: 1\n...x: 2\n')).toEqual({ a: 1, '...x': 2 })
  })

  it('rejects a block mapping on the --- line', () => {
    expectYamlError('--- a: 1\n', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 5,
      message: 'a mapping cannot start on the "---" line',
    })
  })

  it('rejects a block sequence on the --- line', () => {
    expectYamlError('--- - a\n', { code: 'OD_YAML_SYNTAX', line: 1, column: 5, message: 'a block sequence' })
  })

  it('rejects content after ... on the same line', () => {
    expectYamlError('a: 1\n... b\n', { code: 'OD_YAML_SYNTAX', line: 2, column: 5 })
  })
})

describe('multi-document streams are unsupported', () => {
  it('rejects a second --- document', () => {
    expectYamlError('a: 1\n---\nb: 2\n', {
      code: 'OD_YAML_UNSUPPORTED',
      line: 2,
      column: 1,
      message: 'only one document per file',
    })
  })

  it('rejects a trailing --- even with nothing after it', () => {
    expectYamlError('---\na: 1\n---\n', { code: 'OD_YAML_UNSUPPORTED', line: 3, column: 1 })
  })

  it('rejects a document after ...', () => {
    expectYamlError('a: 1\n...\nb: 2\n', { code: 'OD_YAML_UNSUPPORTED', line: 3, column: 1 })
    expectYamlError('...\n---\n', { code: 'OD_YAML_UNSUPPORTED', line: 2, column: 1 })
  })
})

describe('directives are unsupported', () => {
  it('rejects %YAML', () => {
    expectYamlError('%YAML 1.2\n---\na: 1\n', {
      code: 'OD_YAML_UNSUPPORTED',
      line: 1,
      column: 1,
      message: 'directives',
    })
  })

  it('rejects %TAG after comments', () => {
    expectYamlError('# c\n%TAG ! tag:example.com,2000:\n---\nx\n', {
      code: 'OD_YAML_UNSUPPORTED',
      line: 2,
      column: 1,
    })
  })

  it('rejects a directive after a document end', () => {
    expectYamlError('a: 1\n...\n%YAML 1.2\n---\nb\n', {
      code: 'OD_YAML_UNSUPPORTED',
      line: 3,
      column: 1,
      message: 'directives',
    })
  })

  it('rejects % as the start of a value inside a document', () => {
    expectYamlError('a: %x\n', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 4,
      message: '"%" cannot start a value',
    })
  })
})

describe('content after the root node', () => {
  it('rejects a less indented line after an indented root', () => {
    expectYamlError('  a: 1\nb: 2\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 1,
      message: 'unexpected content after the end of the document',
    })
  })

  it('rejects a second root scalar', () => {
    expectYamlError('"a"\n"b"\n', { code: 'OD_YAML_SYNTAX', line: 2, column: 1 })
  })
})
