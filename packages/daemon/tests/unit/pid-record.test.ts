import { describe, expect, it } from 'vitest'
import { formatPidRecord, judgeHolder, parsePidRecord, type PidRecord } from '../../src/pid-record.js'

const record: PidRecord = {
  pid: 1150,
  startTime: 88231,
  bootId: 'boot-a',
  version: '0.1.0',
  socket: '/h/od.sock',
  startedAt: 1_763_780_645_123,
}

describe('parsePidRecord', () => {
  it('round-trips a record', () => {
    expect(parsePidRecord(formatPidRecord(record))).toEqual(record)
  })

  it('accepts null start time and boot id (non-Linux)', () => {
    const text = JSON.stringify({ ...record, startTime: null, bootId: null })
    expect(parsePidRecord(text)).toMatchObject({ startTime: null, bootId: null })
  })

  it('treats garbage and incomplete records as stale (null)', () => {
    for (const text of ['', 'not json', '42', 'null', JSON.stringify({ pid: 5 })]) {
      expect(parsePidRecord(text)).toBeNull()
    }
  })

  it('refuses pids below 2, which kill() would read as a process group', () => {
    expect(parsePidRecord(JSON.stringify({ ...record, pid: 0 }))).toBeNull()
    expect(parsePidRecord(JSON.stringify({ ...record, pid: 1 }))).toBeNull()
    expect(parsePidRecord(JSON.stringify({ ...record, pid: -1 }))).toBeNull()
  })

  it('refuses wrong field types', () => {
    expect(parsePidRecord(JSON.stringify({ ...record, startTime: -1 }))).toBeNull()
    expect(parsePidRecord(JSON.stringify({ ...record, bootId: 3 }))).toBeNull()
    expect(parsePidRecord(JSON.stringify({ ...record, version: 1 }))).toBeNull()
    expect(parsePidRecord(JSON.stringify({ ...record, socket: null }))).toBeNull()
    expect(parsePidRecord(JSON.stringify({ ...record, startedAt: 'x' }))).toBeNull()
  })
})

describe('judgeHolder', () => {
  const facts = { alive: true, startTime: 88231, bootId: 'boot-a' }

  it('is live when the pid runs with the recorded start time in the same boot', () => {
    expect(judgeHolder(record, facts)).toBe('live')
  })

  it('is stale without a record or when the pid is gone', () => {
    expect(judgeHolder(null, facts)).toBe('stale')
    expect(judgeHolder(record, { ...facts, alive: false })).toBe('stale')
  })

  it('is stale when the pid was reused by another process', () => {
    expect(judgeHolder(record, { ...facts, startTime: 99999 })).toBe('stale')
  })

  it('is stale after a reboot', () => {
    expect(judgeHolder(record, { ...facts, bootId: 'boot-b' })).toBe('stale')
  })

  it('trusts the pid alone where start time and boot id are unknown', () => {
    expect(judgeHolder({ ...record, startTime: null, bootId: null }, facts)).toBe('live')
    expect(judgeHolder(record, { alive: true, startTime: null, bootId: null })).toBe('live')
  })
})
