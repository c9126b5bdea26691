import { describe, expect, it } from 'vitest'
import { DaemonError } from '../../../src/errors/daemon-error.js'
import { entryFromText } from '../../../src/logs/stored-line.js'
import { compileLogFilter } from '../../../src/logs/log-filter.js'
import { parseTimeBound } from '../../../src/logs/time-bound.js'

const out = (message: string) =>
  entryFromText(message, { id: 0, name: 'a', instance: 0, source: 'stdout' }, 0, null)
const err = (message: string) =>
  entryFromText(message, { id: 0, name: 'a', instance: 0, source: 'stderr' }, 0, null)

describe('compileLogFilter', () => {
  it('passes everything without params', () => {
    const filter = compileLogFilter({}, 0)
    expect(filter.matches(out('x'))).toBe(true)
    expect(filter.inTime(-5)).toBe(true)
    expect(filter.sources).toEqual(['stdout', 'stderr'])
  })

  it('filters by source, level and pattern (optionally case-insensitive)', () => {
    const filter = compileLogFilter({ sources: ['stdout'], level: 'warn', grep: 'time.?out' }, 0)
    expect(filter.matches(out('[WARN] timeout'))).toBe(true)
    expect(filter.matches(out('[INFO] timeout'))).toBe(false)
    expect(filter.matches(err('timeout'))).toBe(false)
    expect(filter.matches(out('[WARN] TIMEOUT'))).toBe(false)
    expect(compileLogFilter({ grep: 'timeout', ignoreCase: true }, 0).matches(out('TIMEOUT'))).toBe(true)
  })

  it('resolves since and until against now', () => {
    const filter = compileLogFilter({ since: '1h', until: 5_000_000 }, 4_000_000)
    expect(filter.since).toBe(400_000)
    expect(filter.until).toBe(5_000_000)
    expect(filter.inTime(399_999)).toBe(false)
    expect(filter.inTime(400_000)).toBe(true)
    expect(filter.inTime(5_000_001)).toBe(false)
  })

  it('rejects a bad pattern with OD_LOG_PATTERN_INVALID', () => {
    expect(() => compileLogFilter({ grep: '(' }, 0)).toThrowError(DaemonError)
    expect(() => compileLogFilter({ grep: '(' }, 0)).toThrowError(
      expect.objectContaining({ code: 'OD_LOG_PATTERN_INVALID', exitCode: 2 }),
    )
  })
})

describe('parseTimeBound', () => {
  it('reads epoch ms, ISO dates (local without zone) and durations', () => {
    expect(parseTimeBound(42, 0)).toBe(42)
    expect(parseTimeBound('1763780645123', 0)).toBe(1763780645123)
    expect(parseTimeBound('2026-11-22', 0)).toBe(new Date(2026, 10, 22).getTime())
    expect(parseTimeBound('2026-11-22T03:00', 0)).toBe(new Date(2026, 10, 22, 3).getTime())
    expect(parseTimeBound('2026-11-22T03:00:00Z', 0)).toBe(Date.UTC(2026, 10, 22, 3))
    expect(parseTimeBound(' 90s ', 100_000)).toBe(10_000)
  })

  it('rejects anything else with OD_INVALID_DURATION', () => {
    expect(() => parseTimeBound('2026-99-99', 0)).toThrowError(
      expect.objectContaining({ code: 'OD_INVALID_DURATION' }),
    )
    expect(() => parseTimeBound('yesterday', 0)).toThrowError(
      expect.objectContaining({ code: 'OD_INVALID_DURATION' }),
    )
  })
})

describe('LogFilter.mayMatch', () => {
  it('rejects stored lines that cannot hold a match, for patterns where that is safe', () => {
    expect(compileLogFilter({}, 0).mayMatch('anything')).toBe(true)
    const word = compileLogFilter({ grep: 'time.?out|ECONN', ignoreCase: true }, 0)
    expect(word.mayMatch('2026-11-22T03:04:05Z: TIMEOUT')).toBe(true)
    expect(word.mayMatch('2026-11-22T03:04:05Z: fine')).toBe(false)
    for (const grep of ['^ready', 'done$', '\\d+', 'say "hi"', '(?<=x)y']) {
      expect(compileLogFilter({ grep }, 0).mayMatch('no match here'), grep).toBe(true)
    }
  })
})
