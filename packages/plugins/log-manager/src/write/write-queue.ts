/**
 * The byte queue of one log file: buffers tagged with the stream that queued them (so its bytes
 * can be released for backpressure once written), and the pure rule for the next write's batch
 * under a size limit: whole buffers while they fit, then up to the last newline that fits.
 */

/** A stream whose queued bytes count against its high-water mark. */
export interface WriteOwner {
  release(bytes: number): void
}

/** One queued buffer. */
export interface QueueItem {
  buf: Buffer
  owner: WriteOwner | null
}

/** The most buffers handed to one `writev`. */
export const MAX_BATCH_BUFFERS = 1024

const NEWLINE = 0x0a

/** The next write: items to write now, or `rotate` first. */
export type Batch = { kind: 'write'; items: QueueItem[]; bytes: number } | { kind: 'rotate' }

function split(queue: QueueItem[], at: number): QueueItem {
  const item = queue[0] as QueueItem
  queue[0] = { buf: item.buf.subarray(at), owner: item.owner }
  return { buf: item.buf.subarray(0, at), owner: item.owner }
}

/**
 * Takes the next batch off the front of `queue` (mutating it). With a size limit, a batch never
 * takes the file past `limit` bytes unless a single line is longer than the limit, which then goes
 * alone into an empty file.
 *
 * @param size - The file's current size.
 * @param limit - Size limit in bytes; `Infinity` for none.
 * @example
 * ```ts
 * const q = [{ buf: Buffer.from('a\nb\n'), owner: null }]
 * takeBatch(q, 0, 2) // { kind: 'write', items: [<'a\n'>], bytes: 2 }; q holds 'b\n'
 * ```
 */
export function takeBatch(queue: QueueItem[], size: number, limit: number): Batch {
  const room = limit - size
  const items: QueueItem[] = []
  let bytes = 0
  while (queue.length > 0 && items.length < MAX_BATCH_BUFFERS) {
    const item = queue[0] as QueueItem
    if (bytes + item.buf.length <= room) {
      items.push(queue.shift() as QueueItem)
      bytes += item.buf.length
      continue
    }
    const fits = room - bytes
    const cut = fits > 0 ? item.buf.lastIndexOf(NEWLINE, fits - 1) : -1
    if (cut >= 0) {
      items.push(split(queue, cut + 1))
      bytes += cut + 1
    }
    break
  }
  if (items.length > 0 || queue.length === 0) return { kind: 'write', items, bytes }
  if (size > 0) return { kind: 'rotate' }
  // An empty file and a first line longer than the limit: that line goes alone.
  const first = (queue[0] as QueueItem).buf
  const nl = first.indexOf(NEWLINE)
  const head = nl >= 0 && nl + 1 < first.length ? split(queue, nl + 1) : (queue.shift() as QueueItem)
  return { kind: 'write', items: [head], bytes: head.buf.length }
}

/**
 * Puts back what a short write did not write (front of the queue) and releases what it did.
 *
 * @example
 * ```ts
 * requeueUnwritten(queue, items, 3) // the first 3 bytes are released, the rest is queued again
 * ```
 */
export function requeueUnwritten(queue: QueueItem[], items: readonly QueueItem[], written: number): void {
  let left = written
  const back: QueueItem[] = []
  for (const item of items) {
    const n = Math.min(left, item.buf.length)
    left -= n
    if (n > 0) item.owner?.release(n)
    if (n < item.buf.length) back.push({ buf: item.buf.subarray(n), owner: item.owner })
  }
  queue.unshift(...back)
}
