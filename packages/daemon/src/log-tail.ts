/**
 * Reading the end of a log file without reading the whole file: `od daemon logs` uses it on
 * `daemon.log`, which may be 10 MiB.
 */
import { open } from 'node:fs/promises'

const NEWLINE = 0x0a

/**
 * The last `count` lines of `text`. A final newline does not start an empty line; `\r\n` endings
 * lose their `\r`.
 *
 * @example
 * ```ts
 * import { tailLines } from '@opendaemon/daemon'
 *
 * tailLines('a\nb\nc\n', 2) // ['b', 'c']
 * ```
 * @since 0.1.0
 */
export function tailLines(text: string, count: number): string[] {
  if (count <= 0 || text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines.slice(-count).map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
}

/** Options of {@link readLogTail}. */
export interface LogTailOptions {
  /** Bytes read per step, from the end backwards. Default 64 KiB. */
  chunkBytes?: number
}

/**
 * The last `lines` lines of the file at `path`, read backwards from its end in chunks until enough
 * lines are found. A missing file has no lines.
 *
 * @example
 * ```ts
 * import { readLogTail } from '@opendaemon/daemon'
 *
 * const last = await readLogTail('/home/me/.opendaemon/daemon.log', 50)
 * ```
 * @since 0.1.0
 */
export async function readLogTail(
  path: string,
  lines: number,
  options: LogTailOptions = {},
): Promise<string[]> {
  if (lines <= 0) return []
  const chunkBytes = options.chunkBytes ?? 64 * 1024
  let handle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  try {
    const chunks: Buffer[] = []
    let position = (await handle.stat()).size
    let newlines = 0
    // One newline more than wanted proves the first kept line is complete (a final newline ends,
    // rather than starts, a line).
    while (position > 0 && newlines <= lines) {
      const length = Math.min(chunkBytes, position)
      position -= length
      const chunk = Buffer.alloc(length)
      const { bytesRead } = await handle.read(chunk, 0, length, position)
      const data = chunk.subarray(0, bytesRead)
      chunks.unshift(data)
      for (const byte of data) if (byte === NEWLINE) newlines++
    }
    return tailLines(Buffer.concat(chunks).toString('utf8'), lines)
  } finally {
    await handle.close()
  }
}
