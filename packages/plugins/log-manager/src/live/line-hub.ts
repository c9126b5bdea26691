/**
 * The live line hub: the writer publishes every framed line here; followers subscribe.
 * (Seam with the write path; the subscribe API is filled in by the read path.)
 */

/** One framed line as the writer publishes it. */
export interface LiveLine {
  id: number
  name: string
  instance: number
  source: 'stdout' | 'stderr'
  /** Epoch ms when the daemon read the chunk that completed the line. */
  at: number
  message: string
  partial?: boolean
  cont?: boolean
}

/** What the writer sees: publish lines, and skip framing while nobody follows. */
export interface LineHub {
  /** True only while at least one follower is subscribed. */
  readonly active: boolean
  publish(line: LiveLine): void
}

/** A follower callback. */
export type LineListener = (line: LiveLine) => void

/** The hub with its subscribe API. */
export interface LiveLineHub extends LineHub {
  /** Adds a listener; returns its unsubscribe function. */
  subscribe(listener: LineListener): () => void
  /** Number of current subscribers. */
  readonly size: number
}

/**
 * Creates a hub. Publishing is synchronous and never blocks: listeners must only enqueue.
 *
 * @example
 * ```ts
 * const hub = createLineHub()
 * const off = hub.subscribe((line) => console.log(line.message))
 * hub.publish({ id: 0, name: 'api', instance: 0, source: 'stdout', at: Date.now(), message: 'hi' })
 * off()
 * ```
 */
export function createLineHub(): LiveLineHub {
  const listeners = new Set<LineListener>()
  return {
    get active() {
      return listeners.size > 0
    },
    get size() {
      return listeners.size
    },
    publish(line) {
      for (const listener of listeners) listener(line)
    },
    subscribe(listener) {
      const entry: LineListener = (line) => listener(line)
      listeners.add(entry)
      return () => {
        listeners.delete(entry)
      }
    },
  }
}
