/**
 * The write side of the log manager: attaches each spawned instance's pipes to its files, keeps
 * crash records, and serves flush, reload and sync. The process manager sees it through the
 * `AppLogSink` seam (`attach`, `paths`, `lastCrash`).
 */
import type { Clock, EventBus, EventMap, Logger } from '@opendaemon/core'
import type { Readable } from 'node:stream'
import { appendCrashRecord, readCrashRecords, type CrashRecord } from './crash/crash-store.js'
import { createRecentOutput, type RecentOutput } from './crash/recent-output.js'
import type { LineFormat } from './format/line-format.js'
import { compileDateFormat, type OffsetOf } from './format/timestamp-format.js'
import type { LineHub } from './live/line-hub.js'
import { parseLogOptions, type LogOptions } from './log-options.js'
import { logFilesOf, type LogFiles } from './log-paths.js'
import { createCompressor, type Compressor } from './rotate/compressor.js'
import type { LogFs } from './write/log-fs.js'
import { captureStream, type StreamCapture } from './write/stream-capture.js'
import { createWriterPool, type FileSource, type WriterPool } from './write/writer-pool.js'

/** An instance handed over by the process manager. Fields beyond `id`/`name` are optional for old callers. */
export interface SinkTarget {
  id: number
  name: string
  namespace?: string
  instance?: number
  instances?: number
  pid?: number
  cwd?: string
  tags?: readonly string[]
  /** The app's log fields under their canonical names (see `LOG_FIELDS`). */
  logs?: Readonly<Record<string, unknown>> | undefined
}

/** How an instance ended, as the supervisor knows it. */
export interface SinkExit {
  code: number | null
  signal: string | null
  uptimeMs: number
  /** Non-zero code, a signal OD did not send, or a ready timeout (§9.7). */
  abnormal: boolean
  reason: 'crash' | 'ready-timeout'
}

/** One attached instance. */
export interface AttachedOutput {
  /** Resolves once everything read is written (after the pipes end, or the drain timeout). */
  close(): Promise<void>
  /** Reports the exit; an abnormal one writes a crash record once the pipes are drained. */
  exited(exit: SinkExit): void
}

/** Daemon-wide settings (§9.12). */
export interface LogSettings {
  dir: string
  highWaterMark: number
  errorBuffer: number
  partialFlushMs: number
  retryMs: number
  /** How long `close()` waits for pipes a grandchild keeps open. */
  drainTimeoutMs: number
  defaults: LogOptions
}

/** What the manager needs. */
export interface LogManagerDeps {
  fs: LogFs
  clock: Clock
  defer: (fn: () => void) => void
  events: Pick<EventBus<EventMap>, 'emit'>
  logger: Logger
  hub: LineHub
  settings: LogSettings
  offsetOf?: OffsetOf
}

/** An app the manager has seen (selectors of `log.flush` match these). */
export interface KnownInstance {
  id: number
  name: string
  namespace: string
  instance: number
  tags: readonly string[]
  files: LogFiles
}

/** The write side. */
export interface LogManager {
  attach(target: SinkTarget, stdout: Readable, stderr: Readable): AttachedOutput
  paths(target: SinkTarget): { out: string; err: string }
  /** The newest crash record of an instance (kept in memory; loaded when the instance is attached). */
  lastCrash(target: SinkTarget): CrashRecord | null
  known(): KnownInstance[]
  readonly pool: WriterPool
  readonly compressor: Compressor
  /** Resolves once every attached instance's output is written. */
  drainAll(): Promise<void>
}

const keyOf = (name: string, instance: number): string => `${name}\u0000${instance}`
const instancesOf = (target: SinkTarget): number => target.instances ?? 1
/** Output read this recently means apps are writing. */
const BUSY_MS = 500

/**
 * Creates the write side.
 *
 * @example
 * ```ts
 * const logs = createLogManager(deps)
 * const attached = logs.attach({ id: 0, name: 'api' }, child.stdout, child.stderr)
 * await attached.close()
 * ```
 */
export function createLogManager(deps: LogManagerDeps): LogManager {
  const { settings, clock } = deps
  const known = new Map<string, KnownInstance>()
  const crashes = new Map<string, CrashRecord>()
  const active = new Set<Promise<void>>()
  // gzip waits while apps write (up to a backlog), so a flood does not share the CPU with it.
  const activity = { last: Number.NEGATIVE_INFINITY }
  const compressor = createCompressor(
    deps.fs,
    clock,
    {
      compressed: (file, bytesIn, bytesOut, durationMs) =>
        deps.events.emit('log:compressed', { file, bytesIn, bytesOut, durationMs, at: clock.now() }),
      failed: (error) => deps.logger.warn(error.message, { code: error.code }),
    },
    { busy: () => clock.now() - activity.last < BUSY_MS, waitMs: 250, maxBacklog: 16 },
  )
  const pool = createWriterPool({
    fs: deps.fs,
    clock,
    defer: deps.defer,
    events: deps.events,
    logger: deps.logger,
    compressor,
    errorBufferBytes: settings.errorBuffer,
    retryMs: settings.retryMs,
    ...(deps.offsetOf === undefined ? {} : { offsetOf: deps.offsetOf }),
  })

  function optionsOf(target: SinkTarget): LogOptions {
    try {
      return parseLogOptions(target.logs ?? {}, settings.defaults)
    } catch (err) {
      // A stored spec from an older version may hold values this version rejects: log, use defaults.
      deps.logger.warn(`${target.name}: ${(err as Error).message}; using the default log settings`)
      return settings.defaults
    }
  }

  function filesOf(target: SinkTarget, opts: LogOptions): LogFiles {
    const app = {
      name: target.name,
      instance: target.instance ?? 0,
      instances: instancesOf(target),
      cwd: target.cwd ?? settings.dir,
    }
    return logFilesOf(app, opts, settings.dir)
  }

  function formatOf(opts: LogOptions): LineFormat | null {
    if (opts.logType === 'json') return { kind: 'json' }
    if (opts.dateFormat === null) return null
    return { kind: 'prefixed', stamp: compileDateFormat(opts.dateFormat, deps.offsetOf) }
  }

  function remember(target: SinkTarget, files: LogFiles): number {
    const instance = target.instance ?? 0
    const key = keyOf(target.name, instance)
    known.set(key, {
      id: target.id,
      name: target.name,
      namespace: target.namespace ?? 'default',
      instance,
      tags: target.tags ?? [],
      files,
    })
    if (!crashes.has(key)) {
      void readCrashRecords(deps.fs, settings.dir, target.name, instance).then((records) => {
        const last = records.at(-1)
        if (last !== undefined && !crashes.has(key)) crashes.set(key, last)
      })
    }
    return instance
  }

  async function saveCrash(
    target: SinkTarget,
    instance: number,
    exit: SinkExit,
    recent: RecentOutput,
    lines: number,
  ): Promise<void> {
    const record: CrashRecord = {
      id: target.id,
      name: target.name,
      instance,
      pid: target.pid ?? null,
      at: clock.now(),
      code: exit.code,
      signal: exit.signal,
      uptimeMs: exit.uptimeMs,
      reason: exit.reason,
      lines: recent.lines(lines),
    }
    crashes.set(keyOf(target.name, instance), record)
    try {
      const file = await appendCrashRecord(deps.fs, settings.dir, record)
      deps.events.emit('log:crash-saved', {
        id: target.id,
        name: target.name,
        instance,
        lines: record.lines.length,
        file,
        at: clock.now(),
      })
    } catch (err) {
      deps.logger.warn(`could not save the crash record of ${target.name}: ${(err as Error).message}`)
    }
  }

  function attach(target: SinkTarget, stdout: Readable, stderr: Readable): AttachedOutput {
    const opts = optionsOf(target)
    const files = filesOf(target, opts)
    const instance = remember(target, files)
    const acquired: string[] = []
    const writerFor = (path: string | null, source: FileSource) => {
      if (path === null) return []
      acquired.push(path)
      return [pool.acquire(path, { name: target.name, instance: target.instance ?? null, source }, opts)]
    }
    const outW = writerFor(files.out, 'stdout')
    const errW = writerFor(files.err, 'stderr')
    const combW = writerFor(files.combined, 'combined')
    const recent =
      opts.crashLogLines > 0
        ? createRecentOutput(Math.min(4 << 20, Math.max(64 << 10, opts.crashLogLines << 10)))
        : null
    const format = formatOf(opts)
    const align = combW.length > 0 || (opts.mergeLogs && instancesOf(target) > 1)
    const common = {
      instance,
      format,
      align,
      maxLineLength: opts.maxLineLength,
      recent,
      hub: deps.hub,
      clock,
      highWaterMark: settings.highWaterMark,
      partialFlushMs: settings.partialFlushMs,
      activity,
    }
    const src = (source: 'stdout' | 'stderr') => ({
      pid: target.pid ?? 0,
      processName: target.name,
      instanceId: instance,
      id: target.id,
      namespace: target.namespace ?? 'default',
      source,
    })
    const captures: StreamCapture[] = [
      captureStream({ ...common, stream: stdout, src: src('stdout'), writers: [...outW, ...combW] }),
      captureStream({ ...common, stream: stderr, src: src('stderr'), writers: [...errW, ...combW] }),
    ]
    let exit: SinkExit | null = null
    let drained = false
    const crashIfDue = (): Promise<void> =>
      exit !== null && exit.abnormal && drained && recent !== null
        ? saveCrash(target, instance, exit, recent, opts.crashLogLines)
        : Promise.resolve()
    const done = Promise.all(captures.map((c) => c.ended))
      .then(() => Promise.all(acquired.map((path) => pool.get(path)?.flush())))
      .then(async () => {
        drained = true
        await crashIfDue()
        await Promise.all(acquired.map((path) => pool.release(path)))
      })
    active.add(done)
    void done.then(() => active.delete(done))
    return {
      exited(e) {
        exit = e
        if (drained) void crashIfDue()
      },
      async close() {
        const timer = clock.setTimeout(() => captures.forEach((c) => c.finish()), settings.drainTimeoutMs)
        await done
        clock.clearTimeout(timer)
      },
    }
  }

  return {
    attach,
    paths(target) {
      const files = filesOf(target, optionsOf(target))
      return { out: files.out ?? '/dev/null', err: files.err ?? '/dev/null' }
    },
    lastCrash: (target) => crashes.get(keyOf(target.name, target.instance ?? 0)) ?? null,
    known: () => [...known.values()],
    pool,
    compressor,
    async drainAll() {
      await Promise.all([...active])
    },
  }
}
