import { describe, expect, it } from 'vitest'
import { parseYaml, YamlError } from '../../../src/index.js'
import { positionAt } from '../../../src/yaml/yaml-error.js'

describe('YamlError', () => {
  it('formats file:line:column: problem. hint', () => {
    const error = new YamlError({
      code: 'OD_YAML_SYNTAX',
      line: 3,
      column: 7,
      problem: 'duplicate key "a"',
      hint: 'Remove one.',
      filename: 'opendaemon.config.yaml',
    })
    expect(error.message).toBe('opendaemon.config.yaml:3:7: duplicate key "a". Remove one.')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('YamlError')
    expect(error.filename).toBe('opendaemon.config.yaml')
    expect([error.problem, error.hint]).toEqual(['duplicate key "a"', 'Remove one.'])
  })

  it('names the input <input> when no filename is given', () => {
    const error = new YamlError({ code: 'OD_YAML_UNSUPPORTED', line: 1, column: 1, problem: 'p', hint: 'h.' })
    expect(error.message).toBe('<input>:1:1: p. h.')
    expect(error.filename).toBeUndefined()
  })

  it('carries the filename given to parseYaml', () => {
    expect(() => parseYaml('a: 1\na: 2\n', { filename: 'apps.yaml' })).toThrow(
      /^apps\.yaml:2:1: duplicate key "a"/,
    )
  })
})

describe('positionAt', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const text = 'ab\ncd\n\nef'
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 })
    expect(positionAt(text, 2)).toEqual({ line: 1, column: 3 })
    expect(positionAt(text, 3)).toEqual({ line: 2, column: 1 })
    expect(positionAt(text, 6)).toEqual({ line: 3, column: 1 })
    expect(positionAt(text, 8)).toEqual({ line: 4, column: 2 })
  })
})
