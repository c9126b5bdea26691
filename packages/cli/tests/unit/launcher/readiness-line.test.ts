import { describe, expect, it } from 'vitest'
import { readinessOutcome } from '../../../src/launcher/readiness-line.js'

describe('readinessOutcome', () => {
  it('reads ready and exists lines, with or without a newline', () => {
    expect(readinessOutcome('ready 1150\n')).toEqual({ kind: 'ready', pid: 1150 })
    expect(readinessOutcome('exists 1149\r\n')).toEqual({ kind: 'exists', pid: 1149 })
  })

  it('turns an error line into the daemon error, keeping its message and exit code', () => {
    const error = readinessOutcome('error OD_CONFIG_INVALID Invalid configuration: x.')
    expect(error).toMatchObject({
      code: 'OD_CONFIG_INVALID',
      message: 'Invalid configuration: x.',
      exitCode: 2,
    })
  })

  it('reports an unknown error code as OD_DAEMON_START_FAILED', () => {
    expect(readinessOutcome('error OD_FUTURE_THING it broke')).toMatchObject({
      code: 'OD_DAEMON_START_FAILED',
      message: expect.stringContaining('OD_FUTURE_THING: it broke'),
    })
  })

  it('reports a line that is none of the three', () => {
    expect(readinessOutcome('ready soon')).toMatchObject({
      code: 'OD_DAEMON_START_FAILED',
      message: expect.stringContaining('unexpected readiness line: "ready soon"'),
    })
    expect(readinessOutcome('ready 0')).toMatchObject({ code: 'OD_DAEMON_START_FAILED' })
  })
})
