import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nodeLogFs as fs } from '../../src/write/log-fs.js'

describe('nodeLogFs (real files)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('appends, stats, truncates, fsyncs and closes through a descriptor', async () => {
    await fs.mkdir(join(dir, 'a', 'b'), 0o700)
    const file = join(dir, 'a', 'b', 'x.log')
    const fd = await fs.open(file, 0o640)
    expect(await fs.writev(fd, [Buffer.from('ab'), Buffer.from('c\n')])).toBe(4)
    const held = await fs.fstat(fd)
    expect(held).toMatchObject({ size: 4, nlink: 1 })
    expect((await fs.stat(file))?.ino).toBe(held.ino)
    await fs.ftruncate(fd, 0)
    await fs.writev(fd, [Buffer.from('z')])
    await fs.fsync(fd)
    await fs.close(fd)
    expect(readFileSync(file, 'utf8')).toBe('z')
    expect(statSync(file).mode & 0o777).toBe(0o640)
    expect(statSync(join(dir, 'a')).mode & 0o777).toBe(0o700)
  })

  it('reports missing paths as null or empty, and other errors as errors', async () => {
    expect(await fs.stat(join(dir, 'none'))).toBeNull()
    expect(await fs.readdir(join(dir, 'none'))).toEqual([])
    expect(await fs.readFile(join(dir, 'none'))).toBeNull()
    writeFileSync(join(dir, 'file'), 'x')
    expect(await fs.stat(join(dir, 'file', 'below'))).toBeNull()
    await expect(fs.readdir(join(dir, 'file'))).rejects.toMatchObject({ code: 'ENOTDIR' })
    await expect(fs.readFile(dir)).rejects.toMatchObject({ code: 'EISDIR' })
    await expect(fs.open(join(dir, 'no', 'such'), 0o600)).rejects.toMatchObject({ code: 'ENOENT' })
    await expect(fs.unlink(join(dir, 'none'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('reports a stat error other than a missing path', async () => {
    symlinkSync('loop', join(dir, 'loop'))
    await expect(fs.stat(join(dir, 'loop'))).rejects.toMatchObject({ code: 'ELOOP' })
  })

  it('writes files atomically, renames, lists and unlinks', async () => {
    const file = join(dir, 'c.json')
    await fs.writeFileAtomic(file, '[1]', 0o600)
    expect(await fs.readFile(file)).toBe('[1]')
    await fs.rename(file, join(dir, 'd.json'))
    expect((await fs.readdir(dir)).sort()).toEqual(['d.json'])
    await fs.unlink(join(dir, 'd.json'))
    expect(await fs.readdir(dir)).toEqual([])
  })

  it('gzips a file and reports the sizes', async () => {
    const from = join(dir, 'r.log')
    writeFileSync(from, 'line\n'.repeat(1000))
    const sizes = await fs.gzip(from, `${from}.gz`)
    expect(sizes.bytesIn).toBe(5000)
    expect(sizes.bytesOut).toBe(statSync(`${from}.gz`).size)
    expect(gunzipSync(readFileSync(`${from}.gz`)).toString()).toBe('line\n'.repeat(1000))
  })
})
