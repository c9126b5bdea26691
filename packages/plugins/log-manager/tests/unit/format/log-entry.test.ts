import { describe, expect, it } from 'vitest'
import { toLogEntry, type EntrySource } from '../../../src/format/log-entry.js'

const src: EntrySource = {
  pid: 7,
  processName: 'api',
  instanceId: 1,
  id: 3,
  namespace: 'default',
  source: 'stdout',
}
const line = (bytes: Buffer | string, extra: { partial?: boolean; cont?: boolean } = {}) => ({
  bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes),
  partial: extra.partial ?? false,
  cont: extra.cont ?? false,
})
const T = '2026-11-22T03:04:05.123Z'

describe('toLogEntry', () => {
  it('builds the entry of a text line in the reference field order', () => {
    const entry = toLogEntry(line('hello'), src, T)
    expect(Object.keys(entry)).toEqual([
      'timestamp',
      'level',
      'pid',
      'processName',
      'instanceId',
      'id',
      'namespace',
      'message',
      'source',
      'metadata',
    ])
    expect(entry).toMatchObject({ timestamp: T, level: 'info', message: 'hello', metadata: null, pid: 7 })
  })

  it('keeps a JSON object line verbatim in metadata and takes msg as the message', () => {
    const entry = toLogEntry(line('{"level":40,"msg":"slow query","ms":450}'), src, T)
    expect(entry).toMatchObject({
      level: 'warn',
      message: 'slow query',
      metadata: { level: 40, msg: 'slow query', ms: 450 },
    })
  })

  it('uses message, or the whole line, when a JSON line has no msg', () => {
    expect(toLogEntry(line('{"message":"m"}'), src, T).message).toBe('m')
    expect(toLogEntry(line('{"a":1}'), src, T).message).toBe('{"a":1}')
  })

  it('infers error for stderr lines without a level', () => {
    expect(toLogEntry(line('boom'), { ...src, source: 'stderr' }, T).level).toBe('error')
  })

  it('drops a trailing carriage return', () => {
    expect(toLogEntry(line('dos\r'), src, T).message).toBe('dos')
  })

  it('stores invalid UTF-8 as base64', () => {
    const entry = toLogEntry(line(Buffer.from([0xff, 0x41])), src, T)
    expect(entry).toMatchObject({
      message: Buffer.from([0xff, 0x41]).toString('base64'),
      encoding: 'base64',
      level: 'info',
    })
  })

  it('marks partial and cont lines', () => {
    expect(toLogEntry(line('p', { partial: true, cont: true }), src, T)).toMatchObject({
      partial: true,
      cont: true,
    })
    expect(toLogEntry(line('p'), src, T)).not.toHaveProperty('partial')
  })
})
