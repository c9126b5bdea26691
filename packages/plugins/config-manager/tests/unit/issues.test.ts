import { describe, expect, it } from 'vitest'
import { configInvalidError, formatIssue } from '../../src/issues.js'

describe('formatIssue', () => {
  it('leaves the position out for a value without one (JS and TS configs)', () => {
    const issue = {
      code: 'OD_CONFIG_INVALID',
      path: 'apps[0].nme',
      message: 'unknown field',
      file: '/p/a.js',
    }
    expect(formatIssue(issue)).toBe('apps[0].nme: unknown field')
  })

  it('names the file for a problem with the whole file', () => {
    const issue = {
      code: 'OD_CONFIG_INVALID',
      path: '',
      message: 'expected an object',
      file: '/p/b.yaml',
      line: 1,
      column: 1,
    }
    expect(formatIssue(issue)).toBe('b.yaml: expected an object (b.yaml:1:1)')
  })
})

describe('configInvalidError', () => {
  it('lists one error under a singular count, ending with the issue itself', () => {
    const issue = {
      code: 'OD_APP_OPTION_INVALID',
      path: 'apps[0].cwd',
      message: 'missing',
      file: '/p/a.yaml',
      line: 3,
      column: 8,
    }
    const err = configInvalidError('/p/a.yaml', [issue])
    expect(err.message).toBe(
      'Invalid configuration: a.yaml is invalid (1 error):\n  apps[0].cwd: missing (a.yaml:3:8)',
    )
    expect(err.data).toEqual({ file: '/p/a.yaml', errors: [issue] })
  })
})
