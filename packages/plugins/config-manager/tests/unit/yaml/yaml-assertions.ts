// Shared assertions for the YAML parser tests.
import { expect } from 'vitest'
import { parseYaml, YamlError, type YamlErrorCode } from '../../../src/index.js'

export interface ExpectedYamlError {
  readonly code: YamlErrorCode
  readonly line: number
  readonly column: number
  /** A fragment the message must contain. */
  readonly message?: string
}

/** Parses `text`, expecting a YamlError with exactly this code and position. */
export function expectYamlError(text: string, expected: ExpectedYamlError): YamlError {
  let caught: unknown
  try {
    parseYaml(text)
  } catch (err) {
    caught = err
  }
  expect(caught).toBeInstanceOf(YamlError)
  const error = caught as YamlError
  expect({ code: error.code, line: error.line, column: error.column }).toEqual({
    code: expected.code,
    line: expected.line,
    column: expected.column,
  })
  if (expected.message !== undefined) expect(error.message).toContain(expected.message)
  return error
}
