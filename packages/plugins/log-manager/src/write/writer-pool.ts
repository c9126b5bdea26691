/**
 * The open log files, shared by path (merged instances and combined files share one writer), with
 * what happens after a rotation: the event, the background gzip, then retention.
 */
import type { Clock, EventBus, EventMap, Logger } from '@opendaemon/core'
import type { OffsetOf } from '../format/timestamp-format.js'
import type { LogOptions } from '../log-options.js'
import type { Compressor } from '../rotate/compressor.js'
import { applyRetention } from '../rotate/retention-runner.js'
import { createFileWriter, type FileWriter, type RotateReason } from './file-writer.js'
import type { LogFs } from './log-fs.js'

/** Which output a file holds. */
export type FileSource = 'stdout' | 'stderr' | 'combined'

interface Entry {
  writer: FileWriter
  refs: number
  name: string
  instance: number | null
  source: FileSource
  options: LogOptions
}

/** What the pool needs. */
export interface WriterPoolDeps {
  fs: LogFs
  clock: Clock
  defer: (fn: () => void) => void
  events: Pick<EventBus<EventMap>, 'emit'>
  logger: Logger
  compressor: Compressor
  errorBufferBytes: number
  retryMs: number
  offsetOf?: OffsetOf
}

/** The pool. */
export interface WriterPool {
  acquire(
    path: string,
    owner: { name: string; instance: number | null; source: FileSource },
    options: LogOptions,
  ): FileWriter
  /** Drops one reference; the last one closes the file. */
  release(path: string): Promise<void>
  get(path: string): FileWriter | undefined
  all(): FileWriter[]
  /** Applies retention to the rotated files of `path`. */
  retain(path: string): Promise<void>
  /** Rotated files of every open file, retention applied (hourly). */
  retainAll(): Promise<void>
}

/**
 * Creates the pool.
 *
 * @example
 * ```ts
 * const pool = createWriterPool(deps)
 * const w = pool.acquire('/tmp/od-demo/logs/api-out.log', { name: 'api', instance: 0, source: 'stdout' }, LOG_DEFAULTS)
 * w.write(Buffer.from('hi\n'))
 * await pool.release('/tmp/od-demo/logs/api-out.log')
 * ```
 */
export function createWriterPool(deps: WriterPoolDeps): WriterPool {
  const entries = new Map<string, Entry>()
  const policies = new Map<string, { name: string; options: LogOptions }>()

  async function retain(path: string): Promise<void> {
    const known = policies.get(path)
    if (known === undefined) return
    const { maxLogFiles, retention } = known.options
    const result = await applyRetention(
      deps.fs,
      path,
      { maxFiles: maxLogFiles, maxAgeMs: retention.maxAgeMs, maxSize: retention.maxSize },
      deps.clock.now(),
      deps.offsetOf,
    ).catch((err: unknown) => {
      deps.logger.warn(`retention of ${path} failed: ${(err as Error).message}`)
      return { deleted: [], freedBytes: 0 }
    })
    if (result.deleted.length > 0) {
      deps.events.emit('log:retention', { name: known.name, ...result, at: deps.clock.now() })
    }
  }

  function rotated(
    entry: Omit<Entry, 'writer'>,
    file: string,
    rotatedTo: string,
    reason: RotateReason,
  ): void {
    deps.events.emit('log:rotated', {
      name: entry.name,
      instance: entry.instance,
      source: entry.source,
      file,
      rotatedTo,
      reason,
      at: deps.clock.now(),
    })
    const compressed = entry.options.compressLogs ? deps.compressor.add(rotatedTo) : Promise.resolve(null)
    void compressed.then(() => retain(file))
  }

  function open(path: string, entry: Omit<Entry, 'writer'>): FileWriter {
    const o = entry.options
    return createFileWriter(
      {
        path,
        mode: o.fileMode,
        maxSize: o.maxLogSize,
        rotateInterval: o.rotateInterval,
        flush: o.flush,
        flushIntervalMs: o.flushIntervalMs,
      },
      {
        fs: deps.fs,
        clock: deps.clock,
        defer: deps.defer,
        errorBufferBytes: deps.errorBufferBytes,
        retryMs: deps.retryMs,
        ...(deps.offsetOf === undefined ? {} : { offsetOf: deps.offsetOf }),
        hooks: {
          rotated: (file, to, reason) => rotated(entry, file, to, reason),
          writeError: (file, error, bufferedBytes) => {
            deps.logger.warn(error.message, { code: error.code })
            deps.events.emit('log:write-error', {
              name: entry.name,
              file,
              error,
              bufferedBytes,
              at: deps.clock.now(),
            })
          },
          recovered: (file, lostBytes) => {
            deps.logger.info(`writing ${file} works again (${lostBytes} bytes were lost)`)
            deps.events.emit('log:write-recovered', {
              name: entry.name,
              file,
              lostBytes,
              at: deps.clock.now(),
            })
          },
          warn: (error) => deps.logger.warn(error.message, { code: error.code }),
        },
      },
    )
  }

  return {
    acquire(path, owner, options) {
      const known = entries.get(path)
      if (known !== undefined) {
        known.refs++
        return known.writer
      }
      const base = { refs: 1, ...owner, options }
      const entry: Entry = { ...base, writer: open(path, base) }
      entries.set(path, entry)
      policies.set(path, { name: owner.name, options })
      return entry.writer
    },
    async release(path) {
      const entry = entries.get(path)
      if (entry === undefined) return
      entry.refs--
      if (entry.refs > 0) return
      entries.delete(path)
      await entry.writer.close()
    },
    get: (path) => entries.get(path)?.writer,
    all: () => [...entries.values()].map((e) => e.writer),
    retain,
    async retainAll() {
      for (const path of policies.keys()) await retain(path)
    },
  }
}
