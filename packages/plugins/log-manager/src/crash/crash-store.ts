/**
 * Crash records on disk (SPECIFICATION.md §9.7): `logs/crash/<name>-<index>.json`, a JSON array of
 * an instance's last 5 records, written atomically with mode 0600.
 */
import { join } from 'node:path'
import type { LogFs } from '../write/log-fs.js'
import type { CrashLine } from './recent-output.js'

/** One abnormal exit with the lines before it. */
export interface CrashRecord {
  id: number
  name: string
  instance: number
  pid: number | null
  at: number
  code: number | null
  signal: string | null
  uptimeMs: number
  reason: 'crash' | 'ready-timeout'
  lines: CrashLine[]
}

/** Records kept per instance. */
export const CRASH_RECORDS_KEPT = 5

/** The file of an instance's crash records. */
export function crashFile(logDir: string, name: string, instance: number): string {
  return join(logDir, 'crash', `${name}-${instance}.json`)
}

/**
 * Reads an instance's records ([] when none or unreadable).
 *
 * @example
 * ```ts
 * const records = await readCrashRecords(nodeLogFs, '/home/me/.opendaemon/logs', 'api', 0)
 * ```
 */
export async function readCrashRecords(
  fs: LogFs,
  logDir: string,
  name: string,
  instance: number,
): Promise<CrashRecord[]> {
  try {
    const text = await fs.readFile(crashFile(logDir, name, instance))
    const value: unknown = text === null ? [] : JSON.parse(text)
    return Array.isArray(value) ? (value as CrashRecord[]) : []
  } catch {
    // A corrupt record file is replaced by the next crash; reading reports none.
    return []
  }
}

/**
 * Appends a record, keeping the last {@link CRASH_RECORDS_KEPT}; resolves to the file written.
 *
 * @example
 * ```ts
 * await appendCrashRecord(nodeLogFs, logDir, record)
 * ```
 */
export async function appendCrashRecord(fs: LogFs, logDir: string, record: CrashRecord): Promise<string> {
  const file = crashFile(logDir, record.name, record.instance)
  const records = [...(await readCrashRecords(fs, logDir, record.name, record.instance)), record]
  await fs.mkdir(join(logDir, 'crash'), 0o700)
  await fs.writeFileAtomic(file, `${JSON.stringify(records.slice(-CRASH_RECORDS_KEPT))}\n`, 0o600)
  return file
}
