import { describe, expect, it } from 'vitest'
import { logsRequest, type LogsArgs } from '../../../src/logs/logs-request.js'

const base: LogsArgs = {
  target: undefined,
  lines: 20,
  out: false,
  err: false,
  grep: undefined,
  ignoreCase: false,
  since: undefined,
  until: undefined,
  level: undefined,
}

describe('logsRequest', () => {
  it('tails every app by default', () => {
    expect(logsRequest(base)).toEqual({ method: 'log.tail', params: { lines: 20 } })
    expect(logsRequest({ ...base, out: true, err: true })).toEqual({
      method: 'log.tail',
      params: { lines: 20 },
    })
  })

  it('maps the selector, streams and level', () => {
    expect(logsRequest({ ...base, target: 'api', namespace: 'prod', out: true, level: 'warn' })).toEqual({
      method: 'log.tail',
      params: {
        lines: 20,
        selector: { target: 'api', namespace: 'prod' },
        sources: ['stdout'],
        level: 'warn',
      },
    })
    expect(logsRequest({ ...base, err: true }).params.sources).toEqual(['stderr'])
  })

  it('searches (rotated files too) when a pattern or a time bound is given', () => {
    expect(logsRequest({ ...base, grep: 'x', ignoreCase: true })).toEqual({
      method: 'log.search',
      params: { lines: 20, grep: 'x', ignoreCase: true },
    })
    expect(logsRequest({ ...base, since: '1h' }).method).toBe('log.search')
    expect(logsRequest({ ...base, until: '2026-11-22' })).toEqual({
      method: 'log.search',
      params: { lines: 20, until: '2026-11-22' },
    })
  })
})
