import { describe, expect, it } from 'vitest'
import { entryFromText, parseStoredLine, parseTimestampPrefix } from '../../../src/logs/stored-line.js'

const origin = { id: 3, name: 'api', instance: 1, source: 'stdout', fileTime: 1_000 } as const
const T = Date.UTC(2026, 10, 22, 3, 4, 5, 123)

describe('parseTimestampPrefix', () => {
  it('recognises iso, iso-local, unix, unix-ms and local date-time prefixes', () => {
    expect(parseTimestampPrefix('2026-11-22T03:04:05.123Z: x')).toEqual({ at: T, length: 26 })
    expect(parseTimestampPrefix('2026-11-22T04:04:05.123+01:00: x')?.at).toBe(T)
    expect(parseTimestampPrefix('2026-11-22T04:04:05.123+0100: x')?.at).toBe(T)
    expect(parseTimestampPrefix(`${T / 1000}: x`)).toEqual({ at: T, length: 16 })
    expect(parseTimestampPrefix(`${T}: x`)).toEqual({ at: T, length: 15 })
    expect(parseTimestampPrefix('2026-11-22 03:04:05: x')?.at).toBe(new Date(2026, 10, 22, 3, 4, 5).getTime())
    expect(parseTimestampPrefix('2026-11-22T03:04: x')?.at).toBe(new Date(2026, 10, 22, 3, 4).getTime())
  })

  it('returns null for anything else', () => {
    expect(parseTimestampPrefix('hello: x')).toBeNull()
    expect(parseTimestampPrefix('2026-13-45T03:04:05Z: x')).toBeNull()
    expect(parseTimestampPrefix('2026-11-22T03:04:05Z x')).toBeNull()
  })
})

describe('parseStoredLine', () => {
  it('gives raw lines the file time, marked inexact', () => {
    const line = parseStoredLine('[WARN] slow', origin)
    expect(line).toMatchObject({ at: 1_000, exact: false })
    expect(line.entry).toEqual({
      timestamp: new Date(1_000).toISOString(),
      level: 'warn',
      pid: null,
      processName: 'api',
      instanceId: 1,
      id: 3,
      message: '[WARN] slow',
      source: 'stdout',
      metadata: null,
    })
  })

  it('reads the prefix of prefixed lines and the continuation mark', () => {
    const line = parseStoredLine('2026-11-22T03:04:05.123Z: [od:cont] rest of it', origin)
    expect(line).toMatchObject({ at: T, exact: true })
    expect(line.entry).toMatchObject({
      message: 'rest of it',
      cont: true,
      timestamp: '2026-11-22T03:04:05.123Z',
    })
    expect(parseStoredLine('2026-11-22T03:04:05.123Z: plain', origin).entry.cont).toBeUndefined()
  })

  it('reads stored LogEntry lines of json files', () => {
    const stored = {
      timestamp: '2026-11-22T03:04:05.123Z',
      level: 'warn',
      pid: 4521,
      processName: 'api',
      instanceId: 0,
      id: 0,
      namespace: 'default',
      message: 'slow query',
      source: 'stderr',
      metadata: { ms: 450 },
      partial: true,
    }
    const line = parseStoredLine(JSON.stringify(stored), origin)
    expect(line).toEqual({ entry: stored, at: T, exact: true })
  })

  it('fills missing or odd fields of json entries from the origin', () => {
    const line = parseStoredLine(
      '{"timestamp":"2026-11-22T03:04:05.123Z","message":"boom","source":"stderr","level":"loud","metadata":5}',
      origin,
    )
    expect(line.entry).toMatchObject({
      level: 'error',
      pid: null,
      processName: 'api',
      instanceId: 1,
      id: 3,
      metadata: null,
    })
  })

  it('treats other JSON object lines as app output (message from msg, level from the object)', () => {
    const line = parseStoredLine('{"level":50,"msg":"db down","time":1}', origin)
    expect(line).toMatchObject({ at: 1_000, exact: false })
    expect(line.entry).toMatchObject({
      level: 'error',
      message: 'db down',
      metadata: { level: 50, msg: 'db down', time: 1 },
    })
    expect(parseStoredLine('{"timestamp":5,"message":"m","source":"stdout"}', origin).exact).toBe(false)
    expect(parseStoredLine('{"timestamp":"x","message":"m","source":"stdout"}', origin).exact).toBe(false)
    expect(
      parseStoredLine('{"timestamp":"2026-11-22T03:04:05Z","message":"m","source":"pipe"}', origin).exact,
    ).toBe(false)
    expect(
      parseStoredLine('{"timestamp":"2026-11-22T03:04:05Z","message":1,"source":"stdout"}', origin).exact,
    ).toBe(false)
  })
})

describe('entryFromText', () => {
  it('adds the namespace when known', () => {
    const entry = entryFromText(
      'hi',
      { id: 0, name: 'a', instance: 0, source: 'stdout', namespace: 'prod' },
      0,
      7,
    )
    expect(entry).toMatchObject({ namespace: 'prod', pid: 7, message: 'hi' })
  })
})
