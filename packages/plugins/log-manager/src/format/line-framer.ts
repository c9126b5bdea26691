/**
 * Line framing (SPECIFICATION.md §9.2): bytes in, lines out. A line ends at `\n` (the `\n` is not
 * part of it); bytes after the last newline wait for the next chunk; a line longer than
 * `maxLineLength` is cut into pieces (at a UTF-8 character boundary when one exists in the last 4
 * bytes), pieces after the first marked `cont`. Pure: no clock, no I/O; the caller decides when a
 * waiting partial line is emitted (idle timeout, exit) by calling `flush()`.
 */

/** One framed line (or piece of a long line), without its newline. */
export interface FramedLine {
  bytes: Buffer
  /** Emitted without a newline (idle timeout or the end of the stream). */
  partial: boolean
  /** A piece after the first of a line longer than `maxLineLength`. */
  cont: boolean
}

/** A stateful framer for one stream. */
export interface LineFramer {
  /** Frames a chunk; returns the lines it completed (possibly none). */
  push(chunk: Buffer): FramedLine[]
  /** Emits the bytes waiting after the last newline as a partial line, or null when none wait. */
  flush(): FramedLine | null
  /** Bytes waiting for a newline. */
  readonly pending: number
}

const NEWLINE = 0x0a

/**
 * Where to cut `buf` so the first piece is at most `max` bytes: at `max`, or a little before it so
 * a multi-byte UTF-8 character is not split (looking back at most 3 bytes).
 */
export function utf8Cut(buf: Buffer, max: number): number {
  for (let p = max; p > max - 4 && p > 0; p--) {
    if (((buf[p] as number) & 0xc0) !== 0x80) return p
  }
  return max
}

/**
 * Creates a framer.
 *
 * @param maxLineLength - Longest piece emitted, in bytes.
 * @example
 * ```ts
 * const framer = createLineFramer(1024 * 1024)
 * framer.push(Buffer.from('a\nb')) // [{ bytes: <a>, partial: false, cont: false }]
 * framer.flush() // { bytes: <b>, partial: true, cont: false }
 * ```
 */
export function createLineFramer(maxLineLength: number): LineFramer {
  let parts: Buffer[] = []
  let size = 0
  let cont = false

  function take(): Buffer {
    const bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size)
    parts = []
    size = 0
    return bytes
  }

  function append(segment: Buffer, out: FramedLine[]): void {
    if (size + segment.length <= maxLineLength) {
      if (segment.length > 0) {
        parts.push(segment)
        size += segment.length
      }
      return
    }
    parts.push(segment)
    size += segment.length
    let buf = take()
    while (buf.length > maxLineLength) {
      const cut = utf8Cut(buf, maxLineLength)
      out.push({ bytes: buf.subarray(0, cut), partial: false, cont })
      cont = true
      buf = buf.subarray(cut)
    }
    parts = [buf]
    size = buf.length
  }

  return {
    get pending() {
      return size
    },
    push(chunk) {
      const out: FramedLine[] = []
      let start = 0
      for (;;) {
        const nl = chunk.indexOf(NEWLINE, start)
        if (nl === -1) break
        append(chunk.subarray(start, nl), out)
        out.push({ bytes: size === 0 ? Buffer.alloc(0) : take(), partial: false, cont })
        cont = false
        start = nl + 1
      }
      if (start < chunk.length) append(chunk.subarray(start), out)
      return out
    },
    flush() {
      if (size === 0) return null
      const line = { bytes: take(), partial: true, cont }
      cont = false
      return line
    },
  }
}
