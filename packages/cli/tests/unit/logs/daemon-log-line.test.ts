import { describe, expect, it } from 'vitest'
import { parseDaemonLogLine } from '../../../src/logs/daemon-log-line.js'

describe('parseDaemonLogLine', () => {
  it('reads the daemon text format with and without a scope', () => {
    const line = '2026-11-22T03:04:05.123Z WARN  [plugin:pm] api crashed code=1'
    expect(parseDaemonLogLine(line)).toEqual({
      ts: '2026-11-22T03:04:05.123Z',
      level: 'warn',
      scope: 'plugin:pm',
      msg: 'api crashed code=1',
      line,
    })
    expect(parseDaemonLogLine('2026-11-22T03:04:05.123Z INFO  started')).toMatchObject({
      scope: null,
      msg: 'started',
    })
  })

  it('reads JSON lines, with nulls for missing fields', () => {
    const line =
      '{"ts":"2026-11-22T03:04:05.123Z","level":"error","scope":"kernel","msg":"boom","code":"OD_INTERNAL"}'
    expect(parseDaemonLogLine(line)).toEqual({
      ts: '2026-11-22T03:04:05.123Z',
      level: 'error',
      scope: 'kernel',
      msg: 'boom',
      line,
    })
    expect(parseDaemonLogLine('{"level":3}')).toEqual({
      ts: null,
      level: null,
      scope: null,
      msg: '{"level":3}',
      line: '{"level":3}',
    })
  })

  it('keeps anything else as the message', () => {
    for (const line of ['Error: stack trace', '{not json', '']) {
      expect(parseDaemonLogLine(line)).toEqual({ ts: null, level: null, scope: null, msg: line, line })
    }
  })
})
