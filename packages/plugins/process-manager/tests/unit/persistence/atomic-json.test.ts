import { describe, expect, it } from 'vitest'
import {
  corruptFileError,
  readJsonChecked,
  readJsonWithBackup,
  writeJsonAtomic,
  type AtomicFs,
} from '../../../src/persistence/atomic-json.js'

type Op = 'open' | 'writeFile' | 'sync' | 'rename' | 'link' | 'readFile'

function memoryFs(failures: { op: Op; match: (path: string) => boolean; code: string }[] = []) {
  const files = new Map<string, string>()
  const modes = new Map<string, number | undefined>()
  const log: string[] = []
  const fail = (op: Op, path: string): void => {
    const f = failures.find((x) => x.op === op && x.match(path))
    if (f !== undefined) throw Object.assign(new Error(`${f.code}: ${op} ${path}`), { code: f.code })
  }
  const enoent = (path: string): Error => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
  const fs: AtomicFs = {
    async open(path, flags, mode) {
      fail('open', path)
      log.push(`open ${path} ${flags}`)
      if (flags === 'w') {
        files.set(path, '')
        modes.set(path, mode)
      }
      return {
        writeFile: async (data) => {
          fail('writeFile', path)
          files.set(path, data)
        },
        sync: async () => {
          fail('sync', path)
          log.push(`sync ${path}`)
        },
        close: async () => void log.push(`close ${path}`),
      }
    },
    async readFile(path) {
      fail('readFile', path)
      const text = files.get(path)
      if (text === undefined) throw enoent(path)
      return text
    },
    async rename(from, to) {
      fail('rename', from)
      const text = files.get(from)
      if (text === undefined) throw enoent(from)
      files.delete(from)
      files.set(to, text)
      log.push(`rename ${from} ${to}`)
    },
    async link(existing, newPath) {
      fail('link', existing)
      const text = files.get(existing)
      if (text === undefined) throw enoent(existing)
      files.set(newPath, text)
    },
    async unlink(path) {
      if (!files.delete(path)) throw enoent(path)
    },
  }
  return { fs, files, modes, log }
}

const FILE = '/od/state.json'
const NOW = Date.UTC(2026, 10, 22, 3, 4, 5, 6)
const opts = (fs: AtomicFs) => ({ version: 2, fs, now: () => NOW })
const MOVED = `${FILE}.corrupt-2026-11-22T03-04-05.006Z`

describe('writeJsonAtomic', () => {
  it('writes an envelope through a synced temp file, renames it, then syncs the directory', async () => {
    const m = memoryFs()
    await writeJsonAtomic(FILE, { apps: [1] }, opts(m.fs))
    expect([...m.files.keys()]).toEqual([FILE])
    expect(JSON.parse(m.files.get(FILE) as string)).toEqual({
      version: 2,
      checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      data: { apps: [1] },
    })
    const tmp = m.log[0]?.split(' ')[1] as string
    expect(tmp).toMatch(/^\/od\/state\.json\.tmp-\d+-[0-9a-f]{8}$/)
    expect(m.modes.get(tmp)).toBe(0o600)
    expect(m.log).toEqual([
      `open ${tmp} w`,
      `sync ${tmp}`,
      `close ${tmp}`,
      `rename ${tmp} ${FILE}`,
      'open /od r',
      'sync /od',
      'close /od',
    ])
  })

  it('keeps the previous copy as .bak', async () => {
    const m = memoryFs()
    await writeJsonAtomic(FILE, { n: 1 }, opts(m.fs))
    const first = m.files.get(FILE)
    await writeJsonAtomic(FILE, { n: 2 }, opts(m.fs))
    expect(m.files.get(`${FILE}.bak`)).toBe(first)
    expect(JSON.parse(m.files.get(FILE) as string).data).toEqual({ n: 2 })
    expect([...m.files.keys()].sort()).toEqual([FILE, `${FILE}.bak`])
  })

  it('an fsync failure leaves the old file untouched and removes the temp file', async () => {
    const m = memoryFs([{ op: 'sync', match: (p) => p.includes('.tmp-'), code: 'EIO' }])
    m.files.set(FILE, 'old')
    const err = await writeJsonAtomic(FILE, { n: 1 }, opts(m.fs)).catch((e: unknown) => e)
    expect(err).toMatchObject({
      code: 'OD_STATE_WRITE_FAILED',
      message: expect.stringMatching(
        /^Could not save \/od\/state\.json: EIO: sync .*The previous copy is unchanged/,
      ),
      cause: expect.objectContaining({ code: 'EIO' }),
    })
    expect([...m.files.entries()]).toEqual([[FILE, 'old']])
  })

  it('a write failure closes the temp file and removes it', async () => {
    const m = memoryFs([{ op: 'writeFile', match: () => true, code: 'ENOSPC' }])
    await expect(writeJsonAtomic(FILE, {}, opts(m.fs))).rejects.toMatchObject({
      code: 'OD_STATE_WRITE_FAILED',
    })
    expect(m.log.some((l) => l.startsWith('close '))).toBe(true)
    expect(m.files.size).toBe(0)
  })

  it('a backup failure other than a missing file stops the write', async () => {
    const m = memoryFs([{ op: 'link', match: () => true, code: 'EPERM' }])
    m.files.set(FILE, 'old')
    await expect(writeJsonAtomic(FILE, {}, opts(m.fs))).rejects.toMatchObject({
      code: 'OD_STATE_WRITE_FAILED',
    })
    expect([...m.files.entries()]).toEqual([[FILE, 'old']])
  })

  it('a failed .bak rename removes its temp link too', async () => {
    const m = memoryFs([{ op: 'rename', match: (p) => p.includes('.bak.tmp-'), code: 'EIO' }])
    m.files.set(FILE, 'old')
    await expect(writeJsonAtomic(FILE, {}, opts(m.fs))).rejects.toMatchObject({
      code: 'OD_STATE_WRITE_FAILED',
    })
    expect([...m.files.entries()]).toEqual([[FILE, 'old']])
  })

  it('a failed directory sync is reported', async () => {
    const m = memoryFs([{ op: 'sync', match: (p) => p === '/od', code: 'EIO' }])
    await expect(writeJsonAtomic(FILE, {}, opts(m.fs))).rejects.toMatchObject({
      code: 'OD_STATE_WRITE_FAILED',
    })
  })
})

describe('readJsonChecked', () => {
  const written = async () => {
    const m = memoryFs()
    await writeJsonAtomic(FILE, { apps: ['a'] }, opts(m.fs))
    return m
  }

  it('reads back what was written', async () => {
    const m = await written()
    expect(await readJsonChecked(FILE, opts(m.fs))).toEqual({ ok: true, data: { apps: ['a'] } })
  })

  it('parses the data with the given parser', async () => {
    const m = await written()
    const result = await readJsonChecked(FILE, {
      ...opts(m.fs),
      parse: (d) => (d as { apps: string[] }).apps.length,
    })
    expect(result).toEqual({ ok: true, data: 1 })
  })

  it('reports a missing file without moving anything', async () => {
    const m = memoryFs()
    expect(await readJsonChecked(FILE, opts(m.fs))).toEqual({ ok: false, reason: 'missing' })
  })

  it('moves a torn file aside and reports it', async () => {
    const m = await written()
    const text = m.files.get(FILE) as string
    m.files.set(FILE, text.slice(0, text.length / 2))
    const result = await readJsonChecked(FILE, opts(m.fs))
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid-json',
      movedTo: MOVED,
      detail: expect.any(String),
    })
    expect(m.files.get(MOVED)).toBe(text.slice(0, text.length / 2))
    expect(m.files.has(FILE)).toBe(false)
  })

  it('rejects JSON that is not an envelope', async () => {
    for (const text of ['42', 'null', '{"version":2,"data":{}}']) {
      const m = memoryFs()
      m.files.set(FILE, text)
      expect(await readJsonChecked(FILE, opts(m.fs))).toMatchObject({ ok: false, reason: 'invalid-envelope' })
    }
  })

  it('rejects another version', async () => {
    const m = await written()
    const result = await readJsonChecked(FILE, { ...opts(m.fs), version: 3 })
    expect(result).toEqual({
      ok: false,
      reason: 'wrong-version',
      detail: 'version 2, expected 3',
      movedTo: MOVED,
    })
  })

  it('rejects data that does not match its checksum', async () => {
    const m = await written()
    m.files.set(FILE, (m.files.get(FILE) as string).replace('"a"', '"b"'))
    expect(await readJsonChecked(FILE, opts(m.fs))).toMatchObject({ ok: false, reason: 'checksum-mismatch' })
  })

  it('rejects data the parser refuses', async () => {
    const m = await written()
    const parse = (): never => {
      throw new Error('apps[0]: expected an object')
    }
    expect(await readJsonChecked(FILE, { ...opts(m.fs), parse })).toMatchObject({
      ok: false,
      reason: 'invalid-data',
      detail: 'apps[0]: expected an object',
    })
  })

  it('rethrows read errors that are not a missing file', async () => {
    const m = memoryFs([{ op: 'readFile', match: () => true, code: 'EACCES' }])
    await expect(readJsonChecked(FILE, opts(m.fs))).rejects.toMatchObject({ code: 'EACCES' })
  })
})

describe('readJsonWithBackup', () => {
  it('uses the primary when it is good', async () => {
    const m = memoryFs()
    await writeJsonAtomic(FILE, { n: 1 }, opts(m.fs))
    expect(await readJsonWithBackup(FILE, opts(m.fs))).toEqual({
      data: { n: 1 },
      source: 'primary',
      problems: [],
    })
  })

  it('falls back to .bak when the primary is corrupt, reporting it', async () => {
    const m = memoryFs()
    await writeJsonAtomic(FILE, { n: 1 }, opts(m.fs))
    await writeJsonAtomic(FILE, { n: 2 }, opts(m.fs))
    m.files.set(FILE, '{"version":2,')
    const result = await readJsonWithBackup(FILE, opts(m.fs))
    expect(result).toEqual({
      data: { n: 1 },
      source: 'backup',
      problems: [{ file: FILE, reason: 'invalid-json', detail: expect.any(String), movedTo: MOVED }],
    })
  })

  it('falls back to .bak when the primary is missing', async () => {
    const m = memoryFs()
    await writeJsonAtomic(`${FILE}.bak`, { n: 0 }, opts(m.fs))
    expect(await readJsonWithBackup(FILE, opts(m.fs))).toMatchObject({
      data: { n: 0 },
      source: 'backup',
      problems: [],
    })
  })

  it('reports both files when neither is usable', async () => {
    const m = memoryFs()
    m.files.set(FILE, 'x')
    m.files.set(`${FILE}.bak`, 'y')
    const result = await readJsonWithBackup(FILE, opts(m.fs))
    expect(result.data).toBeNull()
    expect(result.source).toBe('none')
    expect(result.problems.map((p) => p.file)).toEqual([FILE, `${FILE}.bak`])
  })

  it('returns nothing for a first start', async () => {
    expect(await readJsonWithBackup(FILE, opts(memoryFs().fs))).toEqual({
      data: null,
      source: 'none',
      problems: [],
    })
  })
})

describe('corruptFileError', () => {
  it('builds OD_STATE_CORRUPT naming the file, the reason and where it went', () => {
    const err = corruptFileError({
      file: FILE,
      reason: 'invalid-json',
      detail: 'Unexpected end',
      movedTo: MOVED,
    })
    expect(err.code).toBe('OD_STATE_CORRUPT')
    expect(err.message).toBe(
      `State file ${FILE} is unreadable (invalid-json: Unexpected end); it was kept as ${MOVED}. Inspect it; the previous good copy is ${FILE}.bak.`,
    )
    expect(err.data).toEqual({ file: FILE, reason: 'invalid-json', detail: 'Unexpected end', movedTo: MOVED })
  })
})
