/**
 * One writer per log file (SPECIFICATION.md §9.5, §9.6, §9.8): a byte queue, one write in flight,
 * the flush strategies, size and time rotation, write-error buffering with a recovery marker,
 * and the deleted/renamed-file check. Every file operation runs through one serial queue, so a
 * rotation, truncation or reopen happens between two writes and no byte is lost or duplicated.
 */
import {
  createSerialQueue,
  DaemonError,
  type Clock,
  type ErrorInfo,
  type TimerHandle,
} from '@opendaemon/core'
import { dirname } from 'node:path'
import type { OffsetOf } from '../format/timestamp-format.js'
import type { FlushStrategy } from '../log-options.js'
import { rotatedName, rotationStamp } from '../rotate/rotated-name.js'
import { nextRotationAt } from '../rotate/rotation-schedule.js'
import type { LogFs } from './log-fs.js'
import { lostMarker } from './lost-marker.js'
import { requeueUnwritten, takeBatch, type QueueItem, type WriteOwner } from './write-queue.js'

/** Why a file was rotated. */
export type RotateReason = 'size' | 'time' | 'manual'

/** What a writer reports. */
export interface WriterHooks {
  rotated(file: string, rotatedTo: string, reason: RotateReason): void
  writeError(file: string, error: ErrorInfo, bufferedBytes: number): void
  recovered(file: string, lostBytes: number): void
  warn(error: DaemonError): void
}

/** Timers hold at most 2^31-1 ms (about 24.8 days); a longer wait (a yearly cron) is re-armed. */
const MAX_TIMER_MS = 2_147_483_647

/** The outside world of a writer. */
export interface FileWriterDeps {
  fs: LogFs
  clock: Clock
  /** Runs `fn` at the end of the current event-loop turn (`setImmediate`). */
  defer: (fn: () => void) => void
  hooks: WriterHooks
  /** Bytes kept in memory while writes fail (§9.12 `errorBuffer`). */
  errorBufferBytes: number
  /** Retry period of failed writes. */
  retryMs: number
  offsetOf?: OffsetOf
}

/** The settings of one file. */
export interface FileWriterOptions {
  path: string
  mode: number
  /** 0 = no size rotation. */
  maxSize: number
  /** `'daily'`, `'hourly'` or a checked cron expression; null = no time rotation. */
  rotateInterval: string | null
  flush: FlushStrategy
  flushIntervalMs: number
}

/** A log file being written. */
export interface FileWriter {
  readonly path: string
  /** Queues bytes; `owner` gets them back through `release` once written (or dropped). */
  write(buf: Buffer, owner?: WriteOwner): void
  /** Resolves once everything queued so far is written (or given up on while writes fail). */
  flush(): Promise<void>
  fsync(): Promise<void>
  rotate(reason: RotateReason): Promise<boolean>
  /** Empties the file through its descriptor; resolves to the bytes removed. */
  truncate(): Promise<number>
  /** Closes and reopens by path (external rotation). */
  reopen(): Promise<void>
  /** Reopens when the file was deleted or renamed away (recreating its directory). */
  check(): Promise<void>
  /** Writes everything, fsyncs and closes. */
  close(): Promise<void>
}

const BATCH_BYTES = 64 * 1024
const INTERVAL_BYTES = 1024 * 1024

interface Failure {
  error: ErrorInfo
  lost: number
  lostFrom: number
  lostTo: number
  errno: string
}

function errnoOf(err: unknown): { errno: string; detail: string } {
  const e = err as NodeJS.ErrnoException
  return { errno: typeof e.code === 'string' ? e.code : 'EIO', detail: e.message }
}

/**
 * Creates the writer of one file; the file is opened on the first write.
 *
 * @example
 * ```ts
 * const w = createFileWriter({ path: '/tmp/od-demo/api-out.log', mode: 0o600, maxSize: 0,
 *   rotateInterval: null, flush: 'batch', flushIntervalMs: 1000 }, deps)
 * w.write(Buffer.from('hello\n'))
 * await w.close()
 * ```
 */
export function createFileWriter(opts: FileWriterOptions, deps: FileWriterDeps): FileWriter {
  const { fs, clock, hooks } = deps
  const serial = createSerialQueue()
  const queue: QueueItem[] = []
  let queued = 0
  let fd: number | null = null
  let size = 0
  let pumpQueued = false
  let deferred = false
  let intervalTimer: TimerHandle | null = null
  let retryTimer: TimerHandle | null = null
  let timeTimer: TimerHandle | null = null
  let failure: Failure | null = null
  let rotateBlocked = false
  let closed = false
  const retiring = new Set<Promise<void>>()

  function kick(): void {
    if (pumpQueued) return
    pumpQueued = true
    void serial.run(async () => {
      pumpQueued = false
      await drain()
    })
  }

  function schedule(): void {
    if (opts.flush === 'immediate') kick()
    else if (opts.flush === 'batch') {
      if (queued >= BATCH_BYTES) kick()
      else if (!deferred) {
        deferred = true
        deps.defer(() => {
          deferred = false
          kick()
        })
      }
    } else if (queued >= INTERVAL_BYTES) kick()
    else if (intervalTimer === null) {
      intervalTimer = clock.setTimeout(() => {
        intervalTimer = null
        kick()
      }, opts.flushIntervalMs)
    }
  }

  function dropBeyondBuffer(f: Failure): void {
    while (queued > deps.errorBufferBytes && queue.length > 0) {
      const item = queue.pop() as QueueItem
      queued -= item.buf.length
      f.lost += item.buf.length
      f.lostTo = clock.now()
      if (f.lostFrom === 0) f.lostFrom = f.lostTo
    }
  }

  function fail(err: unknown): void {
    const { errno, detail } = errnoOf(err)
    if (failure === null) {
      const error = new DaemonError('OD_LOG_WRITE_FAILED', opts.path, errno, detail)
      failure = {
        error: { code: error.code, message: error.message },
        lost: 0,
        lostFrom: 0,
        lostTo: 0,
        errno,
      }
      hooks.writeError(opts.path, failure.error, queued)
    }
    // A broken disk never blocks the app: buffered bytes no longer count against its pipes.
    for (const item of queue) {
      item.owner?.release(item.buf.length)
      item.owner = null
    }
    dropBeyondBuffer(failure)
    armRetry()
  }

  function armRetry(): void {
    if (retryTimer !== null || closed) return
    retryTimer = clock.setTimeout(() => {
      retryTimer = null
      kick()
    }, deps.retryMs)
  }

  function recover(): void {
    const f = failure as Failure
    failure = null
    if (f.lost > 0) {
      const marker = lostMarker(f.lost, f.lostFrom, f.lostTo, f.errno, deps.offsetOf)
      queue.push({ buf: marker, owner: null })
      queued += marker.length
    }
    hooks.recovered(opts.path, f.lost)
  }

  async function open(): Promise<boolean> {
    try {
      await fs.mkdir(dirname(opts.path), 0o700)
      const handle = await fs.open(opts.path, opts.mode)
      fd = handle
      size = (await fs.fstat(handle)).size
      return true
    } catch (err) {
      fail(err)
      return false
    }
  }

  async function writeBatch(items: QueueItem[], bytes: number): Promise<boolean> {
    try {
      const written = await fs.writev(
        fd as number,
        items.map((i) => i.buf),
      )
      size += written
      queued -= written
      if (written < bytes) requeueUnwritten(queue, items, written)
      else for (const item of items) item.owner?.release(item.buf.length)
      if (failure !== null) recover()
      return true
    } catch (err) {
      queue.unshift(...items)
      fail(err)
      return false
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      if (fd === null && !(await open())) return
      const limit = opts.maxSize > 0 && !rotateBlocked ? opts.maxSize : Infinity
      const batch = takeBatch(queue, size, limit)
      if (batch.kind === 'rotate') {
        if (!(await rotateNow('size'))) rotateBlocked = true
        continue
      }
      if (!(await writeBatch(batch.items, batch.bytes))) return
    }
  }

  async function freeName(): Promise<string> {
    const stamp = rotationStamp(clock.now(), deps.offsetOf)
    const taken = async (file: string): Promise<boolean> =>
      (await fs.stat(file)) !== null || (await fs.stat(`${file}.gz`)) !== null
    let seq = 0
    while (await taken(rotatedName(opts.path, stamp, seq))) seq++
    return rotatedName(opts.path, stamp, seq)
  }

  // The old file is fsynced and closed in the background, so the app's output keeps flowing into
  // the new file meanwhile; its rotation is reported (and gzipped) once it is on disk.
  async function rotateNow(reason: RotateReason): Promise<boolean> {
    if (fd === null || size === 0) return false
    const old = fd
    let target: string
    try {
      target = await freeName()
      await fs.rename(opts.path, target)
    } catch (err) {
      hooks.warn(new DaemonError('OD_LOG_ROTATE_FAILED', opts.path, errnoOf(err).detail))
      return false
    }
    fd = null
    size = 0
    const retired = fs
      .fsync(old)
      .catch(() => undefined)
      .then(() => fs.close(old).catch(() => undefined))
      .then(() => hooks.rotated(opts.path, target, reason))
    retiring.add(retired)
    void retired.then(() => retiring.delete(retired))
    await open()
    return true
  }

  // Re-armed from the due time, not the clock, so a timer firing a little early cannot rotate twice.
  function armTimeRotation(after = clock.now()): void {
    const interval = opts.rotateInterval
    if (interval === null || closed) return
    const now = clock.now()
    const due = nextRotationAt(Math.max(now, after), interval, deps.offsetOf)
    const wait = due - now
    timeTimer = clock.setTimeout(
      () => {
        if (wait > MAX_TIMER_MS) {
          armTimeRotation()
          return
        }
        void serial.run(async () => {
          await drain()
          await rotateNow('time')
        })
        armTimeRotation(due)
      },
      Math.min(wait, MAX_TIMER_MS),
    )
  }

  async function closeFd(): Promise<void> {
    if (fd === null) return
    const old = fd
    fd = null
    await fs.close(old).catch(() => undefined)
  }

  armTimeRotation()

  return {
    path: opts.path,
    write(buf, owner) {
      if (buf.length === 0) return
      queued += buf.length
      if (failure !== null) {
        owner?.release(buf.length)
        queue.push({ buf, owner: null })
        dropBeyondBuffer(failure)
        // The last retry may have found nothing to write: this output needs one.
        armRetry()
        return
      }
      queue.push({ buf, owner: owner ?? null })
      schedule()
    },
    flush: () => serial.run(drain),
    fsync: () =>
      serial.run(async () => {
        await drain()
        if (fd !== null) await fs.fsync(fd).catch(() => undefined)
      }),
    rotate: (reason) =>
      serial.run(async () => {
        await drain()
        if (fd === null && !(await open())) return false
        return rotateNow(reason)
      }),
    truncate: () =>
      serial.run(async () => {
        await drain()
        if (fd === null) return 0
        const removed = size
        await fs.ftruncate(fd, 0)
        size = 0
        return removed
      }),
    reopen: () =>
      serial.run(async () => {
        await drain()
        await closeFd()
        await open()
      }),
    check: () =>
      serial.run(async () => {
        rotateBlocked = false
        if (fd === null) return
        const [held, atPath] = await Promise.all([fs.fstat(fd), fs.stat(opts.path)])
        if (held.nlink > 0 && atPath !== null && atPath.ino === held.ino) return
        hooks.warn(new DaemonError('OD_LOG_DIR_MISSING', opts.path))
        await closeFd()
        await open()
        await drain()
      }),
    close: () =>
      serial.run(async () => {
        closed = true
        for (const t of [intervalTimer, retryTimer, timeTimer]) if (t !== null) clock.clearTimeout(t)
        await drain()
        if (fd !== null) await fs.fsync(fd).catch(() => undefined)
        await closeFd()
        await Promise.all([...retiring])
      }),
  }
}
