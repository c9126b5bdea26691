/**
 * One follower of a log stream (§9.9 "Slow followers"): a bounded queue between the line hub and the
 * client's socket. Pushing never blocks and never waits for the socket, so a flooding app is slowed
 * only by the disk. The queue is sent in batches while the socket keeps up; when the client stops
 * reading, entries pile up to the bound, then are discarded and counted (`skip`, and the client gets
 * `log.skipped` once its socket drains) or the stream ends (`drop`).
 */
import type { Clock, LogEndReason, LogEntry, TimerHandle } from '@opendaemon/core'

/** The connection a follower writes to. */
export interface FollowerChannel {
  notify(method: string, params?: unknown): boolean
  /** Bytes written and not yet read by the client. */
  queuedBytes(): number
}

/** Limits and policy of a follower. */
export interface FollowerLimits {
  /** Queue bound in entries (default 10 000). */
  maxEntries: number
  /** Queue bound in bytes, estimated (default 4 MiB). */
  maxBytes: number
  /** `skip` (default): discard and count; `drop`: end the stream. */
  policy: 'skip' | 'drop'
  /** Socket backlog above which nothing more is sent (default 1 MiB). */
  highWaterBytes: number
  /** How often a held follower looks at its socket again (default 5 ms). */
  retryMs: number
  /** Entries per `log` notification (default 1000). */
  batchEntries: number
  /** Bytes per `log` notification, estimated (default 512 KiB). */
  batchBytes: number
}

/** Default {@link FollowerLimits} (§9.12 `followerBuffer`, `slowFollower`). */
export const FOLLOWER_DEFAULTS: FollowerLimits = {
  maxEntries: 10_000,
  maxBytes: 4 * 1024 * 1024,
  policy: 'skip',
  highWaterBytes: 1024 * 1024,
  retryMs: 5,
  batchEntries: 1000,
  batchBytes: 512 * 1024,
}

/** Options of {@link createFollower}. */
export interface FollowerOptions {
  stream: string
  channel: FollowerChannel
  clock: Clock
  limits?: Partial<FollowerLimits>
  /** Called once when the follower ends, for any reason. */
  onEnd?: (reason: LogEndReason) => void
  /** Called when entries are discarded (for `log:skipped` and metrics). */
  onSkip?: (count: number) => void
}

/** A follower. */
export interface Follower {
  /** Queues an entry (never blocks); past the bound the queue is skipped or the stream dropped. */
  push(entry: LogEntry): void
  /** Queues history entries, outside the bound (they are already in memory). */
  prime(entries: readonly LogEntry[]): void
  /** Sends what is queued, then `log.end { reason }`. */
  finish(reason: LogEndReason): void
  /** Ends now: the queue is discarded and `log.end { reason }` sent. */
  end(reason: LogEndReason): void
  readonly ended: boolean
  /** Entries queued now. */
  readonly queued: number
  /** Entries discarded so far. */
  readonly skippedTotal: number
}

/** Rough JSON size of an entry: its message plus the fixed fields. Cheap on the publish path. */
function estimate(entry: LogEntry): number {
  return entry.message.length + entry.processName.length + 200
}

/**
 * Creates a follower.
 *
 * @example
 * ```ts
 * const follower = createFollower({ stream: 'l1', channel: meta.channel, clock: ctx.clock })
 * hub.subscribe((line) => follower.push(toEntry(line)))
 * ```
 */
export function createFollower(options: FollowerOptions): Follower {
  const limits: FollowerLimits = { ...FOLLOWER_DEFAULTS, ...options.limits }
  const { stream, channel, clock } = options
  /** History, sent first and outside the bound. */
  let backlog: LogEntry[] = []
  let queue: LogEntry[] = []
  let bytes = 0
  let skipped = 0
  let skippedTotal = 0
  let timer: TimerHandle | null = null
  let ending: LogEndReason | null = null
  let ended = false

  function schedule(delayMs: number): void {
    if (timer === null && !ended) timer = clock.setTimeout(flush, delayMs)
  }

  function close(reason: LogEndReason): void {
    if (ended) return
    ended = true
    backlog = []
    queue = []
    bytes = 0
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    channel.notify('log.end', { stream, reason })
    options.onEnd?.(reason)
  }

  function sendBatch(): boolean {
    const fromBacklog = backlog.length > 0
    const source = fromBacklog ? backlog : queue
    let size = 0
    let count = 0
    while (count < source.length && count < limits.batchEntries && size < limits.batchBytes) {
      size += estimate(source[count] as LogEntry)
      count++
    }
    const entries = source.slice(0, count)
    if (fromBacklog) backlog = backlog.slice(count)
    else {
      queue = queue.slice(count)
      bytes -= size
    }
    return channel.notify('log', { stream, entries })
  }

  function flush(): void {
    // Never runs after the end: `close` cancels the timer.
    timer = null
    if (channel.queuedBytes() > limits.highWaterBytes) return schedule(limits.retryMs)
    if (skipped > 0 && !channel.notify('log.skipped', { stream, skipped })) return close('dropped')
    skipped = 0
    while (backlog.length + queue.length > 0) {
      if (!sendBatch()) return close('dropped')
      if (channel.queuedBytes() > limits.highWaterBytes) return schedule(limits.retryMs)
    }
    if (ending !== null) close(ending)
  }

  function overflow(): void {
    if (limits.policy === 'drop') return close('dropped')
    skipped += queue.length
    skippedTotal += queue.length
    options.onSkip?.(queue.length)
    queue = []
    bytes = 0
  }

  return {
    push(entry) {
      if (ended || ending !== null) return
      queue.push(entry)
      bytes += estimate(entry)
      if (queue.length > limits.maxEntries || bytes > limits.maxBytes) overflow()
      schedule(0)
    },
    prime(entries) {
      if (ended) return
      backlog = backlog.concat(entries)
      schedule(0)
    },
    finish(reason) {
      if (ended) return
      ending = reason
      schedule(0)
    },
    end: close,
    get ended() {
      return ended
    },
    get queued() {
      return backlog.length + queue.length
    },
    get skippedTotal() {
      return skippedTotal
    },
  }
}
