import { describe, expect, it } from 'vitest'
import { CliError, isCodedError } from '../../src/cli-error.js'

describe('CliError', () => {
  it('carries its code, message, exit code and cause', () => {
    const cause = new Error('EACCES')
    const err = new CliError('OD_SHIM_WRITE_FAILED', 'Cannot write', { cause })
    expect(err).toBeInstanceOf(Error)
    expect(err.name).toBe('CliError')
    expect(err.code).toBe('OD_SHIM_WRITE_FAILED')
    expect(err.exitCode).toBe(1)
    expect(err.cause).toBe(cause)
  })

  it('maps usage errors to exit 2 and a missing client to exit 3', () => {
    expect(new CliError('OD_USAGE', 'x').exitCode).toBe(2)
    expect(new CliError('OD_CLIENT_UNAVAILABLE', 'x').exitCode).toBe(3)
    expect(new CliError('OD_SHIM_FOREIGN_FILE', 'x').exitCode).toBe(1)
  })
})

describe('isCodedError', () => {
  it('accepts errors with an OD_ code and an exit code, such as DaemonError', () => {
    expect(isCodedError(new CliError('OD_USAGE', 'x'))).toBe(true)
    expect(isCodedError(Object.assign(new Error('x'), { code: 'OD_TIMEOUT', exitCode: 3 }))).toBe(true)
  })

  it('rejects plain errors, Node errors and non-errors', () => {
    expect(isCodedError(new Error('x'))).toBe(false)
    expect(isCodedError(Object.assign(new Error('x'), { code: 'ENOENT', exitCode: 1 }))).toBe(false)
    expect(isCodedError(Object.assign(new Error('x'), { code: 'OD_X' }))).toBe(false)
    expect(isCodedError({ code: 'OD_USAGE', exitCode: 2, message: 'x' })).toBe(false)
  })
})
