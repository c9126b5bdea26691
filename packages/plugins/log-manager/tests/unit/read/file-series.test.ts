import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listFileSeries, nodeSeriesFs, seriesName } from '../../../src/read/file-series.js'
import { rotatedName, rotationStamp } from '../../../src/rotate/rotated-name.js'

describe('listFileSeries', () => {
  let dir: string
  let current: string
  const at = (h: number): number => new Date(2026, 10, 22, h, 0, 0).getTime()
  const rotated = (h: number, seq = 0, gz = false): string => {
    const path = rotatedName(current, rotationStamp(at(h)), seq) + (gz ? '.gz' : '')
    writeFileSync(path, 'x\n')
    return path
  }
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
    current = join(dir, 'api-out.log')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('lists the current file, then rotated files newest first with the span each covers', async () => {
    writeFileSync(current, 'now\n')
    utimesSync(current, at(9) / 1000, at(9) / 1000)
    const h1 = rotated(1, 0, true)
    const h3 = rotated(3)
    const h3b = rotated(3, 1, true)
    writeFileSync(join(dir, 'worker-out__2026-11-22_05-00-00.log'), 'other app\n')
    writeFileSync(join(dir, 'api-out__garbage.log'), 'not a rotation\n')
    const files = await listFileSeries(current)
    expect(files).toEqual([
      { path: current, compressed: false, closedAt: null, openedAt: at(3), time: at(9) },
      { path: h3b, compressed: true, closedAt: at(3), openedAt: at(3), time: at(3) },
      { path: h3, compressed: false, closedAt: at(3), openedAt: at(1), time: at(3) },
      { path: h1, compressed: true, closedAt: at(1), openedAt: null, time: at(1) },
    ])
  })

  it('prefers the .gz copy while a compression is finishing, and works without a current file', async () => {
    const plain = rotated(2)
    const gz = rotated(2, 0, true)
    const files = await listFileSeries(current)
    expect(files.map((f) => f.path)).toEqual([gz])
    expect(plain).not.toBe(gz)
  })

  it('is empty for a missing directory', async () => {
    expect(await listFileSeries(join(dir, 'nope', 'api-out.log'))).toEqual([])
    expect(await nodeSeriesFs.mtime(join(dir, 'nope'))).toBeNull()
    expect(seriesName(current)).toBe('api-out.log')
  })
})
