/**
 * `log.flush` and `log.reload` (SPECIFICATION.md §9.8): truncating the current files of a
 * selection (and optionally their rotated files and crash records), and reopening every file.
 */
import { DaemonError, type LogSelector } from '@opendaemon/core'
import { crashFile } from './crash/crash-store.js'
import type { KnownInstance, LogManager } from './log-manager.js'
import { listRotated } from './rotate/retention-runner.js'
import type { LogFs } from './write/log-fs.js'

/** `log.flush` params. */
export interface FlushParams {
  selector?: LogSelector
  rotated?: boolean
  crash?: boolean
}

/** One app's part of a flush. */
export interface FlushResult {
  name: string
  files: string[]
  bytes: number
}

/**
 * The known instances a selector matches (no selector, or target `all`: every one).
 *
 * @throws {DaemonError} `OD_PROCESS_NOT_FOUND` when nothing matches.
 * @example
 * ```ts
 * selectInstances(logs.known(), { target: 'api' })
 * ```
 */
export function selectInstances(all: readonly KnownInstance[], selector: LogSelector = {}): KnownInstance[] {
  const { target, namespace, tags, tagsAll } = selector
  const hit = all.filter(
    (i) =>
      (target === undefined ||
        target === 'all' ||
        i.name === target ||
        i.id === target ||
        String(i.id) === target) &&
      (namespace === undefined || i.namespace === namespace) &&
      (tags === undefined || tags.some((t) => i.tags.includes(t))) &&
      (tagsAll === undefined || tagsAll.every((t) => i.tags.includes(t))),
  )
  const specific = target !== undefined && target !== 'all'
  if (
    hit.length === 0 &&
    (specific || namespace !== undefined || tags !== undefined || tagsAll !== undefined)
  ) {
    throw new DaemonError('OD_PROCESS_NOT_FOUND', JSON.stringify(selector))
  }
  return hit
}

async function truncateFile(logs: LogManager, fs: LogFs, path: string): Promise<number> {
  const writer = logs.pool.get(path)
  if (writer !== undefined) return writer.truncate()
  const st = await fs.stat(path)
  if (st === null) return 0
  const fd = await fs.open(path, 0o600)
  try {
    await fs.ftruncate(fd, 0)
  } finally {
    await fs.close(fd)
  }
  return st.size
}

async function deleteRotated(fs: LogFs, path: string): Promise<{ files: string[]; bytes: number }> {
  const files: string[] = []
  let bytes = 0
  for (const file of await listRotated(fs, path)) {
    await fs.unlink(file.path).catch(() => undefined)
    files.push(file.path)
    bytes += file.size
  }
  return { files, bytes }
}

/**
 * Truncates the selection's current files through their descriptors (`O_APPEND` makes the next
 * write land at offset 0).
 *
 * @example
 * ```ts
 * await flushLogs(logs, nodeLogFs, '/home/me/.opendaemon/logs', { selector: { target: 'api' } })
 * ```
 */
export async function flushLogs(
  logs: LogManager,
  fs: LogFs,
  logDir: string,
  params: FlushParams,
): Promise<FlushResult[]> {
  const byName = new Map<string, FlushResult>()
  for (const inst of selectInstances(logs.known(), params.selector)) {
    const result = byName.get(inst.name) ?? { name: inst.name, files: [], bytes: 0 }
    byName.set(inst.name, result)
    const paths = new Set([inst.files.out, inst.files.err, inst.files.combined])
    for (const path of paths) {
      if (path === null || result.files.includes(path)) continue
      result.bytes += await truncateFile(logs, fs, path)
      result.files.push(path)
      if (params.rotated === true) {
        const gone = await deleteRotated(fs, path)
        result.files.push(...gone.files)
        result.bytes += gone.bytes
      }
    }
    if (params.crash === true) {
      const file = crashFile(logDir, inst.name, inst.instance)
      if ((await fs.stat(file)) !== null) {
        await fs.unlink(file)
        result.files.push(file)
      }
    }
  }
  return [...byName.values()]
}

/**
 * Closes and reopens every open file by path; resolves to how many.
 *
 * @example
 * ```ts
 * await reloadLogs(logs) // 4
 * ```
 */
export async function reloadLogs(logs: LogManager): Promise<number> {
  const writers = logs.pool.all()
  await Promise.all(writers.map((w) => w.reopen()))
  return writers.length
}
