import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  checkNumbered,
  readAllRotations,
  realManager,
  runFlood,
  type RealManager,
} from '../helpers/real-manager.js'

describe('flooding apps (real processes, real files)', () => {
  let m: RealManager
  afterEach(() => m.cleanup())

  it('stores 200 000 lines in raw mode, byte for byte, none lost or repeated', async () => {
    m = realManager()
    const exit = await runFlood(m, { LINES: '200000' }, { name: 'flood', logs: { maxLogSize: 0 } })
    expect(exit.code).toBe(0)
    const text = readFileSync(join(m.dir, 'logs', 'flood-out.log'), 'utf8')
    expect(checkNumbered(text, 0, 200_000)).toBeNull()
  })

  it('rotates every 1 MiB and gzips rotated files without losing or splitting a line', async () => {
    m = realManager()
    await runFlood(m, { LINES: '100000' }, { name: 'rot', logs: { maxLogSize: '1M', maxLogFiles: 0 } })
    await m.logs.compressor.idle()
    const logDir = join(m.dir, 'logs')
    const { files, text } = readAllRotations(logDir, 'rot-out.log')
    expect(files.length).toBeGreaterThanOrEqual(8)
    expect(files.every((f) => /^rot-out__\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d(-\d+)?\.log\.gz$/.test(f))).toBe(true)
    expect(checkNumbered(text, 0, 100_000)).toBeNull()
    expect(readdirSync(logDir).some((f) => f.endsWith('.tmp'))).toBe(false)
  })

  it('keeps a line cut by a crash and saves the crash record', async () => {
    m = realManager()
    const exit = await runFlood(m, { LINES: '5000', PARTIAL: 'half a li', EXIT: '1' }, { name: 'crashy' })
    expect(exit.code).toBe(1)
    const text = readFileSync(join(m.dir, 'logs', 'crashy-out.log'), 'utf8')
    expect(text.endsWith('\nhalf a li')).toBe(true)
    expect(checkNumbered(text.slice(0, -'half a li'.length), 0, 5000)).toBeNull()
    const deadline = Date.now() + 5000
    while (!m.events.some((e) => e.name === 'log:crash-saved') && Date.now() < deadline)
      await new Promise((r) => setImmediate(r))
    const records = JSON.parse(readFileSync(join(m.dir, 'logs', 'crash', 'crashy-0.json'), 'utf8')) as {
      code: number
      lines: { message: string }[]
    }[]
    expect(records[0]?.code).toBe(1)
    expect(records[0]?.lines).toHaveLength(100)
    expect(records[0]?.lines.at(-1)?.message).toBe('half a li')
  })

  it('writes whole lines of both streams into a combined file', async () => {
    m = realManager()
    await runFlood(m, { LINES: '50000', STREAM: 'both' }, { name: 'mix', logs: { logFile: true } })
    const logDir = join(m.dir, 'logs')
    const out = readFileSync(join(logDir, 'mix-out.log'), 'utf8')
    const err = readFileSync(join(logDir, 'mix-err.log'), 'utf8')
    const combined = readFileSync(join(logDir, 'mix.log'), 'utf8')
    expect(out.length + err.length).toBe(combined.length)
    const lines = combined.trimEnd().split('\n')
    expect(lines.filter((l) => l.length !== 95)).toEqual([])
    const nums = lines.map((l) => Number(l.slice(5, 14))).sort((a, b) => a - b)
    expect(nums.every((n, i) => n === i)).toBe(true)
  })

  it('writes one LogEntry per line in json mode, in order', async () => {
    m = realManager()
    await runFlood(m, { LINES: '20000' }, { name: 'js', logs: { logType: 'json' } })
    const entries = readFileSync(join(m.dir, 'logs', 'js-out.log'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { message: string; processName: string })
    expect(entries).toHaveLength(20_000)
    expect(entries.every((e, i) => Number(e.message.slice(5, 14)) === i && e.processName === 'js')).toBe(true)
  })

  it('publishes every line to a follower while writing the file', async () => {
    m = realManager()
    const seen: string[] = []
    const off = m.hub.subscribe((line) => seen.push(line.message))
    await runFlood(m, { LINES: '30000' }, { name: 'live' })
    off()
    expect(seen).toHaveLength(30_000)
    expect(checkNumbered(`${seen.join('\n')}\n`, 0, 30_000)).toBeNull()
    expect(checkNumbered(readFileSync(join(m.dir, 'logs', 'live-out.log'), 'utf8'), 0, 30_000)).toBeNull()
  })
})
