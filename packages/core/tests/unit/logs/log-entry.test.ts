import { describe, expect, it } from 'vitest'
import { inferLogLevel, logLevelRank, parseJsonObjectLine } from '../../../src/logs/log-entry.js'

describe('inferLogLevel', () => {
  it('reads level fields of JSON objects: words, aliases and pino numbers', () => {
    expect(inferLogLevel('', 'stdout', { level: 'WARNING' })).toBe('warn')
    expect(inferLogLevel('', 'stdout', { severity: 'crit' })).toBe('fatal')
    expect(inferLogLevel('', 'stdout', { lvl: 'err' })).toBe('error')
    expect(inferLogLevel('', 'stdout', { 'log.level': 'debug' })).toBe('debug')
    expect(inferLogLevel('', 'stdout', { log: { level: 'trace' } })).toBe('trace')
    expect(inferLogLevel('', 'stdout', { level: 60 })).toBe('fatal')
    expect(inferLogLevel('', 'stderr', { level: 35, log: 'x' })).toBe('error')
    expect(inferLogLevel('', 'stdout', { level: true })).toBe('info')
  })

  it('reads a leading level word of text lines, else defaults by stream', () => {
    expect(inferLogLevel('[WARN] disk', 'stdout', null)).toBe('warn')
    expect(inferLogLevel('  error: boom', 'stdout', null)).toBe('error')
    expect(inferLogLevel('CRITICAL something', 'stdout', null)).toBe('fatal')
    expect(inferLogLevel('warning', 'stdout', null)).toBe('info')
    expect(inferLogLevel('hello', 'stdout', null)).toBe('info')
    expect(inferLogLevel('hello', 'stderr', null)).toBe('error')
  })

  it('ranks levels from trace to fatal', () => {
    expect(logLevelRank('trace')).toBe(0)
    expect(logLevelRank('fatal')).toBe(5)
  })
})

describe('parseJsonObjectLine', () => {
  it('parses objects only', () => {
    expect(parseJsonObjectLine(' {"a":1} ')).toEqual({ a: 1 })
    expect(parseJsonObjectLine('{not json}')).toBeNull()
    expect(parseJsonObjectLine('[1]')).toBeNull()
    expect(parseJsonObjectLine('{"a":1')).toBeNull()
    expect(parseJsonObjectLine('plain')).toBeNull()
  })
})
