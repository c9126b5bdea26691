import { describe, expect, it } from 'vitest'
import { DaemonError, daemonErrorFromWire, isErrorCode } from '../../../src/index.js'

describe('DaemonError', () => {
  it('carries the code, rpc code, exit code and built message', () => {
    const err = new DaemonError('OD_PLUGIN_TIMEOUT', 'web', 'install', 10_000)
    expect(err).toBeInstanceOf(Error)
    expect(err.name).toBe('DaemonError')
    expect(err.code).toBe('OD_PLUGIN_TIMEOUT')
    expect(err.rpcCode).toBe(2006)
    expect(err.exitCode).toBe(1)
    expect(err.message).toBe('Plugin "web" did not finish install within 10000 ms.')
    expect(err.data).toBeUndefined()
    expect(err.cause).toBeUndefined()
  })

  it('keeps the cause and data passed after the message arguments', () => {
    const cause = new Error('low level')
    const err = new DaemonError('OD_INTERNAL', 'oops', { cause, data: { extra: 1 } })
    expect(err.cause).toBe(cause)
    expect(err.data).toEqual({ extra: 1 })
  })
})

describe('daemonErrorFromWire', () => {
  it('rebuilds an error with the daemon message and data', () => {
    const err = daemonErrorFromWire('OD_PLUGIN_NOT_FOUND', 'No plugin named "x".', { name: 'x' })
    expect(err.code).toBe('OD_PLUGIN_NOT_FOUND')
    expect(err.message).toBe('No plugin named "x".')
    expect(err.data).toEqual({ name: 'x' })
    expect(daemonErrorFromWire('OD_INTERNAL', 'm').data).toBeUndefined()
  })
})

describe('isErrorCode', () => {
  it('recognizes known codes only', () => {
    expect(isErrorCode('OD_INTERNAL')).toBe(true)
    expect(isErrorCode('OD_NOPE')).toBe(false)
    expect(isErrorCode('toString')).toBe(false)
    expect(isErrorCode(42)).toBe(false)
  })
})
