/**
 * The background gzip job (SPECIFICATION.md §9.8): rotated files are compressed one at a time,
 * daemon-wide, `X.log` → `X.log.gz.tmp` → fsync → `X.log.gz` → unlink `X.log`. zlib runs in
 * libuv's thread pool, so the event loop only moves buffers. A failure keeps the plain file.
 */
import { DaemonError, type Clock } from '@opendaemon/core'
import type { LogFs } from '../write/log-fs.js'

/** What the compressor reports. */
export interface CompressorHooks {
  compressed(file: string, bytesIn: number, bytesOut: number, durationMs: number): void
  failed(error: DaemonError): void
}

/** The job queue. */
export interface Compressor {
  /** Queues a rotated file; resolves to the compressed path, or null when it failed or vanished. */
  add(file: string): Promise<string | null>
  /** Resolves once every queued file is done. */
  idle(): Promise<void>
  /** Drops the files not started yet (they stay plain) and resolves once the current one is done. */
  stop(): Promise<void>
}

/** When a job may start: gzip yields to a flood so it does not compete with the app for CPU. */
export interface CompressorPacing {
  /** True while apps are writing (a job then waits, unless the backlog is large). */
  busy: () => boolean
  /** How often a waiting job looks again. */
  waitMs: number
  /** Files waiting beyond which a job starts even while busy. */
  maxBacklog: number
}

const NEVER_BUSY: CompressorPacing = { busy: () => false, waitMs: 250, maxBacklog: 16 }

/**
 * Creates the queue.
 *
 * @example
 * ```ts
 * const gz = createCompressor(nodeLogFs, systemClock, { compressed: () => {}, failed: () => {} })
 * await gz.add('/tmp/od-demo/logs/api-out__2026-11-22_03-04-05.log')
 * ```
 */
export function createCompressor(
  fs: LogFs,
  clock: Clock,
  hooks: CompressorHooks,
  pacing: CompressorPacing = NEVER_BUSY,
): Compressor {
  let tail: Promise<unknown> = Promise.resolve()
  let stopped = false
  let waiting = 0
  let wake: () => void = () => undefined

  async function paced(): Promise<void> {
    while (!stopped && pacing.busy() && waiting <= pacing.maxBacklog) {
      await new Promise<void>((resolve) => {
        wake = resolve
        clock.setTimeout(resolve, pacing.waitMs)
      })
    }
  }

  async function compress(file: string): Promise<string | null> {
    await paced()
    waiting--
    if (stopped) return null
    const tmp = `${file}.gz.tmp`
    const started = clock.now()
    try {
      if ((await fs.stat(file)) === null) return null
      const { bytesIn, bytesOut } = await fs.gzip(file, tmp)
      await fs.rename(tmp, `${file}.gz`)
      // Retention may have deleted the plain file meanwhile; the compressed copy is what counts.
      await fs.unlink(file).catch(() => undefined)
      hooks.compressed(file, bytesIn, bytesOut, clock.now() - started)
      return `${file}.gz`
    } catch (err) {
      await fs.unlink(tmp).catch(() => undefined)
      hooks.failed(new DaemonError('OD_LOG_COMPRESS_FAILED', file, (err as Error).message))
      return null
    }
  }

  return {
    add(file) {
      waiting++
      const result = tail.then(() => compress(file))
      tail = result
      return result
    },
    async idle() {
      await tail
    },
    async stop() {
      stopped = true
      wake()
      await tail
    },
  }
}
