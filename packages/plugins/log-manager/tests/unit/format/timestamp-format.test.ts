import { describe, expect, it } from 'vitest'
import { compileDateFormat, localOffset, TIME_TRUE_FORMAT } from '../../../src/format/timestamp-format.js'

const at = Date.UTC(2026, 10, 22, 3, 4, 5, 123)

describe('compileDateFormat', () => {
  it('formats iso in UTC', () => {
    expect(compileDateFormat('iso')(at)).toBe('2026-11-22T03:04:05.123Z')
  })

  it('formats iso-local with the offset', () => {
    expect(compileDateFormat('iso-local', () => 60)(at)).toBe('2026-11-22T04:04:05.123+01:00')
    expect(compileDateFormat('iso-local', () => -330)(at)).toBe('2026-11-21T21:34:05.123-05:30')
  })

  it('formats unix seconds and milliseconds', () => {
    expect(compileDateFormat('unix')(at)).toBe('1795316645.123')
    expect(compileDateFormat('unix-ms')(at)).toBe('1795316645123')
  })

  it('formats every pattern token', () => {
    const fmt = compileDateFormat('YYYY YY MM M DD D HH H mm ss SSS Z ZZ', () => 60)
    expect(fmt(Date.UTC(2026, 0, 2, 3, 4, 5, 6))).toBe('2026 26 01 1 02 2 04 4 04 05 006 +01:00 +0100')
  })

  it('keeps bracketed text and other characters literal', () => {
    expect(compileDateFormat('[at] HH:mm [YYYY]!', () => 0)(at)).toBe('at 03:04 YYYY!')
  })

  it('has PM2 time: true as a local pattern', () => {
    expect(compileDateFormat(TIME_TRUE_FORMAT, () => 0)(at)).toBe('2026-11-22T03:04:05')
  })

  it('rejects a pattern without a date token', () => {
    expect(() => compileDateFormat('[only text] !')).toThrow(
      expect.objectContaining({ code: 'OD_LOG_DATE_FORMAT_INVALID' }),
    )
  })

  it('uses the machine offset by default', () => {
    expect(localOffset(at)).toBe(-new Date(at).getTimezoneOffset())
    expect(compileDateFormat('HH')(at)).toMatch(/^\d\d$/)
  })
})
