/**
 * `od.logs()` (SPECIFICATION.md §9.10): a log stream as an async iterable of {@link LogEntry} and an
 * event emitter (`data`, `skipped`, `end`, `error`). Filters are sent to the daemon and applied there.
 */
import {
  DaemonError,
  toDaemonError,
  type EntryLevel,
  type LogEndReason,
  type LogEntry,
  type LogSelector,
  type LogSourceName,
  type LogStreamParams,
} from '@opendaemon/core/client'

/** Filters of {@link LogsOptions}, applied in the daemon. */
export interface LogsFilter {
  /** Lines at this level or above. */
  level?: EntryLevel
  /** JavaScript regular expression matched against each message. */
  grep?: string
  ignoreCase?: boolean
  /** Only these streams. */
  sources?: LogSourceName[]
  /** Epoch ms or a time such as `'2h'` or `'2026-11-22T03:00'`. */
  since?: number | string
}

/** Options of `od.logs()`. */
export interface LogsOptions {
  /** Keep streaming new lines after the history (default `false`). */
  follow?: boolean
  /** History lines sent first (default 0 when following, else 20). */
  lines?: number
  filter?: LogsFilter
  /** Entries buffered for a slow `for await` loop before the oldest are skipped (default 10 000). */
  maxBuffered?: number
}

/** Events of a {@link LogStream}. */
export interface LogStreamEvents {
  data: (entry: LogEntry) => void
  /** The daemon (or the local buffer) skipped `count` lines: the reader was too slow. */
  skipped: (count: number) => void
  end: (reason: LogEndReason | 'closed') => void
  error: (error: DaemonError) => void
}

/** What a stream needs from the client. */
export interface LogStreamTransport {
  open(params: LogStreamParams): Promise<{ stream: string }>
  unstream(stream: string): Promise<unknown>
  /** Adds a handler for the connection's non-event notifications; returns its remover. */
  onNotification(handler: (method: string, params: unknown) => void): () => void
  /** Calls `handler` when the connection closes; returns its remover. */
  onClosed(handler: () => void): () => void
}

type Handlers = { [E in keyof LogStreamEvents]: Set<LogStreamEvents[E]> }

/** Turns `od.logs()` arguments into `log.stream` params. */
export function logStreamParams(
  selector: string | number | LogSelector | undefined,
  options: LogsOptions,
): LogStreamParams {
  const follow = options.follow ?? false
  const params: LogStreamParams = { follow, format: 'json', lines: options.lines ?? (follow ? 0 : 20) }
  if (selector !== undefined) params.selector = typeof selector === 'object' ? selector : { target: selector }
  const filter = options.filter ?? {}
  if (filter.level !== undefined) params.level = filter.level
  if (filter.grep !== undefined) params.grep = filter.grep
  if (filter.ignoreCase !== undefined) params.ignoreCase = filter.ignoreCase
  if (filter.sources !== undefined) params.sources = filter.sources
  if (filter.since !== undefined) params.since = filter.since
  return params
}

/**
 * A log stream. Iterate it with `for await`, or listen to its events; `close()` ends it.
 *
 * @example
 * ```ts
 * const stream = od.logs('api', { follow: true, filter: { level: 'error' } })
 * for await (const entry of stream) console.log(entry.processName, entry.message)
 * ```
 */
export class LogStream implements AsyncIterable<LogEntry> {
  readonly #transport: LogStreamTransport
  readonly #handlers: Handlers = { data: new Set(), skipped: new Set(), end: new Set(), error: new Set() }
  readonly #buffer: LogEntry[] = []
  readonly #maxBuffered: number
  #waiting: {
    resolve: (result: IteratorResult<LogEntry>) => void
    reject: (error: DaemonError) => void
  } | null = null
  #error: DaemonError | null = null
  #id: string | null = null
  #early: [string, unknown][] = []
  #ended = false
  #off: () => void

  /** Opens the stream; use `od.logs()` rather than this constructor. */
  constructor(
    transport: LogStreamTransport,
    params: LogStreamParams,
    options: { maxBuffered?: number } = {},
  ) {
    this.#transport = transport
    this.#maxBuffered = options.maxBuffered ?? 10_000
    const offNotifications = transport.onNotification((method, payload) =>
      this.#onNotification(method, payload),
    )
    const offClosed = transport.onClosed(() =>
      this.#fail(new DaemonError('OD_CONNECTION_CLOSED', 'it dropped while streaming logs')),
    )
    this.#off = () => {
      offNotifications()
      offClosed()
    }
    transport.open(params).then(
      ({ stream }) => {
        this.#id = stream
        for (const [method, payload] of this.#early.splice(0)) this.#onNotification(method, payload)
        if (this.#ended) void this.#transport.unstream(stream).catch(() => undefined)
      },
      (error: unknown) => this.#fail(toDaemonError(error)),
    )
  }

  /** The daemon's stream id (`l3`), once known. */
  get id(): string | null {
    return this.#id
  }

  /**
   * Adds an event handler; returns its remover.
   *
   * @example
   * ```ts
   * stream.on('skipped', (count) => console.warn(`${count} lines skipped`))
   * ```
   */
  on<E extends keyof LogStreamEvents>(event: E, handler: LogStreamEvents[E]): () => void {
    const set = this.#handlers[event] as Set<LogStreamEvents[E]>
    set.add(handler)
    return () => set.delete(handler)
  }

  /**
   * Ends the stream (`log.unstream`); the iterator finishes and `end` fires with `'closed'`.
   *
   * @example
   * ```ts
   * setTimeout(() => void stream.close(), 10_000)
   * ```
   */
  async close(): Promise<void> {
    if (this.#ended) return
    this.#end('closed')
    if (this.#id !== null) await this.#transport.unstream(this.#id).catch(() => undefined)
  }

  [Symbol.asyncIterator](): AsyncIterator<LogEntry> {
    return {
      next: () => {
        const entry = this.#buffer.shift()
        if (entry !== undefined) return Promise.resolve({ value: entry, done: false })
        const error = this.#error
        this.#error = null
        if (error !== null) return Promise.reject(error)
        if (this.#ended) return Promise.resolve({ value: undefined, done: true })
        return new Promise((resolve, reject) => (this.#waiting = { resolve, reject }))
      },
      return: async () => {
        await this.close()
        return { value: undefined, done: true }
      },
    }
  }

  #emit<E extends keyof LogStreamEvents>(event: E, ...args: Parameters<LogStreamEvents[E]>): void {
    for (const handler of this.#handlers[event]) (handler as (...a: unknown[]) => void)(...args)
  }

  #onNotification(method: string, payload: unknown): void {
    if (!method.startsWith('log')) return
    const params = (payload ?? {}) as {
      stream?: unknown
      entries?: LogEntry[]
      skipped?: number
      reason?: LogEndReason
    }
    if (this.#id === null) {
      if (!this.#ended) this.#early.push([method, payload])
      return
    }
    if (params.stream !== this.#id || this.#ended) return
    if (method === 'log') for (const entry of params.entries ?? []) this.#deliver(entry)
    else if (method === 'log.skipped') this.#emit('skipped', params.skipped ?? 0)
    else if (method === 'log.end') this.#end(params.reason ?? 'done')
  }

  #deliver(entry: LogEntry): void {
    this.#emit('data', entry)
    const waiting = this.#waiting
    if (waiting !== null) {
      this.#waiting = null
      return waiting.resolve({ value: entry, done: false })
    }
    this.#buffer.push(entry)
    if (this.#buffer.length > this.#maxBuffered) {
      const dropped = this.#buffer.splice(0, this.#buffer.length - this.#maxBuffered).length
      this.#emit('skipped', dropped)
    }
  }

  #fail(error: DaemonError): void {
    if (this.#ended) return
    if (this.#handlers.error.size > 0) this.#emit('error', error)
    const waiting = this.#waiting
    this.#waiting = null
    if (waiting !== null) waiting.reject(error)
    else this.#error = error
    this.#end('dropped')
  }

  /** Callers check `#ended` first. */
  #end(reason: LogEndReason | 'closed'): void {
    this.#ended = true
    this.#off()
    this.#early = []
    this.#emit('end', reason)
    const waiting = this.#waiting
    this.#waiting = null
    waiting?.resolve({ value: undefined, done: true })
  }
}
