import { describe, expect, it } from 'vitest'
import {
  appendCrashRecord,
  crashFile,
  readCrashRecords,
  type CrashRecord,
} from '../../../src/crash/crash-store.js'
import { createMemoryFs } from '../../helpers/memory-fs.js'

const record = (at: number): CrashRecord => ({
  id: 0,
  name: 'api',
  instance: 0,
  pid: 1,
  at,
  code: 1,
  signal: null,
  uptimeMs: 5,
  reason: 'crash',
  lines: [],
})

describe('crash records', () => {
  it('appends records and keeps the last 5', async () => {
    const fs = createMemoryFs()
    for (let i = 0; i < 7; i++) await appendCrashRecord(fs, '/l', record(i))
    const records = await readCrashRecords(fs, '/l', 'api', 0)
    expect(records.map((r) => r.at)).toEqual([2, 3, 4, 5, 6])
    expect(fs.files.get(crashFile('/l', 'api', 0))?.mode).toBe(0o600)
  })

  it('reads none for a missing, corrupt or non-array file', async () => {
    const fs = createMemoryFs()
    expect(await readCrashRecords(fs, '/l', 'api', 0)).toEqual([])
    await fs.mkdir('/l/crash', 0o700)
    await fs.writeFileAtomic('/l/crash/api-0.json', '{bad', 0o600)
    expect(await readCrashRecords(fs, '/l', 'api', 0)).toEqual([])
    await fs.writeFileAtomic('/l/crash/api-0.json', '{}', 0o600)
    expect(await readCrashRecords(fs, '/l', 'api', 0)).toEqual([])
  })
})
