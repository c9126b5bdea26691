import { createFakeClock } from '@opendaemon/core'
import { describe, expect, it, vi } from 'vitest'
import { createCompressor } from '../../../src/rotate/compressor.js'
import { createMemoryFs, gunzipText } from '../../helpers/memory-fs.js'

function setup() {
  const fs = createMemoryFs()
  const hooks = { compressed: vi.fn(), failed: vi.fn() }
  const gz = createCompressor(fs, createFakeClock(), hooks)
  return { fs, hooks, gz }
}

describe('createCompressor', () => {
  it('replaces X.log with X.log.gz and reports sizes', async () => {
    const { fs, hooks, gz } = setup()
    await fs.mkdir('/l', 0o700)
    await fs.writeFileAtomic('/l/a__s.log', 'hello\n'.repeat(100), 0o600)
    expect(await gz.add('/l/a__s.log')).toBe('/l/a__s.log.gz')
    expect([...fs.files.keys()]).toEqual(['/l/a__s.log.gz'])
    expect(gunzipText(fs.files.get('/l/a__s.log.gz')?.data as Buffer)).toBe('hello\n'.repeat(100))
    expect(hooks.compressed).toHaveBeenCalledWith('/l/a__s.log', 600, expect.any(Number), 0)
  })

  it('does nothing for a file that vanished', async () => {
    const { hooks, gz } = setup()
    expect(await gz.add('/l/gone.log')).toBeNull()
    expect(hooks.failed).not.toHaveBeenCalled()
  })

  it('keeps the plain file and reports OD_LOG_COMPRESS_FAILED on failure', async () => {
    const { fs, hooks, gz } = setup()
    await fs.mkdir('/l', 0o700)
    await fs.writeFileAtomic('/l/a.log', 'x', 0o600)
    fs.failWith('rename', 'ENOSPC')
    expect(await gz.add('/l/a.log')).toBeNull()
    expect([...fs.files.keys()]).toEqual(['/l/a.log'])
    expect(hooks.failed).toHaveBeenCalledWith(expect.objectContaining({ code: 'OD_LOG_COMPRESS_FAILED' }))
  })

  it('runs one job at a time, in order', async () => {
    const { fs, gz } = setup()
    await fs.mkdir('/l', 0o700)
    await fs.writeFileAtomic('/l/1.log', '1', 0o600)
    await fs.writeFileAtomic('/l/2.log', '2', 0o600)
    const done: string[] = []
    void gz.add('/l/1.log').then((f) => done.push(String(f)))
    void gz.add('/l/2.log').then((f) => done.push(String(f)))
    await gz.idle()
    expect(done).toEqual(['/l/1.log.gz', '/l/2.log.gz'])
  })
})

describe('createCompressor stop', () => {
  it('finishes the current file and leaves the queued ones plain', async () => {
    const { fs, gz } = setup()
    await fs.mkdir('/l', 0o700)
    await fs.writeFileAtomic('/l/1.log', '1', 0o600)
    await fs.writeFileAtomic('/l/2.log', '2', 0o600)
    const first = gz.add('/l/1.log')
    const second = gz.add('/l/2.log')
    while ((fs.calls['stat'] ?? 0) === 0) await Promise.resolve()
    await gz.stop()
    expect(await first).toBe('/l/1.log.gz')
    expect(await second).toBeNull()
    expect([...fs.files.keys()].sort()).toEqual(['/l/1.log.gz', '/l/2.log'])
  })
})

describe('createCompressor pacing', () => {
  async function paced(busy: { value: boolean }, maxBacklog = 16) {
    const fs = createMemoryFs()
    const clock = createFakeClock()
    await fs.mkdir('/l', 0o700)
    for (const n of [1, 2, 3]) await fs.writeFileAtomic(`/l/${n}.log`, String(n), 0o600)
    const gz = createCompressor(
      fs,
      clock,
      { compressed: () => undefined, failed: () => undefined },
      {
        busy: () => busy.value,
        waitMs: 100,
        maxBacklog,
      },
    )
    return { fs, clock, gz }
  }

  it('waits while apps write, then compresses', async () => {
    const busy = { value: true }
    const { fs, clock, gz } = await paced(busy)
    const done = gz.add('/l/1.log')
    await clock.advanceAsync(1000)
    expect(fs.files.has('/l/1.log')).toBe(true)
    busy.value = false
    await clock.advanceAsync(100)
    expect(await done).toBe('/l/1.log.gz')
  })

  it('starts anyway once the backlog is too large', async () => {
    const { clock, gz } = await paced({ value: true }, 1)
    const first = gz.add('/l/1.log')
    void gz.add('/l/2.log')
    await clock.advanceAsync(0)
    expect(await first).toBe('/l/1.log.gz')
  })

  it('stops without waiting for a quiet moment', async () => {
    const { gz } = await paced({ value: true })
    const done = gz.add('/l/1.log')
    await Promise.resolve()
    await gz.stop()
    expect(await done).toBeNull()
  })
})
