/**
 * Event subscriptions of IPC connections (`event.subscribe` / `event.unsubscribe`, SPECIFICATION.md
 * §5.7). Each connection holds up to {@link MAX_PATTERNS} patterns; an event matching several of a
 * connection's patterns is sent once. Events are sent only after the `event.subscribe` response,
 * never before: deliveries are held until `defer` runs, which is after the response is written.
 */
import {
  DaemonError,
  matchesEventPattern,
  type EventBus,
  type EventMap,
  type EventPattern,
  type Unsubscribe,
} from '@opendaemon/core'

/** Patterns one connection may hold. */
export const MAX_PATTERNS = 100

/** What the registry needs. */
export interface SubscriptionDeps {
  events: EventBus<EventMap>
  /** Sends one event to a connection (the IPC server's `sendEvent`). */
  send(connectionId: string, event: string, data: unknown): boolean
  /** Runs `fn` after the pending responses are written; default `setImmediate`. */
  defer?: (fn: () => void) => void
}

/** Every connection's subscriptions. */
export interface Subscriptions {
  /** Adds patterns (duplicates are ignored); returns every pattern the connection now holds. */
  subscribe(connectionId: string, patterns: readonly string[]): string[]
  /** Drops the given patterns, or all; returns the patterns left. */
  unsubscribe(connectionId: string, patterns?: readonly string[]): string[]
  /** Forgets a closed connection. */
  drop(connectionId: string): void
  /** Connections holding at least one pattern. */
  readonly size: number
}

interface Subscriber {
  readonly patterns: Map<string, Unsubscribe>
  /** Deliveries held until the subscribe response is out. */
  held: [event: string, data: unknown][] | null
}

/**
 * Creates the subscription registry of an IPC server.
 *
 * @example
 * ```ts
 * import { createEventBus } from '@opendaemon/core'
 * import { createSubscriptions } from '@opendaemon/daemon'
 *
 * const events = createEventBus()
 * const subs = createSubscriptions({ events, send: (id, event) => (console.log(id, event), true) })
 * subs.subscribe('7', ['plugin:*'])
 * ```
 * @since 0.1.0
 */
export function createSubscriptions(deps: SubscriptionDeps): Subscriptions {
  const defer = deps.defer ?? ((fn: () => void) => void setImmediate(fn))
  const subscribers = new Map<string, Subscriber>()

  function deliver(
    connectionId: string,
    sub: Subscriber,
    pattern: string,
    event: string,
    data: unknown,
  ): void {
    // Only the first of the connection's patterns that matches sends, so each event goes out once.
    for (const other of sub.patterns.keys()) {
      if (other === pattern) break
      if (matchesEventPattern(other, event)) return
    }
    if (sub.held !== null) sub.held.push([event, data])
    else deps.send(connectionId, event, data)
  }

  function release(connectionId: string, sub: Subscriber): void {
    // Scheduled only when `held` became an array, and only release() sets it back to null.
    const held = sub.held as [string, unknown][]
    sub.held = null
    if (subscribers.get(connectionId) !== sub) return
    for (const [event, data] of held) deps.send(connectionId, event, data)
  }

  return {
    subscribe(connectionId, patterns) {
      let sub = subscribers.get(connectionId)
      const fresh = patterns.filter((p, i) => patterns.indexOf(p) === i && sub?.patterns.has(p) !== true)
      const total = (sub?.patterns.size ?? 0) + fresh.length
      if (total > MAX_PATTERNS) {
        throw new DaemonError(
          'OD_INVALID_PARAMS',
          `params.events: a connection may hold at most ${MAX_PATTERNS} patterns, this would make ${total}`,
        )
      }
      if (sub === undefined) {
        sub = { patterns: new Map(), held: null }
        subscribers.set(connectionId, sub)
      }
      const target = sub
      if (target.held === null && fresh.length > 0) {
        target.held = []
        defer(() => release(connectionId, target))
      }
      for (const pattern of fresh) {
        const off = deps.events.on(pattern as EventPattern<EventMap>, (data: unknown, event: string) =>
          deliver(connectionId, target, pattern, event, data),
        )
        target.patterns.set(pattern, off)
      }
      return [...target.patterns.keys()]
    },
    unsubscribe(connectionId, patterns) {
      const sub = subscribers.get(connectionId)
      if (sub === undefined) return []
      for (const pattern of patterns ?? [...sub.patterns.keys()]) {
        sub.patterns.get(pattern)?.()
        sub.patterns.delete(pattern)
      }
      if (sub.patterns.size === 0) subscribers.delete(connectionId)
      return [...sub.patterns.keys()]
    },
    drop(connectionId) {
      const sub = subscribers.get(connectionId)
      if (sub === undefined) return
      for (const off of sub.patterns.values()) off()
      subscribers.delete(connectionId)
    },
    get size() {
      return subscribers.size
    },
  }
}
