/**
 * The recent output of one instance, both streams, for crash records (SPECIFICATION.md §9.7).
 * Keeping a line list would frame every byte; this keeps references to the last chunks (bounded in
 * bytes) and frames them only when a crash record is written. Pure apart from holding buffers.
 */
import { createLineFramer } from '../format/line-framer.js'

/** One line of a crash record. */
export interface CrashLine {
  timestamp: string
  source: 'stdout' | 'stderr'
  message: string
}

/** The recent chunks of an instance. */
export interface RecentOutput {
  push(source: 'stdout' | 'stderr', at: number, chunk: Buffer): void
  /** The last `n` lines, oldest first (a line cut by the byte bound is left out). */
  lines(n: number): CrashLine[]
}

interface Chunk {
  source: 'stdout' | 'stderr'
  at: number
  buf: Buffer
}

/**
 * Creates the buffer.
 *
 * @param capacity - Bytes kept (at least the last chunk is always kept).
 * @example
 * ```ts
 * const recent = createRecentOutput(64 * 1024)
 * recent.push('stderr', 0, Buffer.from('TypeError: x\n'))
 * recent.lines(10) // [{ timestamp: '1970-01-01T00:00:00.000Z', source: 'stderr', message: 'TypeError: x' }]
 * ```
 */
export function createRecentOutput(capacity: number): RecentOutput {
  let chunks: Chunk[] = []
  let bytes = 0
  const evicted = { stdout: false, stderr: false }

  return {
    push(source, at, buf) {
      chunks.push({ source, at, buf })
      bytes += buf.length
      let drop = 0
      while (bytes - (chunks[drop] as Chunk).buf.length >= capacity && drop < chunks.length - 1) {
        const old = chunks[drop] as Chunk
        bytes -= old.buf.length
        evicted[old.source] = true
        drop++
      }
      if (drop > 0) chunks = chunks.slice(drop)
    },
    lines(n) {
      const framers = {
        stdout: createLineFramer(Number.MAX_SAFE_INTEGER),
        stderr: createLineFramer(Number.MAX_SAFE_INTEGER),
      }
      const skip = { ...evicted }
      const out: CrashLine[] = []
      const add = (source: 'stdout' | 'stderr', at: number, bytes: Buffer): void => {
        if (skip[source]) {
          skip[source] = false
          return
        }
        const text = bytes.toString('utf8')
        out.push({
          timestamp: new Date(at).toISOString(),
          source,
          message: text.endsWith('\r') ? text.slice(0, -1) : text,
        })
      }
      let lastAt = { stdout: 0, stderr: 0 }
      for (const chunk of chunks) {
        for (const line of framers[chunk.source].push(chunk.buf)) add(chunk.source, chunk.at, line.bytes)
        lastAt = { ...lastAt, [chunk.source]: chunk.at }
      }
      for (const source of ['stdout', 'stderr'] as const) {
        const rest = framers[source].flush()
        if (rest !== null) add(source, lastAt[source], rest.bytes)
      }
      return n <= 0 ? [] : out.slice(-n)
    },
  }
}
