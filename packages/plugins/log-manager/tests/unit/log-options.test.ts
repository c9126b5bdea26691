import { describe, expect, it } from 'vitest'
import { LOG_DEFAULTS, parseLogOptions } from '../../src/log-options.js'

const invalid = (field: string) =>
  expect.objectContaining({ code: 'OD_APP_OPTION_INVALID', message: expect.stringContaining(field) })

describe('parseLogOptions', () => {
  it('gives the defaults for no fields', () => {
    expect(parseLogOptions()).toEqual(LOG_DEFAULTS)
    expect(parseLogOptions({ outFile: null, errFile: undefined })).toEqual(LOG_DEFAULTS)
  })

  it('parses every field', () => {
    const opts = parseLogOptions({
      outFile: 'out.log',
      errFile: '/var/log/e.log',
      logFile: true,
      mergeLogs: 'true',
      logType: 'json',
      logDateFormat: 'unix',
      disableLogs: false,
      logFileMode: '644',
      maxLogSize: '1M',
      maxLogFiles: '3',
      logRotateInterval: 'daily',
      compressLogs: 'false',
      logRetention: { maxAge: '7d', maxSize: '100M' },
      maxLineLength: '64K',
      crashLogLines: 20,
      logFlush: 'interval',
      logFlushInterval: '250ms',
    })
    expect(opts).toEqual({
      outFile: 'out.log',
      errFile: '/var/log/e.log',
      logFile: true,
      mergeLogs: true,
      logType: 'json',
      dateFormat: 'unix',
      disableLogs: false,
      fileMode: 0o644,
      maxLogSize: 1024 * 1024,
      maxLogFiles: 3,
      rotateInterval: 'daily',
      compressLogs: false,
      retention: { maxAgeMs: 7 * 86_400_000, maxSize: 100 * 1024 * 1024 },
      maxLineLength: 64 * 1024,
      crashLogLines: 20,
      flush: 'interval',
      flushIntervalMs: 250,
    })
  })

  it('turns time: true into the PM2 pattern and time: false into no prefix', () => {
    expect(parseLogOptions({ time: true }).dateFormat).toBe('YYYY-MM-DDTHH:mm:ss')
    expect(parseLogOptions({ time: false }, { ...LOG_DEFAULTS, dateFormat: 'iso' }).dateFormat).toBeNull()
  })

  it('accepts a combined file path, maxLogSize 0 and numeric file modes', () => {
    const opts = parseLogOptions({ logFile: 'all.log', maxLogSize: 0, logFileMode: 0o640 })
    expect(opts).toMatchObject({ logFile: 'all.log', maxLogSize: 0, fileMode: 0o640 })
    expect(parseLogOptions({ logFile: 'false' }).logFile).toBe(false)
  })

  it('applies base defaults under the fields', () => {
    expect(parseLogOptions({}, { ...LOG_DEFAULTS, maxLogFiles: 9 }).maxLogFiles).toBe(9)
  })

  it('keeps empty retention limits as null', () => {
    expect(parseLogOptions({ logRetention: {} }).retention).toEqual({ maxAgeMs: null, maxSize: null })
  })

  it.each([
    ['outFile', ''],
    ['errFile', 3],
    ['logFile', 'a\0b'],
    ['mergeLogs', 'yes'],
    ['logType', 'xml'],
    ['logFileMode', '777'],
    ['maxLogSize', '10'],
    ['maxLogSize', 'huge'],
    ['maxLogSize', true],
    ['maxLogFiles', -1],
    ['maxLogFiles', '1.5'],
    ['logRotateInterval', 7],
    ['logRotateInterval', true],
    ['logRetention', 'week'],
    ['logRetention', []],
    ['maxLineLength', '128M'],
    ['crashLogLines', 10_001],
    ['logFlush', 'never'],
    ['logFlushInterval', '1ms'],
    ['logFlushInterval', 'soon'],
    ['logFlushInterval', false],
    ['time', 'maybe'],
  ])('rejects %s = %j naming the field', (field, value) => {
    expect(() => parseLogOptions({ [field]: value })).toThrow(invalid(field))
  })

  it.each(['0 * * * *', '*/15 9-17 * * MON-FRI', '@weekly', '0 0 3 L * *'])(
    'accepts the cron expression %j as logRotateInterval',
    (expression) => {
      expect(parseLogOptions({ logRotateInterval: expression }).rotateInterval).toBe(expression)
    },
  )

  it.each([
    [
      '0 25 * * *',
      'OD_CRON_INVALID',
      'logRotateInterval: cron "0 25 * * *": field 2 (hour): 25 is out of range 0-23',
    ],
    ['weekly', 'OD_CRON_INVALID', 'logRotateInterval: cron "weekly": expected 5 or 6 fields, got 1'],
    ['@reboot', 'OD_CRON_INVALID', 'logRotateInterval: cron "@reboot": @reboot has no calendar time'],
    [
      '0 0 30 2 *',
      'OD_CRON_NEVER',
      'logRotateInterval: cron "0 0 30 2 *": never matches (February has no day 30)',
    ],
  ])('refuses the cron expression %j with %s', (expression, code, message) => {
    expect(() => parseLogOptions({ logRotateInterval: expression })).toThrow(
      expect.objectContaining({ code, message: expect.stringContaining(message) }),
    )
  })

  it('names the nested retention field', () => {
    expect(() => parseLogOptions({ logRetention: { maxAge: 'x' } })).toThrow(invalid('logRetention.maxAge'))
    expect(() => parseLogOptions({ logRetention: { maxSize: 0 } })).toThrow(invalid('logRetention.maxSize'))
  })

  it('rejects a date format without a token', () => {
    expect(() => parseLogOptions({ logDateFormat: '[x]' })).toThrow(
      expect.objectContaining({ code: 'OD_LOG_DATE_FORMAT_INVALID' }),
    )
  })

  it('ignores fields it does not own', () => {
    expect(parseLogOptions({ script: 'x.js' })).toEqual(LOG_DEFAULTS)
  })
})
