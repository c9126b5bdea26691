/**
 * The files of one stream (an instance's stdout or stderr): the current file and its rotated copies
 * (§9.8), newest first, with the time span each one covers.
 */
import { readdir, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { parseRotatedName } from '../rotate/rotated-name.js'

/** One file of a series. */
export interface LogFileRef {
  path: string
  compressed: boolean
  /** Epoch ms the file was closed (its rotation stamp); `null` for the current file. */
  closedAt: number | null
  /** Epoch ms its first line can be from: the previous file's stamp; `null` when unknown (the oldest). */
  openedAt: number | null
  /** The time given to its lines that carry none (raw files): the mtime, or the stamp once rotated. */
  time: number
}

/** File-system access of {@link listFileSeries}. */
export interface SeriesFs {
  readdir(dir: string): Promise<string[]>
  /** mtime in epoch ms, or `null` when the file does not exist. */
  mtime(path: string): Promise<number | null>
}

/** The real file system. */
export const nodeSeriesFs: SeriesFs = {
  readdir: (dir) => readdir(dir).catch(() => []),
  mtime: (path) =>
    stat(path).then(
      (s) => s.mtimeMs,
      () => null,
    ),
}

interface Rotated {
  file: string
  stampMs: number
  seq: number
  compressed: boolean
}

function newestFirst(a: Rotated, b: Rotated): number {
  return b.stampMs - a.stampMs || b.seq - a.seq || Number(b.compressed) - Number(a.compressed)
}

/**
 * Lists `current` and its rotated files, newest first. While a file is being compressed both
 * `X.log` and `X.log.gz` may exist for a moment: the compressed one is used.
 *
 * @example
 * ```ts
 * const files = await listFileSeries('/home/me/.opendaemon/logs/api-out.log')
 * files[0].closedAt // null: the current file
 * ```
 */
export async function listFileSeries(current: string, fs: SeriesFs = nodeSeriesFs): Promise<LogFileRef[]> {
  const dir = dirname(current)
  const rotated: Rotated[] = []
  for (const file of await fs.readdir(dir)) {
    const name = parseRotatedName(current, file)
    if (name !== null) rotated.push({ file, ...name })
  }
  rotated.sort(newestFirst)
  const unique = rotated.filter(
    (r, i) => i === 0 || !(rotated[i - 1]?.stampMs === r.stampMs && rotated[i - 1]?.seq === r.seq),
  )
  const files: LogFileRef[] = []
  const mtime = await fs.mtime(current)
  if (mtime !== null) {
    const openedAt = unique[0]?.stampMs ?? null
    files.push({ path: current, compressed: false, closedAt: null, openedAt, time: mtime })
  }
  unique.forEach((r, i) => {
    const openedAt = unique[i + 1]?.stampMs ?? null
    const path = join(dir, r.file)
    files.push({ path, compressed: r.compressed, closedAt: r.stampMs, openedAt, time: r.stampMs })
  })
  return files
}

/** The file name a series is known by in messages. */
export function seriesName(current: string): string {
  return basename(current)
}
