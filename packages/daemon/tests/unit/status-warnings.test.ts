import { createFakeClock, createLogger, DaemonError } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { createWarningLog } from '../../src/status-warnings.js'

describe('createWarningLog', () => {
  it('logs each warning and keeps the last ones', () => {
    const lines: string[] = []
    const clock = createFakeClock(10)
    const warnings = createWarningLog(clock, createLogger({ sink: (line) => lines.push(line) }), 2)
    warnings.add(new DaemonError('OD_PLUGIN_LOAD_FAILED', '/a.mjs', 'broken'))
    warnings.add(new Error('plain error'))
    warnings.add(new DaemonError('OD_CONFIG_INVALID', 'x'))
    expect(warnings.list().map((w) => w.code)).toEqual(['OD_INTERNAL', 'OD_CONFIG_INVALID'])
    expect(warnings.list()[1]).toEqual({
      code: 'OD_CONFIG_INVALID',
      message: 'Invalid configuration: x.',
      at: 10,
    })
    expect(lines[0]).toContain('code=OD_PLUGIN_LOAD_FAILED')
  })
})
