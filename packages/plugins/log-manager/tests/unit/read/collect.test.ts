import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { compileLogFilter, type LogFilterParams } from '@opendaemon/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { collectEntries, type SeriesSpec } from '../../../src/read/collect.js'
import { listFileSeries } from '../../../src/read/file-series.js'
import { rotatedName, rotationStamp } from '../../../src/rotate/rotated-name.js'

const MIN = 60_000
const BASE = Date.UTC(2026, 10, 22, 0, 0, 0)
const iso = (minute: number): string => new Date(BASE + minute * MIN).toISOString()
const prefixed = (minute: number, text: string): string => `${iso(minute)}: ${text}`

describe('collectEntries', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  /** Writes `hours` rotated files of one line per minute (gzipped unless `plain`), then a current file. */
  function history(name: string, hours: number, plain = false): string {
    const current = join(dir, `${name}-out.log`)
    for (let h = 0; h < hours; h++) {
      const lines = Array.from({ length: 60 }, (_, m) =>
        prefixed(h * 60 + m, `${name} ${h * 60 + m}${m === 30 ? ' ERROR' : ''}`),
      )
      const path = rotatedName(current, rotationStamp(BASE + (h + 1) * 60 * MIN), 0)
      const text = `${lines.join('\n')}\n`
      if (plain) writeFileSync(path, text)
      else writeFileSync(`${path}.gz`, gzipSync(text))
    }
    const now = hours * 60
    writeFileSync(
      current,
      `${[prefixed(now, `${name} ${now}`), prefixed(now + 1, `${name} ${now + 1} ERROR`)].join('\n')}\n`,
    )
    return current
  }

  async function spec(
    current: string,
    name: string,
    id = 0,
    source: 'stdout' | 'stderr' = 'stdout',
  ): Promise<SeriesSpec> {
    return { origin: { id, name, instance: 0, source }, files: await listFileSeries(current) }
  }

  const filter = (params: LogFilterParams) => compileLogFilter(params, BASE + 10 * 60 * MIN + 5 * MIN)
  const messages = (result: { entries: { entry: { message: string } }[] }): string[] =>
    result.entries.map((e) => e.entry.message)

  it('tails the current file only when it holds enough lines', async () => {
    const api = await spec(history('api', 3), 'api')
    const result = await collectEntries([api], filter({}), 2)
    expect(messages(result)).toEqual(['api 180', 'api 181 ERROR'])
    expect(result).toMatchObject({ scannedFiles: 1, truncated: true, failures: [] })
  })

  it('reaches into rotated (gzipped) files, newest first, when the current file is short', async () => {
    const api = await spec(history('api', 3), 'api')
    const result = await collectEntries([api], filter({}), 5)
    expect(messages(result)).toEqual(['api 177', 'api 178', 'api 179', 'api 180', 'api 181 ERROR'])
    expect(result.scannedFiles).toBe(2)
    expect(result.truncated).toBe(true)
  })

  it('searches with grep across every file and says when the whole history was covered', async () => {
    const api = await spec(history('api', 3), 'api')
    const all = await collectEntries([api], filter({ grep: 'ERROR' }), 100)
    expect(messages(all)).toEqual(['api 30 ERROR', 'api 90 ERROR', 'api 150 ERROR', 'api 181 ERROR'])
    expect(all).toMatchObject({ scannedFiles: 4, truncated: false })
    const two = await collectEntries([api], filter({ grep: 'ERROR' }), 2)
    expect(messages(two)).toEqual(['api 150 ERROR', 'api 181 ERROR'])
    expect(two.truncated).toBe(true)
  })

  it('stops at the first rotated file older than --since instead of scanning everything', async () => {
    const api = await spec(history('api', 10), 'api')
    // now = minute 605; since 2h → minute 485: the files closed at 480 and before are never opened.
    const result = await collectEntries([api], filter({ grep: 'ERROR', since: '2h' }), 1000)
    expect(messages(result)).toEqual(['api 510 ERROR', 'api 570 ERROR', 'api 601 ERROR'])
    expect(result.scannedFiles).toBe(3)
    expect(result.truncated).toBe(false)
  })

  it('keeps only the lines of a gzipped file that fall within since', async () => {
    const api = await spec(history('api', 3), 'api')
    const result = await collectEntries([api], compileLogFilter({ since: BASE + 178 * MIN }, 0), 100)
    expect(messages(result)).toEqual(['api 178', 'api 179', 'api 180', 'api 181 ERROR'])
  })

  it('cuts inside a plain file at the first line older than since, and skips files after until', async () => {
    const api = await spec(history('api', 4, true), 'api')
    const since = await collectEntries([api], compileLogFilter({ since: BASE + 175 * MIN }, 0), 1000)
    expect(messages(since)).toHaveLength(241 - 175 + 1)
    expect(messages(since)[0]).toBe('api 175')
    expect(messages(since).at(-1)).toBe('api 241 ERROR')
    // current, the file closed at 240, and the one closed at 180 (cut at line 174); the oldest is never opened
    expect(since.scannedFiles).toBe(3)
    const until = await collectEntries(
      [api],
      compileLogFilter({ until: BASE + 61 * MIN, since: BASE + 59 * MIN }, 0),
      1000,
    )
    expect(messages(until)).toEqual(['api 59', 'api 60', 'api 61'])
    expect(until.scannedFiles).toBe(2)
  })

  it('with grep and since, reads only the time of lines that cannot match, and still stops at since', async () => {
    const api = await spec(history('api', 4, true), 'api')
    const result = await collectEntries(
      [api],
      compileLogFilter({ grep: 'ERROR', since: BASE + 100 * MIN }, 0),
      1000,
    )
    expect(messages(result)).toEqual(['api 150 ERROR', 'api 210 ERROR', 'api 241 ERROR'])
    // current, and the files closed at 240, 180 and 120 (cut inside at minute 99); the oldest is never opened
    expect(result.scannedFiles).toBe(4)
    const raw = join(dir, 'raw-out.log')
    writeFileSync(raw, 'hay\nERROR needle\nhay\n')
    utimesSync(raw, (BASE + MIN) / 1000, (BASE + MIN) / 1000)
    const rawSpec = await spec(raw, 'raw')
    expect(
      messages(await collectEntries([rawSpec], compileLogFilter({ grep: 'ERROR', since: BASE }, 0), 10)),
    ).toEqual(['ERROR needle'])
    expect(
      messages(
        await collectEntries([rawSpec], compileLogFilter({ grep: 'ERROR', since: BASE + 2 * MIN }, 0), 10),
      ),
    ).toEqual([])
  })

  it('merges several apps in time order and keeps the newest lines overall', async () => {
    const api = await spec(history('api', 1), 'api', 0)
    const web = join(dir, 'web-out.log')
    writeFileSync(
      web,
      `${[prefixed(59, 'web 59'), prefixed(60, 'web 60'), prefixed(62, 'web 62')].join('\n')}\n`,
    )
    const result = await collectEntries([api, await spec(web, 'web', 1)], filter({}), 4)
    expect(messages(result)).toEqual(['api 60', 'web 60', 'api 61 ERROR', 'web 62'])
    expect(result.truncated).toBe(true)
  })

  it('gives raw lines their file time and applies source filters', async () => {
    const out = join(dir, 'raw-out.log')
    const err = join(dir, 'raw-err.log')
    writeFileSync(out, 'first\nsecond\n')
    writeFileSync(err, 'oops\n')
    utimesSync(out, (BASE + MIN) / 1000, (BASE + MIN) / 1000)
    utimesSync(err, BASE / 1000, BASE / 1000)
    const series = [await spec(out, 'raw', 0, 'stdout'), await spec(err, 'raw', 0, 'stderr')]
    expect(messages(await collectEntries(series, filter({}), 10))).toEqual(['oops', 'first', 'second'])
    expect(messages(await collectEntries(series, filter({ sources: ['stderr'] }), 10))).toEqual(['oops'])
    const since = compileLogFilter({ since: BASE + 30_000 }, 0)
    expect(messages(await collectEntries(series, since, 10))).toEqual(['first', 'second'])
    expect(await collectEntries(series, filter({}), 0)).toEqual({
      entries: [],
      scannedFiles: 0,
      truncated: false,
      failures: [],
    })
  })

  it('skips a file it cannot read, reports it, and goes on', async () => {
    const current = history('api', 2)
    const broken = rotatedName(current, rotationStamp(BASE + 120 * MIN), 0)
    rmSync(`${broken}.gz`)
    const gz = gzipSync('x\n'.repeat(10_000))
    writeFileSync(`${broken}.gz`, gz.subarray(0, gz.length - 20))
    const result = await collectEntries([await spec(current, 'api')], filter({ grep: 'ERROR' }), 100)
    expect(messages(result)).toEqual(['api 30 ERROR', 'api 121 ERROR'])
    expect(result.failures).toEqual([{ file: `${broken}.gz`, reason: expect.any(String) as unknown }])
  })

  it('reads backwards with a given block size', async () => {
    const api = await spec(history('api', 0), 'api')
    expect(messages(await collectEntries([api], filter({}), 1, { blockSize: 3 }))).toEqual(['api 1 ERROR'])
  })
})
