/**
 * Reading a text file backwards, line by line, in fixed-size blocks: the last lines of a 1 GB log cost
 * a few block reads, not a scan of the whole file (SPECIFICATION.md §9.9).
 */
import { open, type FileHandle } from 'node:fs/promises'

const NEWLINE = 0x0a
const CARRIAGE_RETURN = 0x0d

/** Options of {@link readLinesBackward}. */
export interface ReverseReadOptions {
  /** Bytes read per step, from the end backwards. Default 64 KiB. */
  blockSize?: number
  /** Read as if the file ended at this byte offset (default: its current size). */
  end?: number
  /**
   * Longest line kept whole (default 64 MiB, the largest `maxLineLength`). Of a longer line (a raw
   * file's endless line) only its last `maxLineBytes` are yielded, so memory stays bounded.
   */
  maxLineBytes?: number
}

function decode(buffer: Buffer, start: number, end: number): string {
  const stop = end > start && buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end
  return buffer.toString('utf8', start, stop)
}

async function readBlock(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  // Regular files return the whole range; a file that shrank meanwhile returns less.
  const block = Buffer.allocUnsafe(length)
  const { bytesRead } = await handle.read(block, 0, length, position)
  return block.subarray(0, bytesRead)
}

async function openIfExists(path: string): Promise<FileHandle | null> {
  try {
    return await open(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/**
 * Yields the lines of the file at `path` from the last to the first. A final newline ends the last
 * line rather than starting an empty one, a last line without newline is still a line, and `\r\n`
 * endings lose their `\r`. A missing file has no lines. Stop iterating early to stop reading.
 *
 * @example
 * ```ts
 * import { readLinesBackward } from '@opendaemon/core'
 *
 * for await (const line of readLinesBackward('/home/me/.opendaemon/logs/api-out.log')) {
 *   if (line.includes('ready')) break
 * }
 * ```
 * @since 0.1.0
 */
export async function* readLinesBackward(
  path: string,
  options: ReverseReadOptions = {},
): AsyncGenerator<string, void, undefined> {
  const blockSize = Math.max(1, options.blockSize ?? 64 * 1024)
  const maxLine = Math.max(1, options.maxLineBytes ?? 64 * 1024 * 1024)
  const handle = await openIfExists(path)
  if (handle === null) return
  try {
    const size = Math.min(options.end ?? Infinity, (await handle.stat()).size)
    let position = size
    let carry: Buffer = Buffer.alloc(0)
    // The end of a line longer than maxLine, held while the blocks before it are skipped to its start.
    let longTail: Buffer | null = null
    let first = true
    while (position > 0) {
      const length = Math.min(blockSize, position)
      position -= length
      const block = await readBlock(handle, position, length)
      let buffer: Buffer = carry.length === 0 ? block : Buffer.concat([block, carry])
      if (longTail !== null) {
        const start = block.lastIndexOf(NEWLINE)
        if (start === -1) continue
        yield decode(longTail, 0, longTail.length)
        longTail = null
        buffer = block.subarray(0, start)
      }
      if (first && buffer[buffer.length - 1] === NEWLINE) buffer = buffer.subarray(0, -1)
      first = false
      let end = buffer.length
      let at = end > 0 ? buffer.lastIndexOf(NEWLINE, end - 1) : -1
      while (at !== -1) {
        yield decode(buffer, at + 1, end)
        end = at
        at = end > 0 ? buffer.lastIndexOf(NEWLINE, end - 1) : -1
      }
      carry = buffer.subarray(0, end)
      if (carry.length > maxLine) {
        longTail = Buffer.from(carry.subarray(carry.length - maxLine))
        carry = Buffer.alloc(0)
      }
    }
    if (longTail !== null) yield decode(longTail, 0, longTail.length)
    else if (size > 0) yield decode(carry, 0, carry.length)
  } finally {
    await handle.close()
  }
}

/**
 * The last `count` lines of a file, oldest first (see {@link readLinesBackward}).
 *
 * @example
 * ```ts
 * import { readLastLines } from '@opendaemon/core'
 *
 * const last = await readLastLines('/home/me/.opendaemon/daemon.log', 50)
 * ```
 * @since 0.1.0
 */
export async function readLastLines(
  path: string,
  count: number,
  options: ReverseReadOptions = {},
): Promise<string[]> {
  const lines: string[] = []
  if (count <= 0) return lines
  for await (const line of readLinesBackward(path, options)) {
    lines.push(line)
    if (lines.length >= count) break
  }
  return lines.reverse()
}
