import { createFakeClock, createLogger } from '@opendaemon/core'
import { describe, expect, it, vi } from 'vitest'
import { LOG_DEFAULTS } from '../../../src/log-options.js'
import { createCompressor } from '../../../src/rotate/compressor.js'
import { createWriterPool } from '../../../src/write/writer-pool.js'
import { createMemoryFs } from '../../helpers/memory-fs.js'
import { until } from '../../helpers/manager-harness.js'

function setup() {
  const fs = createMemoryFs()
  const clock = createFakeClock(Date.UTC(2026, 0, 1))
  const events: { name: string; data: unknown }[] = []
  const logger = createLogger()
  const warn = vi.spyOn(logger, 'warn')
  const info = vi.spyOn(logger, 'info')
  const pool = createWriterPool({
    fs,
    clock,
    defer: (fn) => void setImmediate(fn),
    events: { emit: (name, data) => void events.push({ name, data }) },
    logger,
    compressor: createCompressor(fs, clock, { compressed: () => undefined, failed: () => undefined }),
    errorBufferBytes: 1024,
    retryMs: 1000,
  })
  return { fs, clock, events, pool, warn, info }
}

const owner = { name: 'api', instance: 0, source: 'stdout' as const }

describe('createWriterPool', () => {
  it('shares one writer per path and closes it with the last reference', async () => {
    const { fs, pool } = setup()
    const a = pool.acquire('/l/a.log', owner, LOG_DEFAULTS)
    expect(pool.acquire('/l/a.log', owner, LOG_DEFAULTS)).toBe(a)
    a.write(Buffer.from('x\n'))
    await a.flush()
    await pool.release('/l/a.log')
    expect(pool.get('/l/a.log')).toBe(a)
    expect(fs.openCount()).toBe(1)
    await pool.release('/l/a.log')
    await pool.release('/l/a.log')
    expect(pool.get('/l/a.log')).toBeUndefined()
    expect(pool.all()).toEqual([])
    expect(fs.openCount()).toBe(0)
  })

  it('reports write errors and recovery as events and in the daemon log', async () => {
    const { fs, pool, events, clock, warn, info } = setup()
    const w = pool.acquire('/l/a.log', owner, LOG_DEFAULTS)
    fs.failWith('open', 'ENOSPC')
    w.write(Buffer.from('x\n'))
    await until(() => events.some((e) => e.name === 'log:write-error'))
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('ENOSPC'), { code: 'OD_LOG_WRITE_FAILED' })
    fs.failWith('open', null)
    await clock.advanceAsync(1000)
    await w.flush()
    expect(events.find((e) => e.name === 'log:write-recovered')?.data).toMatchObject({
      name: 'api',
      lostBytes: 0,
    })
    expect(info).toHaveBeenCalled()
  })

  it('logs writer warnings with their code', async () => {
    const { fs, pool, warn } = setup()
    const w = pool.acquire('/l/a.log', owner, LOG_DEFAULTS)
    w.write(Buffer.from('x\n'))
    await w.flush()
    fs.files.delete('/l/a.log')
    await w.check()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('/l/a.log'), { code: 'OD_LOG_DIR_MISSING' })
  })

  it('applies retention to every known file, without compressing when compressLogs is off', async () => {
    const { fs, pool, events } = setup()
    const opts = { ...LOG_DEFAULTS, maxLogFiles: 1, compressLogs: false }
    const w = pool.acquire('/l/a.log', owner, opts)
    for (let i = 0; i < 3; i++) {
      w.write(Buffer.from(`${i}\n`))
      await w.rotate('manual')
    }
    await until(() => events.some((e) => e.name === 'log:retention'))
    await pool.retainAll()
    await pool.retain('/l/unknown.log')
    expect([...fs.files.keys()].filter((p) => p.includes('__'))).toHaveLength(1)
    expect(events.filter((e) => e.name === 'log:rotated')).toHaveLength(3)
  })

  it('logs a failing retention and carries on', async () => {
    const { fs, pool, warn } = setup()
    pool.acquire('/l/a.log', owner, LOG_DEFAULTS)
    fs.failWith('readdir', 'EACCES')
    await pool.retainAll()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('retention of /l/a.log failed'))
  })
})
