/**
 * The log streams of every connection (`log.stream`, `log.unstream`, §9.10): each stream sends its
 * history, then — when following — the live lines of the selected apps that pass its filter. Filters
 * run here, in the daemon; each stream has its own bounded {@link Follower}, so one slow client never
 * holds up the others or the app.
 */
import type { CallChannel, Clock, LogEndReason, LogEntry, LogFilter } from '@opendaemon/core'
import { createFollower, type Follower, type FollowerLimits } from './follower.js'
import type { LiveLine, LiveLineHub } from './line-hub.js'
import { liveEntry } from './live-entry.js'

/** What a new stream needs. */
export interface OpenStreamOptions {
  connectionId: string
  channel: CallChannel
  filter: LogFilter
  /** Whether a live line belongs to the selected apps. */
  selects(line: LiveLine): boolean
  /** The history to send first, oldest first. */
  history(): Promise<LogEntry[]>
  follow: boolean
}

/** Options of {@link createStreamRegistry}. */
export interface StreamRegistryOptions {
  hub: LiveLineHub
  clock: Clock
  limits?: Partial<FollowerLimits>
  /** Runs `fn` after the `log.stream` response is written (default `setImmediate`). */
  defer?: (fn: () => void) => void
  /** A stream's history could not be read. */
  onError?: (stream: string, error: unknown) => void
  /** A slow stream discarded `count` queued entries (for `log:skipped`). */
  onSkipped?: (stream: string, connectionId: string, count: number) => void
  /** A stream ended as `dropped` (for `log:follower-dropped`). */
  onDropped?: (stream: string, connectionId: string) => void
}

/** Every open stream. */
export interface StreamRegistry {
  /** Opens a stream; its notifications start after the response. Returns its id (`l1`, `l2` …). */
  open(options: OpenStreamOptions): string
  /** Ends a stream of this connection (`log.end { reason: 'unstreamed' }`); false when unknown. */
  close(stream: string, connectionId: string): boolean
  /** Ends every stream (daemon shutdown). */
  closeAll(reason: LogEndReason): void
  readonly size: number
}

interface OpenStream {
  readonly connectionId: string
  readonly follower: Follower
  off: () => void
}

/**
 * Creates the registry of a plugin activation.
 *
 * @example
 * ```ts
 * const streams = createStreamRegistry({ hub, clock: ctx.clock })
 * const id = streams.open({ connectionId, channel, filter, selects: () => true, history: async () => [], follow: true })
 * ```
 */
export function createStreamRegistry(options: StreamRegistryOptions): StreamRegistry {
  const defer = options.defer ?? ((fn: () => void) => void setImmediate(fn))
  const streams = new Map<string, OpenStream>()
  let next = 1

  function live(
    opts: OpenStreamOptions,
    follower: Follower,
    pending: LogEntry[] | null,
  ): (line: LiveLine) => void {
    return (line) => {
      if (!opts.selects(line)) return
      const entry = liveEntry(line)
      if (!opts.filter.matches(entry) || !opts.filter.inTime(line.at)) return
      if (pending !== null && pending.length < 10_000) pending.push(entry)
      else if (pending === null) follower.push(entry)
    }
  }

  async function start(id: string, opts: OpenStreamOptions, stream: OpenStream): Promise<void> {
    if (stream.follower.ended) return // closed before it started (the connection went away)
    const pending: LogEntry[] = []
    let buffering = true
    if (opts.follow) {
      const onLine = live(opts, stream.follower, pending)
      const direct = live(opts, stream.follower, null)
      stream.off = options.hub.subscribe((line) => (buffering ? onLine(line) : direct(line)))
    }
    let history: LogEntry[] = []
    try {
      history = await opts.history()
    } catch (error) {
      options.onError?.(id, error)
    }
    buffering = false
    stream.follower.prime(history)
    for (const entry of pending) stream.follower.push(entry)
    if (!opts.follow) stream.follower.finish('done')
  }

  return {
    open(opts) {
      const id = `l${next++}`
      const stream: OpenStream = {
        connectionId: opts.connectionId,
        off: () => {},
        follower: createFollower({
          stream: id,
          channel: opts.channel,
          clock: options.clock,
          ...(options.limits === undefined ? {} : { limits: options.limits }),
          onEnd: (reason) => {
            stream.off()
            streams.delete(id)
            if (reason === 'dropped') options.onDropped?.(id, opts.connectionId)
          },
          onSkip: (count) => options.onSkipped?.(id, opts.connectionId, count),
        }),
      }
      streams.set(id, stream)
      opts.channel.signal.addEventListener('abort', () => stream.follower.end('unstreamed'), { once: true })
      defer(() => void start(id, opts, stream))
      return id
    },
    close(id, connectionId) {
      const stream = streams.get(id)
      if (stream === undefined || stream.connectionId !== connectionId) return false
      stream.follower.end('unstreamed')
      return true
    },
    closeAll(reason) {
      for (const stream of [...streams.values()]) stream.follower.end(reason)
    },
    get size() {
      return streams.size
    },
  }
}
