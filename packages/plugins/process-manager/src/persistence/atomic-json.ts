/**
 * Crash-safe JSON files (the app table, the dump). A write goes to a temp file in the same
 * directory, is fsynced, renamed over the target, and the directory is fsynced, so a reader sees
 * the old file or the new one, never half of one. The previous copy is kept as `<file>.bak`.
 * A reader detects torn or tampered files (JSON, envelope, version, checksum) and moves them aside
 * to `<file>.corrupt-<timestamp>`: never silently discarded, always reported.
 *
 * File format: `{ "version": <n>, "checksum": "sha256:<hex of JSON.stringify(data)>", "data": … }`.
 */
import { DaemonError } from '@opendaemon/core'
import { createHash, randomBytes } from 'node:crypto'
import { open, readFile, rename, link, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'

/** An open file, as far as this module uses it. */
export interface AtomicFile {
  writeFile(data: string): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/** The filesystem calls this module makes (injected so tests can fail any one of them). */
export interface AtomicFs {
  open(path: string, flags: 'w' | 'r', mode?: number): Promise<AtomicFile>
  readFile(path: string): Promise<string>
  rename(from: string, to: string): Promise<void>
  link(existing: string, newPath: string): Promise<void>
  unlink(path: string): Promise<void>
}

/** The real filesystem. */
export const nodeAtomicFs: AtomicFs = {
  open: (path, flags, mode) => open(path, flags, mode),
  readFile: (path) => readFile(path, 'utf8'),
  rename,
  link,
  unlink,
}

/** Options shared by reads and writes. */
export interface AtomicJsonOptions {
  /** The format version written, and the only one a read accepts. */
  version: number
  fs?: AtomicFs
  /** Epoch ms, for the `.corrupt-<timestamp>` name. */
  now?: () => number
}

/** Options of a read. */
export interface ReadJsonOptions<T> extends AtomicJsonOptions {
  /** Turns the stored `data` into `T`, throwing when it does not fit (the file then counts as corrupt). */
  parse?: (data: unknown) => T
}

/** Why a file was judged unusable. */
export type CorruptReason =
  'invalid-json' | 'invalid-envelope' | 'wrong-version' | 'checksum-mismatch' | 'invalid-data'

/** A file that was judged unusable and moved aside. */
export interface CorruptFile {
  file: string
  reason: CorruptReason
  detail: string
  movedTo: string
}

/** The outcome of {@link readJsonChecked}. */
export type JsonReadResult<T> =
  { ok: true; data: T } | { ok: false; reason: 'missing' } | ({ ok: false } & Omit<CorruptFile, 'file'>)

const MODE = 0o600

function checksum(data: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(data)).digest('hex')}`
}

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code
}

async function bestEffort(action: () => Promise<unknown>): Promise<void> {
  try {
    await action()
  } catch {
    // Cleanup after a failure that is already being reported; a second error would hide the first.
  }
}

async function writeDurably(fs: AtomicFs, path: string, text: string): Promise<void> {
  const file = await fs.open(path, 'w', MODE)
  try {
    await file.writeFile(text)
    await file.sync()
  } finally {
    await file.close()
  }
}

async function syncDir(fs: AtomicFs, dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Points `<path>.bak` at the current file (a hard link: no copy, and `path` never goes missing). */
async function keepBackup(fs: AtomicFs, path: string, tag: string): Promise<void> {
  const tmp = `${path}.bak.tmp-${tag}`
  try {
    await fs.link(path, tmp)
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return // first write: nothing to keep
    throw err
  }
  await fs.rename(tmp, `${path}.bak`)
}

/**
 * Write `data` to `path` atomically and durably, with mode 0600, keeping the previous copy as
 * `<path>.bak`. On failure the previous file is untouched and the temp file removed.
 *
 * @throws {DaemonError} `OD_STATE_WRITE_FAILED` with the fs error as cause.
 * @example
 * ```ts
 * import { writeJsonAtomic } from '@opendaemon/plugin-process-manager'
 *
 * await writeJsonAtomic('/tmp/od-demo/state.json', { apps: [] }, { version: 1 })
 * ```
 */
export async function writeJsonAtomic(
  path: string,
  data: unknown,
  options: AtomicJsonOptions,
): Promise<void> {
  const fs = options.fs ?? nodeAtomicFs
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`
  const tmp = `${path}.tmp-${tag}`
  const text = `${JSON.stringify({ version: options.version, checksum: checksum(data), data }, null, 2)}\n`
  try {
    await writeDurably(fs, tmp, text)
    await keepBackup(fs, path, tag)
    await fs.rename(tmp, path)
    await syncDir(fs, dirname(path))
  } catch (err) {
    await bestEffort(() => fs.unlink(tmp))
    await bestEffort(() => fs.unlink(`${path}.bak.tmp-${tag}`))
    throw new DaemonError('OD_STATE_WRITE_FAILED', path, (err as Error).message, { cause: err })
  }
}

type Verdict<T> = { ok: true; data: T } | { ok: false; reason: CorruptReason; detail: string }

function judge<T>(text: string, options: ReadJsonOptions<T>): Verdict<T> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    return { ok: false, reason: 'invalid-json', detail: (err as Error).message }
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !('version' in parsed) ||
    !('checksum' in parsed) ||
    !('data' in parsed)
  ) {
    return {
      ok: false,
      reason: 'invalid-envelope',
      detail: 'expected an object with version, checksum and data',
    }
  }
  const envelope = parsed as { version: unknown; checksum: unknown; data: unknown }
  if (envelope.version !== options.version) {
    return {
      ok: false,
      reason: 'wrong-version',
      detail: `version ${JSON.stringify(envelope.version)}, expected ${options.version}`,
    }
  }
  if (envelope.checksum !== checksum(envelope.data)) {
    return {
      ok: false,
      reason: 'checksum-mismatch',
      detail: 'the data does not match its checksum (edited or damaged)',
    }
  }
  if (options.parse === undefined) return { ok: true, data: envelope.data as T }
  try {
    return { ok: true, data: options.parse(envelope.data) }
  } catch (err) {
    return { ok: false, reason: 'invalid-data', detail: (err as Error).message }
  }
}

/**
 * Read a file written by {@link writeJsonAtomic}. A file that fails any check is renamed to
 * `<path>.corrupt-<timestamp>` and reported; a missing file is `{ ok: false, reason: 'missing' }`.
 *
 * @throws The fs error when the file exists but cannot be read (permissions): that is not corruption.
 * @example
 * ```ts
 * import { readJsonChecked } from '@opendaemon/plugin-process-manager'
 *
 * const result = await readJsonChecked('/tmp/od-demo/state.json', { version: 1 })
 * if (!result.ok && result.reason !== 'missing') console.warn(`kept aside as ${result.movedTo}`)
 * ```
 */
export async function readJsonChecked<T = unknown>(
  path: string,
  options: ReadJsonOptions<T>,
): Promise<JsonReadResult<T>> {
  const fs = options.fs ?? nodeAtomicFs
  let text: string
  try {
    text = await fs.readFile(path)
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { ok: false, reason: 'missing' }
    throw err
  }
  const verdict = judge(text, options)
  if (verdict.ok) return verdict
  const stamp = new Date((options.now ?? Date.now)()).toISOString().replace(/:/g, '-')
  const movedTo = `${path}.corrupt-${stamp}`
  await fs.rename(path, movedTo)
  return { ok: false, reason: verdict.reason, detail: verdict.detail, movedTo }
}

/** The outcome of {@link readJsonWithBackup}. */
export interface RecoveredJson<T> {
  /** The data, or null when neither the file nor its backup was usable. */
  data: T | null
  source: 'primary' | 'backup' | 'none'
  /** Files moved aside on the way, to report (`od daemon status`, logs). */
  problems: CorruptFile[]
}

/**
 * Read `path`, falling back to `<path>.bak` when the file is missing or corrupt. Every corrupt
 * file is moved aside and listed in `problems`.
 *
 * @example
 * ```ts
 * import { readJsonWithBackup } from '@opendaemon/plugin-process-manager'
 *
 * const state = await readJsonWithBackup('/tmp/od-demo/state.json', { version: 1 })
 * for (const p of state.problems) console.warn(`${p.file}: ${p.reason}, kept as ${p.movedTo}`)
 * ```
 */
export async function readJsonWithBackup<T = unknown>(
  path: string,
  options: ReadJsonOptions<T>,
): Promise<RecoveredJson<T>> {
  const problems: CorruptFile[] = []
  for (const [file, source] of [
    [path, 'primary'],
    [`${path}.bak`, 'backup'],
  ] as const) {
    const result = await readJsonChecked(file, options)
    if (result.ok) return { data: result.data, source, problems }
    if (result.reason !== 'missing')
      problems.push({ file, reason: result.reason, detail: result.detail, movedTo: result.movedTo })
  }
  return { data: null, source: 'none', problems }
}

/**
 * The error to report for a corrupt file.
 *
 * @example
 * ```ts
 * import { corruptFileError } from '@opendaemon/plugin-process-manager'
 *
 * const err = corruptFileError({ file: 'state.json', reason: 'invalid-json', detail: 'x', movedTo: 'state.json.corrupt-1' })
 * console.log(err.code) // 'OD_STATE_CORRUPT'
 * ```
 */
export function corruptFileError(problem: CorruptFile): DaemonError {
  return new DaemonError(
    'OD_STATE_CORRUPT',
    problem.file,
    `${problem.reason}: ${problem.detail}`,
    problem.movedTo,
    {
      data: { ...problem },
    },
  )
}
