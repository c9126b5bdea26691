/**
 * Reading a file forwards, line by line, decompressing `.gz` files as a stream (gzip cannot be read
 * backwards). Used for rotated, compressed files.
 */
import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'

const NEWLINE = 0x0a
const CARRIAGE_RETURN = 0x0d

function decode(buffer: Buffer, start: number, end: number): string {
  const stop = end > start && buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end
  return buffer.toString('utf8', start, stop)
}

function open(path: string, compressed: boolean): Readable {
  const file = createReadStream(path)
  if (!compressed) return file
  const gunzip = createGunzip()
  file.on('error', (error) => gunzip.destroy(error))
  return file.pipe(gunzip)
}

/**
 * Yields the lines of `path` from the first to the last (a final newline does not start an empty
 * line; `\r\n` loses its `\r`). Of a line longer than `maxLineBytes` (default 64 MiB) only its first
 * `maxLineBytes` are yielded, so memory stays bounded. Errors (missing file, truncated gzip) reject
 * the iteration.
 *
 * @example
 * ```ts
 * for await (const line of readLinesForward('/l/api-out__2026-11-22_03-04-05.log.gz', true)) count++
 * ```
 */
export async function* readLinesForward(
  path: string,
  compressed: boolean,
  maxLineBytes = 64 * 1024 * 1024,
): AsyncGenerator<string, void, undefined> {
  const stream = open(path, compressed)
  let carry: Buffer = Buffer.alloc(0)
  // After a too-long line was yielded: its remaining bytes are skipped up to the next newline.
  let skipping = false
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0
      if (skipping) {
        const end = chunk.indexOf(NEWLINE)
        if (end === -1) continue
        skipping = false
        start = end + 1
      }
      const buffer: Buffer = carry.length === 0 ? chunk : Buffer.concat([carry, chunk])
      let at = buffer.indexOf(NEWLINE, start)
      while (at !== -1) {
        yield decode(buffer, start, at)
        start = at + 1
        at = buffer.indexOf(NEWLINE, start)
      }
      carry = buffer.subarray(start)
      if (carry.length > maxLineBytes) {
        yield decode(carry, 0, maxLineBytes)
        carry = Buffer.alloc(0)
        skipping = true
      }
    }
    if (carry.length > 0) yield decode(carry, 0, carry.length)
  } finally {
    stream.destroy()
  }
}
