import { describe, expect, it } from 'vitest'
import { normalizeAppSpec } from '../../src/app-spec.js'
import { pickLogFields } from '../../src/spec-fields.js'

describe('log fields of a start request', () => {
  it('keeps them under their canonical names, from any spelling or PM2 alias', () => {
    expect(
      pickLogFields({
        out_file: 'o.log',
        error_file: 'e.log',
        log: true,
        'max-log-size': '1M',
        log_date_format: 'iso',
        x: 1,
      }),
    ).toEqual({ outFile: 'o.log', errFile: 'e.log', logFile: true, maxLogSize: '1M', logDateFormat: 'iso' })
  })

  it('are part of the normalized spec', () => {
    const spec = normalizeAppSpec(
      { script: 'a.js', merge_logs: true },
      { baseCwd: '/', cpuCount: 1, statKind: () => 'directory' },
    )
    expect(spec.logs).toEqual({ mergeLogs: true })
  })

  it('refuses two spellings of one field', () => {
    expect(() => pickLogFields({ outFile: 'a', out_file: 'b' })).toThrow(
      expect.objectContaining({ code: 'OD_APP_OPTION_INVALID' }),
    )
  })
})
