/**
 * Reading one pipe (stdout or stderr of one instance) into its files (SPECIFICATION.md §9.2,
 * §9.6). Raw mode is a byte-exact fast path: the chunk goes to the writers as read, and lines are
 * framed only when the storage mode needs it or someone follows live. Queued plus in-flight bytes
 * are bounded by the high-water mark: above it the pipe is paused (the app then blocks on its own
 * writes, so only the disk can slow it); reading resumes below half the mark.
 */
import type { Clock, TimerHandle } from '@opendaemon/core'
import type { Readable } from 'node:stream'
import { createLineFramer, type FramedLine, type LineFramer } from '../format/line-framer.js'
import { formatLines, type LineFormat } from '../format/line-format.js'
import type { EntrySource } from '../format/log-entry.js'
import type { LineHub } from '../live/line-hub.js'
import type { RecentOutput } from '../crash/recent-output.js'
import type { FileWriter } from './file-writer.js'

/** What a capture needs. */
export interface StreamCaptureOptions {
  stream: Readable
  src: EntrySource
  /** The instance index, for live lines. */
  instance: number
  writers: readonly FileWriter[]
  /** null = raw. */
  format: LineFormat | null
  /** Raw bytes go out in whole lines (the file is shared with other streams). */
  align: boolean
  maxLineLength: number
  recent: RecentOutput | null
  hub: LineHub
  clock: Clock
  highWaterMark: number
  partialFlushMs: number
  /** Updated with the time of every chunk read (background work yields while apps write). */
  activity?: { last: number }
}

/** A pipe being captured. */
export interface StreamCapture {
  /** Resolves once the pipe ended and everything read was handed to the writers. */
  readonly ended: Promise<void>
  /** Stops reading now (a pipe a grandchild keeps open), emitting what waits. */
  finish(): void
  /** Whether the pipe is paused by backpressure. */
  readonly paused: boolean
}

/**
 * Starts capturing a pipe.
 *
 * @example
 * ```ts
 * const cap = captureStream({ stream: child.stdout, src, instance: 0, writers: [out], format: null,
 *   align: false, maxLineLength: 1 << 20, recent: null, hub, clock: systemClock,
 *   highWaterMark: 512 * 1024, partialFlushMs: 1000 })
 * await cap.ended
 * ```
 */
export function captureStream(o: StreamCaptureOptions): StreamCapture {
  const { stream, clock, hub } = o
  let framer: LineFramer | null = null
  /** The raw bytes so far end with a newline (framing may start here). */
  let atLineStart = true
  let carry: Buffer | null = null
  let pending = 0
  let paused = false
  let lastDataAt = 0
  let timer: TimerHandle | null = null
  let done = false
  let resolveEnded!: () => void
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve))

  const owner = {
    release(n: number) {
      pending -= n
      if (paused && pending <= o.highWaterMark / 2) {
        paused = false
        // Time spent paused by us is not the app being idle (§9.2 partial-line timeout).
        lastDataAt = clock.now()
        if (!done) stream.resume()
      }
    },
  }

  function toWriters(buf: Buffer): void {
    if (buf.length === 0) return
    for (const w of o.writers) {
      pending += buf.length
      w.write(buf, owner)
    }
    if (!paused && pending > o.highWaterMark) {
      paused = true
      stream.pause()
    }
  }

  function publish(lines: readonly FramedLine[], at: number): void {
    for (const line of lines) {
      const text = line.bytes.toString('utf8')
      hub.publish({
        id: o.src.id,
        name: o.src.processName,
        instance: o.instance,
        source: o.src.source,
        at,
        message: text.endsWith('\r') ? text.slice(0, -1) : text,
        ...(line.partial ? { partial: true } : {}),
        ...(line.cont ? { cont: true } : {}),
      })
    }
  }

  function rawAligned(chunk: Buffer): void {
    const data = carry === null ? chunk : Buffer.concat([carry, chunk])
    const nl = data.lastIndexOf(0x0a)
    const keep = nl === -1 ? data : data.subarray(nl + 1)
    if (keep.length > o.maxLineLength) {
      carry = null
      toWriters(data)
      return
    }
    carry = keep.length === 0 ? null : keep
    toWriters(nl === -1 ? Buffer.alloc(0) : data.subarray(0, nl + 1))
  }

  function emitPartial(): void {
    const at = clock.now()
    if (carry !== null) {
      toWriters(carry)
      carry = null
    }
    const line = framer?.flush() ?? null
    if (line === null) return
    if (o.format !== null) toWriters(formatLines([line], o.format, o.src, at))
    if (hub.active) publish([line], at)
  }

  function armPartial(): void {
    if (timer !== null || (carry === null && (framer?.pending ?? 0) === 0)) return
    timer = clock.setTimeout(onIdleCheck, o.partialFlushMs)
  }

  function onIdleCheck(): void {
    timer = null
    const idle = clock.now() - lastDataAt
    if (idle >= o.partialFlushMs && !paused) emitPartial()
    else timer = clock.setTimeout(onIdleCheck, paused ? o.partialFlushMs : o.partialFlushMs - idle)
  }

  function onData(chunk: Buffer): void {
    const at = clock.now()
    lastDataAt = at
    if (o.activity !== undefined) o.activity.last = at
    o.recent?.push(o.src.source, at, chunk)
    const live = hub.active
    if (o.format === null && !live) {
      framer = null
      atLineStart = chunk[chunk.length - 1] === 0x0a
      if (o.align) rawAligned(chunk)
      else toWriters(chunk)
    } else {
      // A follower joining in the middle of a line must not see its tail as a line.
      const joinedMidLine = framer === null && !atLineStart
      framer ??= createLineFramer(o.maxLineLength)
      const lines = framer.push(chunk)
      if (o.format !== null) {
        if (lines.length > 0) toWriters(formatLines(lines, o.format, o.src, at))
      } else if (o.align) rawAligned(chunk)
      else toWriters(chunk)
      if (live) publish(joinedMidLine ? lines.slice(1) : lines, at)
    }
    armPartial()
  }

  function end(): void {
    if (done) return
    done = true
    if (timer !== null) clock.clearTimeout(timer)
    stream.off('data', onData)
    emitPartial()
    resolveEnded()
  }

  stream.on('data', onData)
  stream.once('end', end)
  stream.once('close', end)
  stream.once('error', end)

  return {
    ended,
    get paused() {
      return paused
    },
    finish() {
      if (done) return
      end()
      stream.destroy()
    },
  }
}
