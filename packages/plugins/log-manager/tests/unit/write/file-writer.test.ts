import { describe, expect, it, vi } from 'vitest'
import { createMemoryFs } from '../../helpers/memory-fs.js'
import { PATH, writerHarness } from '../../helpers/writer-harness.js'

const b = (s: string) => Buffer.from(s)
const lines = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `line ${from + i}\n`).join('')

describe('createFileWriter: flush strategies', () => {
  it('batch: writes at the end of the turn, coalescing chunks into one write', async () => {
    const h = writerHarness()
    h.writer.write(b('a\n'))
    h.writer.write(b('b\n'))
    await h.clock.flush()
    expect(h.fs.calls['writev']).toBeUndefined()
    h.turn()
    h.turn()
    await h.writer.flush()
    expect(h.fs.text(PATH)).toBe('a\nb\n')
    expect(h.fs.calls['writev']).toBe(1)
  })

  it('batch: writes at once when 64 KiB are queued', async () => {
    const h = writerHarness()
    h.writer.write(Buffer.alloc(64 * 1024, 'x'))
    await h.clock.flush()
    await h.writer.flush()
    expect(h.deferred).toHaveLength(0)
    expect(h.fs.files.get(PATH)?.data.length).toBe(64 * 1024)
  })

  it('immediate: writes each chunk without waiting for the turn', async () => {
    const h = writerHarness({ flush: 'immediate' })
    h.writer.write(b('now\n'))
    await h.clock.flush()
    expect(h.fs.text(PATH)).toBe('now\n')
    expect(h.deferred).toHaveLength(0)
  })

  it('interval: writes after logFlushInterval, or when 1 MiB is queued', async () => {
    const h = writerHarness({ flush: 'interval', flushIntervalMs: 500 })
    h.writer.write(b('x\n'))
    h.writer.write(b('y\n'))
    await h.clock.advanceAsync(499)
    expect(h.fs.text(PATH)).toBe('')
    await h.clock.advanceAsync(1)
    expect(h.fs.text(PATH)).toBe('x\ny\n')
    h.writer.write(Buffer.alloc(1024 * 1024, 'z'))
    await h.clock.flush()
    expect(h.fs.files.get(PATH)?.data.length).toBe(4 + 1024 * 1024)
  })

  it('releases bytes to their owner once written', async () => {
    const h = writerHarness()
    const owner = { release: vi.fn() }
    h.writer.write(b('abc'), owner)
    h.writer.write(b(''), owner)
    expect(owner.release).not.toHaveBeenCalled()
    h.turn()
    await h.writer.flush()
    expect(owner.release).toHaveBeenCalledWith(3)
  })

  it('handles short writes without losing or repeating bytes', async () => {
    const h = writerHarness()
    h.fs.maxWrite = 3
    h.writer.write(b('abcdefgh'))
    h.writer.write(b('ij'))
    await h.writer.flush()
    expect(h.fs.text(PATH)).toBe('abcdefghij')
  })
})

describe('createFileWriter: rotation', () => {
  it('rotates by size before a write would pass maxSize, never splitting a line', async () => {
    const h = writerHarness({ maxSize: 1024 })
    const data = lines(0, 300)
    for (let i = 0; i < data.length; i += 700) h.writer.write(b(data.slice(i, i + 700)))
    await h.writer.flush()
    const order = (p: string) => p.replace(/(\d\d)\.log$/, '$1-0.log')
    const rotated = [...h.fs.files.keys()]
      .filter((p) => p !== PATH)
      .sort((x, y) => (order(x) < order(y) ? -1 : 1))
    expect(rotated[0]).toBe('/l/api-out__2026-01-01_03-04-05.log')
    expect(rotated[1]).toBe('/l/api-out__2026-01-01_03-04-05-1.log')
    const contents = [...rotated, PATH].map((p) => h.fs.text(p))
    expect(contents.join('')).toBe(data)
    for (const text of contents) {
      expect(text.length).toBeLessThanOrEqual(1024)
      expect(text.endsWith('\n')).toBe(true)
    }
    expect(h.hooks.rotated).toHaveBeenCalledWith(PATH, rotated[0], 'size')
    expect(h.fs.openCount()).toBe(1)
  })

  it('skips a stamp whose compressed file exists', async () => {
    const h = writerHarness()
    await h.fs.mkdir('/l', 0o700)
    await h.fs.writeFileAtomic('/l/api-out__2026-01-01_03-04-05.log.gz', 'old', 0o600)
    h.writer.write(b('x\n'))
    expect(await h.writer.rotate('manual')).toBe(true)
    expect(h.fs.text('/l/api-out__2026-01-01_03-04-05-1.log')).toBe('x\n')
  })

  it('does not rotate when the file cannot be opened', async () => {
    const h = writerHarness()
    h.fs.failWith('open', 'EACCES')
    expect(await h.writer.rotate('manual')).toBe(false)
    await h.writer.close()
  })

  it('does not rotate an empty file', async () => {
    const h = writerHarness()
    expect(await h.writer.rotate('manual')).toBe(false)
    expect(h.hooks.rotated).not.toHaveBeenCalled()
  })

  it('keeps writing into the current file when the rename fails, and retries after the next check', async () => {
    const h = writerHarness({ maxSize: 1024 })
    h.writer.write(b(lines(0, 100)))
    await h.writer.flush()
    h.fs.failWith('rename', 'EACCES')
    h.writer.write(b(lines(100, 200)))
    await h.writer.flush()
    expect(h.hooks.warn).toHaveBeenCalledWith(expect.objectContaining({ code: 'OD_LOG_ROTATE_FAILED' }))
    h.fs.failWith('rename', null)
    await h.writer.check()
    h.writer.write(b('after\n'))
    await h.writer.flush()
    const all = [...h.fs.files.keys()].sort().map((p) => h.fs.text(p))
    expect(all.join('').split('\n').filter(Boolean)).toHaveLength(201)
    expect(h.fs.text(PATH)).toBe('after\n')
  })

  it('rotates by time at the next hour when the file is not empty', async () => {
    const h = writerHarness({ rotateInterval: 'hourly' })
    h.writer.write(b('one\n'))
    h.turn()
    await h.writer.flush()
    await h.clock.advanceAsync(Date.UTC(2026, 0, 1, 4) - h.clock.now())
    await h.writer.flush()
    expect(h.fs.text('/l/api-out__2026-01-01_04-00-00.log')).toBe('one\n')
    expect(h.hooks.rotated).toHaveBeenCalledWith(PATH, '/l/api-out__2026-01-01_04-00-00.log', 'time')
    await h.clock.advanceAsync(3_600_000)
    await h.writer.flush()
    expect(h.hooks.rotated).toHaveBeenCalledTimes(1)
    await h.writer.close()
  })
})

describe('createFileWriter: rotation by cron', () => {
  it('rotates at each cron boundary, skipping an empty file', async () => {
    const h = writerHarness({ rotateInterval: '*/15 * * * *' })
    h.writer.write(b('one\n'))
    h.turn()
    await h.writer.flush()
    await h.clock.advanceAsync(Date.UTC(2026, 0, 1, 3, 15) - 1 - h.clock.now())
    expect(h.hooks.rotated).not.toHaveBeenCalled()
    await h.clock.advanceAsync(1)
    await h.writer.flush()
    expect(h.hooks.rotated).toHaveBeenCalledWith(PATH, '/l/api-out__2026-01-01_03-15-00.log', 'time')
    expect(h.fs.text('/l/api-out__2026-01-01_03-15-00.log')).toBe('one\n')
    await h.clock.advanceAsync(15 * 60_000)
    await h.writer.flush()
    expect(h.hooks.rotated).toHaveBeenCalledTimes(1)
    h.writer.write(b('two\n'))
    h.turn()
    await h.writer.flush()
    await h.clock.advanceAsync(15 * 60_000)
    await h.writer.flush()
    expect(h.hooks.rotated).toHaveBeenLastCalledWith(PATH, '/l/api-out__2026-01-01_03-45-00.log', 'time')
    expect(h.fs.text('/l/api-out__2026-01-01_03-45-00.log')).toBe('two\n')
    await h.writer.close()
  })

  it('waits longer than a timer can hold in several steps (a yearly rotation)', async () => {
    const h = writerHarness({ rotateInterval: '@yearly' })
    const setTimeout = vi.spyOn(h.clock, 'setTimeout')
    h.writer.write(b('year\n'))
    h.turn()
    await h.writer.flush()
    await h.clock.advanceAsync(Date.UTC(2027, 0, 1) - 1 - h.clock.now())
    expect(h.hooks.rotated).not.toHaveBeenCalled()
    await h.clock.advanceAsync(1)
    await h.writer.flush()
    expect(h.hooks.rotated).toHaveBeenCalledWith(PATH, '/l/api-out__2027-01-01_00-00-00.log', 'time')
    const delays = setTimeout.mock.calls.map(([, ms]) => ms)
    expect(Math.max(...delays)).toBeLessThanOrEqual(2_147_483_647)
    await h.writer.close()
  })
})

describe('createFileWriter: write failures', () => {
  it('buffers while writes fail, never holding the app, then writes the buffer and a lost-bytes marker', async () => {
    const h = writerHarness({}, { errorBufferBytes: 10 })
    const owner = { release: vi.fn() }
    h.writer.write(b('ok\n'))
    h.turn()
    await h.writer.flush()
    h.fs.failWith('writev', 'ENOSPC')
    h.writer.write(b('abcd\n'), owner)
    h.turn()
    await h.writer.flush()
    expect(h.hooks.writeError).toHaveBeenCalledWith(
      PATH,
      expect.objectContaining({ code: 'OD_LOG_WRITE_FAILED', message: expect.stringContaining('ENOSPC') }),
      5,
    )
    expect(owner.release).toHaveBeenCalledWith(5)
    h.writer.write(b('efgh\n'), owner)
    h.writer.write(b('dropped\n'), owner)
    expect(owner.release).toHaveBeenCalledTimes(3)
    await h.clock.advanceAsync(1000)
    expect(h.hooks.writeError).toHaveBeenCalledTimes(1)
    h.fs.failWith('writev', null)
    await h.clock.advanceAsync(1000)
    await h.writer.flush()
    expect(h.fs.text(PATH)).toBe(
      'ok\nabcd\nefgh\n[od] 8 bytes of output were lost between 03:04:05 and 03:04:05: ENOSPC (disk full)\n',
    )
    expect(h.hooks.recovered).toHaveBeenCalledWith(PATH, 8)
  })

  it('retries output that arrives after everything buffered was dropped', async () => {
    const h = writerHarness({}, { errorBufferBytes: 2 })
    h.fs.failWith('writev', 'EIO')
    h.writer.write(b('abc\n'))
    h.turn()
    await h.writer.flush()
    await h.clock.advanceAsync(1000)
    h.fs.failWith('writev', null)
    h.writer.write(b('x\n'))
    await h.clock.advanceAsync(1000)
    await h.writer.flush()
    expect(h.fs.text(PATH)).toMatch(
      /^x\n\[od\] 4 bytes of output were lost between .*: EIO \(I\/O error\)\n$/,
    )
  })

  it('recovers without a marker when nothing was lost', async () => {
    const h = writerHarness()
    h.fs.failWith('open', 'EACCES')
    h.writer.write(b('x\n'))
    h.turn()
    await h.writer.flush()
    expect(h.hooks.writeError).toHaveBeenCalledWith(
      PATH,
      expect.objectContaining({ message: expect.stringContaining('EACCES') }),
      2,
    )
    h.fs.failWith('open', null)
    await h.clock.advanceAsync(1000)
    await h.writer.flush()
    expect(h.fs.text(PATH)).toBe('x\n')
    expect(h.hooks.recovered).toHaveBeenCalledWith(PATH, 0)
  })

  it('names EIO for an error without errno', async () => {
    const fs = createMemoryFs()
    fs.writev = () => Promise.reject(new Error('weird'))
    const h = writerHarness({}, { fs })
    h.writer.write(b('x'))
    h.turn()
    await h.writer.flush()
    expect(h.hooks.writeError).toHaveBeenCalledWith(
      PATH,
      expect.objectContaining({ message: expect.stringContaining('EIO') }),
      1,
    )
    await h.writer.close()
  })
})

describe('createFileWriter: maintenance', () => {
  it('truncates through the descriptor; the next write lands at offset 0', async () => {
    const h = writerHarness()
    expect(await h.writer.truncate()).toBe(0)
    h.writer.write(b('12345\n'))
    expect(await h.writer.truncate()).toBe(6)
    h.writer.write(b('new\n'))
    await h.writer.flush()
    expect(h.fs.text(PATH)).toBe('new\n')
  })

  it('reopens by path after an external rename', async () => {
    const h = writerHarness()
    h.writer.write(b('before\n'))
    await h.writer.flush()
    await h.fs.rename(PATH, '/l/moved.log')
    await h.writer.reopen()
    h.writer.write(b('after\n'))
    await h.writer.flush()
    expect(h.fs.text('/l/moved.log')).toBe('before\n')
    expect(h.fs.text(PATH)).toBe('after\n')
  })

  it('check: reopens a deleted file and recreates a deleted directory, with a warning', async () => {
    const h = writerHarness()
    h.writer.write(b('a\n'))
    await h.writer.flush()
    await h.writer.check()
    expect(h.hooks.warn).not.toHaveBeenCalled()
    h.fs.files.delete(PATH)
    h.fs.dirs.delete('/l')
    await h.writer.check()
    expect(h.hooks.warn).toHaveBeenCalledWith(expect.objectContaining({ code: 'OD_LOG_DIR_MISSING' }))
    h.writer.write(b('b\n'))
    await h.writer.flush()
    expect(h.fs.dirs.has('/l')).toBe(true)
    expect(h.fs.text(PATH)).toBe('b\n')
  })

  it('check: reopens a file renamed away', async () => {
    const h = writerHarness()
    h.writer.write(b('a\n'))
    await h.writer.flush()
    await h.fs.rename(PATH, '/l/rotated-by-logrotate.log')
    await h.fs.writeFileAtomic(PATH, '', 0o600)
    await h.writer.check()
    h.writer.write(b('b\n'))
    await h.writer.flush()
    expect(h.fs.text(PATH)).toBe('b\n')
  })

  it('check does nothing before the file is opened', async () => {
    const h = writerHarness()
    await h.writer.check()
    expect(h.fs.calls['fstat']).toBeUndefined()
  })

  it('fsync and close write everything first, then release the descriptor', async () => {
    const h = writerHarness({ flush: 'interval' })
    await h.writer.fsync()
    h.writer.write(b('z\n'))
    await h.writer.fsync()
    expect(h.fs.text(PATH)).toBe('z\n')
    h.writer.write(b('last\n'))
    await h.writer.close()
    expect(h.fs.text(PATH)).toBe('z\nlast\n')
    expect(h.fs.openCount()).toBe(0)
    await h.writer.close()
  })

  it('close stops retrying', async () => {
    const h = writerHarness()
    h.fs.failWith('open', 'EROFS')
    h.writer.write(b('x'))
    h.turn()
    await h.writer.flush()
    await h.writer.close()
    h.fs.failWith('open', null)
    await h.clock.advanceAsync(5000)
    expect(h.fs.files.has(PATH)).toBe(false)
  })
})
