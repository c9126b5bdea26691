/**
 * The history reader behind `log.tail`, `log.search` and the history of `log.stream` (§9.9): each
 * stream's files are visited newest first (current, then rotated by stamp); plain files are read
 * backwards from their end, gzipped ones decompressed forwards. A stream stops once it has `limit`
 * matches, or at the first line (or rotated file) older than `since`. The streams are then merged
 * in time order and the newest `limit` kept.
 */
import {
  mergeEntries,
  parseStoredLine,
  parseTimestampPrefix,
  readLinesBackward,
  type LogFilter,
  type StoredLineOrigin,
  type TimedEntry,
} from '@opendaemon/core'
import type { LogFileRef } from './file-series.js'
import { readLinesForward } from './forward-lines.js'

/** One stream to read: who wrote it, and its files newest first. */
export interface SeriesSpec {
  origin: Omit<StoredLineOrigin, 'fileTime'>
  files: readonly LogFileRef[]
}

/** What {@link collectEntries} found. */
export interface CollectResult {
  /** Oldest first. */
  entries: TimedEntry[]
  scannedFiles: number
  truncated: boolean
  /** Files that could not be read (path and reason), skipped. */
  failures: { file: string; reason: string }[]
}

/** Options of {@link collectEntries}. */
export interface CollectOptions {
  /** Block size of backward reads (default 64 KiB). */
  blockSize?: number
}

interface SeriesState {
  /** Newest first. */
  found: TimedEntry[]
  scanned: number
  truncated: boolean
  /** A line or file older than `since` was reached: older files are older still. */
  done: boolean
}

async function readPlain(
  file: LogFileRef,
  origin: StoredLineOrigin,
  filter: LogFilter,
  limit: number,
  state: SeriesState,
  blockSize: number | undefined,
): Promise<void> {
  const options = blockSize === undefined ? {} : { blockSize }
  for await (const line of readLinesBackward(file.path, options)) {
    // Lines that cannot match are not parsed; only their time is read when `since` needs it.
    if (!filter.mayMatch(line)) {
      if (filter.since === undefined) continue
      const at = parseTimestampPrefix(line)?.at ?? parseStoredLine(line, origin).at
      if (at >= filter.since) continue
      state.done = true
      return
    }
    const { entry, at } = parseStoredLine(line, origin)
    if (filter.since !== undefined && at < filter.since) {
      // Lines further back, and every older file, are older still: the scan ends here.
      state.done = true
      return
    }
    if ((filter.until === undefined || at <= filter.until) && filter.matches(entry)) {
      if (state.found.length >= limit) {
        state.truncated = true
        return
      }
      state.found.push({ at, entry })
    }
  }
}

async function readCompressed(
  file: LogFileRef,
  origin: StoredLineOrigin,
  filter: LogFilter,
  limit: number,
  state: SeriesState,
): Promise<void> {
  const room = limit - state.found.length
  const matches: TimedEntry[] = []
  let dropped = false
  for await (const line of readLinesForward(file.path, true)) {
    if (!filter.mayMatch(line)) continue
    const { entry, at } = parseStoredLine(line, origin)
    if (!filter.inTime(at) || !filter.matches(entry)) continue
    matches.push({ at, entry })
    if (matches.length > room) {
      matches.shift()
      dropped = true
    }
  }
  for (let i = matches.length - 1; i >= 0; i--) state.found.push(matches[i] as TimedEntry)
  if (dropped) state.truncated = true
}

function skipFile(file: LogFileRef, filter: LogFilter): 'stop' | 'skip' | 'read' {
  if (filter.since !== undefined && file.closedAt !== null && file.closedAt < filter.since) return 'stop'
  if (filter.until !== undefined && file.openedAt !== null && file.openedAt > filter.until) return 'skip'
  return 'read'
}

async function collectSeries(
  spec: SeriesSpec,
  filter: LogFilter,
  limit: number,
  options: CollectOptions,
  failures: CollectResult['failures'],
): Promise<SeriesState> {
  const state: SeriesState = { found: [], scanned: 0, truncated: false, done: false }
  for (const file of spec.files) {
    if (state.done || state.truncated || state.found.length >= limit) {
      state.truncated ||= state.found.length >= limit && !state.done
      break
    }
    const verdict = skipFile(file, filter)
    if (verdict === 'stop') break
    if (verdict === 'skip') continue
    state.scanned++
    const origin: StoredLineOrigin = { ...spec.origin, fileTime: file.time }
    try {
      if (file.compressed) await readCompressed(file, origin, filter, limit, state)
      else await readPlain(file, origin, filter, limit, state, options.blockSize)
    } catch (error) {
      failures.push({ file: file.path, reason: (error as Error).message })
    }
  }
  return state
}

/**
 * Collects the newest `limit` entries matching `filter` across `series`, oldest first.
 *
 * @example
 * ```ts
 * const files = await listFileSeries('/l/api-out.log')
 * const origin = { id: 0, name: 'api', instance: 0, source: 'stdout' } as const
 * const { entries } = await collectEntries([{ origin, files }], compileLogFilter({}, Date.now()), 100)
 * ```
 */
export async function collectEntries(
  series: readonly SeriesSpec[],
  filter: LogFilter,
  limit: number,
  options: CollectOptions = {},
): Promise<CollectResult> {
  const failures: CollectResult['failures'] = []
  if (limit <= 0) return { entries: [], scannedFiles: 0, truncated: false, failures }
  const wanted = series.filter((spec) => filter.sources.includes(spec.origin.source))
  const states = await Promise.all(
    wanted.map((spec) => collectSeries(spec, filter, limit, options, failures)),
  )
  const lists = states.map((state) => state.found.reverse())
  const total = lists.reduce((sum, list) => sum + list.length, 0)
  const entries = mergeEntries(lists, limit)
  const scannedFiles = states.reduce((sum, state) => sum + state.scanned, 0)
  const truncated = total > entries.length || states.some((state) => state.truncated)
  return { entries, scannedFiles, truncated, failures }
}
