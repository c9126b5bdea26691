import { describe, expect, it } from 'vitest'
import { applyRetention, listRotated } from '../../../src/rotate/retention-runner.js'
import { createMemoryFs } from '../../helpers/memory-fs.js'

async function withFiles(names: string[]) {
  const fs = createMemoryFs()
  await fs.mkdir('/l', 0o700)
  for (const name of names) await fs.writeFileAtomic(`/l/${name}`, 'x'.repeat(10), 0o600)
  return fs
}

describe('retention of rotated files', () => {
  const names = [
    'api-out.log',
    'api-out__2026-01-01_00-00-01.log.gz',
    'api-out__2026-01-01_00-00-02.log.gz',
    'api-out__2026-01-01_00-00-03.log',
    'api-out__2026-01-01_00-00-03.log.gz.tmp',
    'api-err__2026-01-01_00-00-01.log',
  ]

  it('lists the rotated files of a current file only', async () => {
    const fs = await withFiles(names)
    const files = await listRotated(fs, '/l/api-out.log', () => 0)
    expect(files.map((f) => f.path).sort()).toEqual([
      '/l/api-out__2026-01-01_00-00-01.log.gz',
      '/l/api-out__2026-01-01_00-00-02.log.gz',
      '/l/api-out__2026-01-01_00-00-03.log',
    ])
  })

  it('deletes the oldest beyond maxFiles and never the current file', async () => {
    const fs = await withFiles(names)
    const result = await applyRetention(
      fs,
      '/l/api-out.log',
      { maxFiles: 1, maxAgeMs: null, maxSize: null },
      0,
      () => 0,
    )
    expect(result).toEqual({
      deleted: ['/l/api-out__2026-01-01_00-00-01.log.gz', '/l/api-out__2026-01-01_00-00-02.log.gz'],
      freedBytes: 20,
    })
    expect(fs.files.has('/l/api-out.log')).toBe(true)
  })

  it('skips a file deleted meanwhile', async () => {
    const fs = await withFiles(names)
    fs.failWith('unlink', 'ENOENT')
    const result = await applyRetention(
      fs,
      '/l/api-out.log',
      { maxFiles: 1, maxAgeMs: null, maxSize: null },
      0,
    )
    expect(result).toEqual({ deleted: [], freedBytes: 0 })
  })
})
