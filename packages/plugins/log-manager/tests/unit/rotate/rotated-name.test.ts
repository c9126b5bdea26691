import { describe, expect, it } from 'vitest'
import { parseRotatedName, rotatedName, rotationStamp } from '../../../src/rotate/rotated-name.js'

const utc = () => 0
const at = Date.UTC(2026, 10, 22, 3, 4, 5)

describe('rotated names', () => {
  it('stamps in local time', () => {
    expect(rotationStamp(at, utc)).toBe('2026-11-22_03-04-05')
    expect(rotationStamp(at, () => 60)).toBe('2026-11-22_04-04-05')
    expect(rotationStamp(at)).toMatch(/^\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d$/)
  })

  it('inserts the stamp before .log, with a collision counter', () => {
    expect(rotatedName('/l/api-out.log', '2026-11-22_03-04-05', 0)).toBe(
      '/l/api-out__2026-11-22_03-04-05.log',
    )
    expect(rotatedName('/l/api-out.log', '2026-11-22_03-04-05', 2)).toBe(
      '/l/api-out__2026-11-22_03-04-05-2.log',
    )
  })

  it('appends the stamp to a path without .log', () => {
    expect(rotatedName('/var/log/app.txt', '2026-11-22_03-04-05', 0)).toBe(
      '/var/log/app.txt__2026-11-22_03-04-05',
    )
  })

  it('parses what it names, compressed or not', () => {
    expect(parseRotatedName('/l/api-out.log', 'api-out__2026-11-22_03-04-05.log', utc)).toEqual({
      stampMs: at,
      seq: 0,
      compressed: false,
    })
    expect(parseRotatedName('/l/api-out.log', 'api-out__2026-11-22_03-04-05-3.log.gz', () => 60)).toEqual({
      stampMs: at - 3_600_000,
      seq: 3,
      compressed: true,
    })
    expect(parseRotatedName('/x/app.txt', 'app.txt__2026-11-22_03-04-05.gz', utc)).toMatchObject({
      compressed: true,
    })
    expect(parseRotatedName('/l/api-out.log', 'api-out__2026-11-22_03-04-05.log')).not.toBeNull()
  })

  it('rejects other files', () => {
    for (const name of [
      'api-out.log',
      'api-err__2026-11-22_03-04-05.log',
      'api-out__2026-11-22.log',
      'api-out__2026-11-22_03-04-05.txt',
    ]) {
      expect(parseRotatedName('/l/api-out.log', name, utc)).toBeNull()
    }
  })
})
