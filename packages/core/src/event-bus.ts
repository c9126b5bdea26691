import type { EventMap, EventName } from './events.js'
import {
  matchesParsedPattern,
  parseEventPattern,
  type EventListener,
  type EventPattern,
  type ParsedPattern,
} from './event-pattern.js'

/** Ends a subscription; calling it again does nothing. */
export type Unsubscribe = () => void

/** Where a failing handler was subscribed and which event it was handling. */
export interface HandlerErrorContext {
  readonly event: string
  readonly pattern: string
}

/** Options of {@link createEventBus}. */
export interface EventBusOptions {
  /**
   * Receives every exception thrown (or promise rejected) by a handler. Handler failures never
   * reach the emitter; without this callback they are dropped.
   */
  onHandlerError?: (error: unknown, context: HandlerErrorContext) => void
}

/**
 * A typed publish/subscribe bus. Event names and payloads come from `M` ({@link EventMap} by
 * default), so a misspelled name or a wrong payload is a compile error.
 *
 * @example
 * ```ts
 * import { createEventBus } from '@opendaemon/core'
 *
 * const bus = createEventBus()
 * const off = bus.on('process:*', (data, event) => console.log(event, data.id))
 * bus.emit('process:created', { id: 1, name: 'api', at: Date.now() })
 * off()
 * ```
 * @since 0.1.0
 */
export interface EventBus<M extends object = EventMap> {
  /** Subscribes to an exact name, `prefix:*` or `*`; returns the unsubscribe function. */
  on<P extends EventPattern<M>>(pattern: P, handler: EventListener<M, P>): Unsubscribe
  /** Like {@link EventBus.on}, but the handler runs at most once. */
  once<P extends EventPattern<M>>(pattern: P, handler: EventListener<M, P>): Unsubscribe
  /** Calls every matching handler synchronously, in subscription order. Never throws. */
  emit<E extends EventName<M>>(event: E, data: M[E]): void
  /** Calls every matching handler and resolves when all have settled. Never rejects. */
  emitAsync<E extends EventName<M>>(event: E, data: M[E]): Promise<void>
  /** Removes `handler` from `pattern`, or every handler subscribed with exactly `pattern`. */
  off<P extends EventPattern<M>>(pattern: P, handler?: EventListener<M, P>): void
  /**
   * For an event name: how many handlers an emit would call (wildcards included). For a
   * wildcard pattern: how many handlers are subscribed with exactly that pattern.
   */
  listenerCount(pattern: EventPattern<M>): number
}

type RawHandler = (data: unknown, event: string) => unknown

interface Listener {
  readonly pattern: string
  readonly kind: ParsedPattern['kind']
  readonly handler: RawHandler
  readonly seq: number
  readonly once: boolean
  active: boolean
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  )
}

interface ListenerTable {
  add(pattern: string, handler: RawHandler, once: boolean): Listener
  remove(listener: Listener): void
  /** Listeners an emit of `event` calls, in subscription order. */
  resolve(event: string): readonly Listener[] | undefined
  /** Listeners subscribed with exactly `pattern`. */
  registered(pattern: string): readonly Listener[]
}

/**
 * Listener storage. Lists are copy-on-write, so an emit iterates a stable array while handlers
 * subscribe or unsubscribe. Without wildcard listeners, resolving an event is one map lookup;
 * with them, each event name's merged list is cached until the subscriptions change.
 */
function createListenerTable(): ListenerTable {
  const exact = new Map<string, readonly Listener[]>()
  const wildcards = new Map<string, readonly Listener[]>()
  const cache = new Map<string, readonly Listener[]>()
  let wildcardCount = 0
  let nextSeq = 0
  const tableOf = (kind: ParsedPattern['kind']) => (kind === 'exact' ? exact : wildcards)

  return {
    add(pattern, handler, once) {
      const kind = parseEventPattern(pattern).kind
      const listener: Listener = { pattern, kind, handler, seq: nextSeq++, once, active: true }
      const table = tableOf(kind)
      table.set(pattern, [...(table.get(pattern) ?? []), listener])
      if (kind !== 'exact') wildcardCount++
      cache.clear()
      return listener
    },
    remove(listener) {
      if (!listener.active) return
      listener.active = false
      const table = tableOf(listener.kind)
      const rest = (table.get(listener.pattern) as readonly Listener[]).filter((l) => l !== listener)
      if (rest.length === 0) table.delete(listener.pattern)
      else table.set(listener.pattern, rest)
      if (listener.kind !== 'exact') wildcardCount--
      cache.clear()
    },
    resolve(event) {
      if (wildcardCount === 0) return exact.get(event)
      const cached = cache.get(event)
      if (cached !== undefined) return cached
      const found = [...(exact.get(event) ?? [])]
      for (const [pattern, list] of wildcards) {
        if (matchesParsedPattern(parseEventPattern(pattern), event)) found.push(...list)
      }
      found.sort((a, b) => a.seq - b.seq)
      cache.set(event, found)
      return found
    },
    registered: (pattern) => tableOf(parseEventPattern(pattern).kind).get(pattern) ?? [],
  }
}

/**
 * Creates an {@link EventBus}. Emitting costs one map lookup when no wildcard listener exists;
 * with wildcards the matching listeners of each event name are computed once and cached until
 * the subscriptions change.
 *
 * @example
 * ```ts
 * import { createEventBus } from '@opendaemon/core'
 *
 * const bus = createEventBus({ onHandlerError: (err, { event }) => console.error(event, err) })
 * bus.once('daemon:ready', ({ pid }) => console.log('ready', pid))
 * bus.emit('daemon:ready', { pid: process.pid, at: Date.now() })
 * ```
 * @since 0.1.0
 */
export function createEventBus<M extends object = EventMap>(options: EventBusOptions = {}): EventBus<M> {
  const table = createListenerTable()

  function report(error: unknown, event: string, pattern: string): void {
    try {
      options.onHandlerError?.(error, { event, pattern })
    } catch {
      // A failing error reporter must not turn into an exception at the emitter either.
    }
  }

  function invoke(listener: Listener, data: unknown, event: string): Promise<void> | undefined {
    if (listener.once) table.remove(listener)
    try {
      const result = listener.handler(data, event)
      if (isThenable(result)) {
        return Promise.resolve(result).then(
          () => undefined,
          (error: unknown) => report(error, event, listener.pattern),
        )
      }
    } catch (error) {
      report(error, event, listener.pattern)
    }
    return undefined
  }

  const subscribe = (pattern: string, handler: RawHandler, once: boolean): Unsubscribe => {
    const listener = table.add(pattern, handler, once)
    return () => table.remove(listener)
  }

  return {
    on: (pattern, handler) => subscribe(pattern, handler as RawHandler, false),
    once: (pattern, handler) => subscribe(pattern, handler as RawHandler, true),
    emit(event, data) {
      const list = table.resolve(event)
      if (list === undefined) return
      for (const listener of list) if (listener.active) void invoke(listener, data, event)
    },
    async emitAsync(event, data) {
      const pending: Promise<void>[] = []
      for (const listener of table.resolve(event) ?? []) {
        const result = listener.active ? invoke(listener, data, event) : undefined
        if (result !== undefined) pending.push(result)
      }
      await Promise.all(pending)
    },
    off(pattern, handler) {
      for (const listener of table.registered(pattern)) {
        if (handler === undefined || listener.handler === handler) table.remove(listener)
      }
    },
    listenerCount(pattern) {
      const kind = parseEventPattern(pattern).kind
      return (kind === 'exact' ? table.resolve(pattern) : table.registered(pattern))?.length ?? 0
    },
  }
}
