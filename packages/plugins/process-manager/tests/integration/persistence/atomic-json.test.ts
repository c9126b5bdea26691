import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readJsonChecked, readJsonWithBackup, writeJsonAtomic } from '../../../src/persistence/atomic-json.js'

describe('atomic JSON on a real filesystem', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
    file = join(dir, 'state.json')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('writes mode 0600, reads it back and leaves no temp files', async () => {
    await writeJsonAtomic(file, { apps: [{ id: 0, name: 'api' }] }, { version: 1 })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(await readJsonChecked(file, { version: 1 })).toEqual({
      ok: true,
      data: { apps: [{ id: 0, name: 'api' }] },
    })
    expect(readdirSync(dir)).toEqual(['state.json'])
  })

  it('keeps the previous good copy as .bak (a hard link that outlives the rename)', async () => {
    await writeJsonAtomic(file, { n: 1 }, { version: 1 })
    const first = readFileSync(file, 'utf8')
    await writeJsonAtomic(file, { n: 2 }, { version: 1 })
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(first)
    expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.bak'])
  })

  it('detects a file torn mid-JSON, keeps it aside and recovers the backup', async () => {
    await writeJsonAtomic(file, { n: 1 }, { version: 1 })
    await writeJsonAtomic(file, { n: 2 }, { version: 1 })
    const size = statSync(file).size
    truncateSync(file, Math.floor(size / 2))
    const torn = readFileSync(file, 'utf8')
    const result = await readJsonWithBackup(file, { version: 1, now: () => 0 })
    expect(result.data).toEqual({ n: 1 })
    expect(result.source).toBe('backup')
    const moved = join(dir, 'state.json.corrupt-1970-01-01T00-00-00.000Z')
    expect(result.problems).toEqual([
      { file, reason: 'invalid-json', detail: expect.any(String), movedTo: moved },
    ])
    expect(readFileSync(moved, 'utf8')).toBe(torn)
  })

  it('detects a file from another version', async () => {
    await writeJsonAtomic(file, { n: 1 }, { version: 1 })
    expect(await readJsonChecked(file, { version: 2 })).toMatchObject({ ok: false, reason: 'wrong-version' })
  })

  it('reports a missing file', async () => {
    expect(await readJsonChecked(file, { version: 1 })).toEqual({ ok: false, reason: 'missing' })
  })

  it('fails cleanly when the directory is gone, leaving nothing behind', async () => {
    const missing = join(dir, 'sub', 'state.json')
    await expect(writeJsonAtomic(missing, {}, { version: 1 })).rejects.toMatchObject({
      code: 'OD_STATE_WRITE_FAILED',
    })
    writeFileSync(join(dir, 'marker'), '')
    expect(readdirSync(dir)).toEqual(['marker'])
  })
})
