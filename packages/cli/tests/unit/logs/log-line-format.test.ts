import type { LogEntry } from '@opendaemon/core/client'
import { describe, expect, it } from 'vitest'
import { appColor, formatLogEntry, skippedMarker } from '../../../src/logs/log-line-format.js'
import { createColors } from '../../../src/ui/colors.js'

const entry = (over: Partial<LogEntry> = {}): LogEntry => ({
  timestamp: '2026-11-22T03:04:05.123Z',
  level: 'info',
  pid: 1,
  processName: 'api',
  instanceId: 0,
  id: 0,
  message: 'ready',
  source: 'stdout',
  metadata: null,
  ...over,
})

const plain = { colors: createColors(false), prefix: true, timestamp: false, raw: false }

describe('formatLogEntry', () => {
  it('prefixes [name], [name:index] and, without colour, [name|err] for stderr', () => {
    expect(formatLogEntry(entry(), plain)).toBe('[api] ready')
    expect(formatLogEntry(entry({ instanceId: 2 }), plain)).toBe('[api:2] ready')
    expect(formatLogEntry(entry({ source: 'stderr', message: 'boom' }), plain)).toBe('[api|err] boom')
  })

  it('adds the timestamp, drops the prefix, or prints the raw message', () => {
    expect(formatLogEntry(entry(), { ...plain, timestamp: true })).toBe(
      '[api] 2026-11-22T03:04:05.123Z ready',
    )
    expect(formatLogEntry(entry(), { ...plain, prefix: false })).toBe('ready')
    expect(formatLogEntry(entry({ source: 'stderr' }), { ...plain, raw: true })).toBe('ready')
    expect(formatLogEntry(entry({ cont: true }), plain)).toBe('[api] …ready')
  })

  it('colours the name per app and stderr lines red', () => {
    const colors = createColors(true)
    const line = formatLogEntry(entry({ source: 'stderr', message: 'boom' }), { ...plain, colors })
    expect(line).toBe(`[${colors[appColor('api')]('api')}] ${colors.red('boom')}`)
    expect(appColor('api')).toBe(appColor('api'))
    expect(new Set(['api', 'web', 'worker', 'db', 'cron', 'mail'].map(appColor)).size).toBeGreaterThan(1)
  })
})

describe('skippedMarker', () => {
  it('says how many lines were skipped and that the files are complete', () => {
    expect(skippedMarker(4812)).toBe(
      '[od] 4812 lines skipped: this terminal could not keep up; the log files are complete',
    )
    expect(skippedMarker(1)).toContain('1 line skipped')
  })
})
