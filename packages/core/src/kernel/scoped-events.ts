import type { EventBus, Unsubscribe } from '../event-bus.js'
import type { EventMap } from '../events.js'

/** A plugin's view of the bus: tracks its subscriptions and guards its handlers. */
export interface ScopedEventBus extends EventBus<EventMap> {
  /** Removes every subscription made through this view; later subscriptions throw. */
  dispose(): void
  /** Number of live subscriptions made through this view. */
  subscriptions(): number
}

type RawHandler = (data: unknown, event: string) => unknown

interface RawBus {
  on(pattern: string, handler: RawHandler): Unsubscribe
  once(pattern: string, handler: RawHandler): Unsubscribe
}

interface Subscription {
  readonly pattern: string
  readonly handler: RawHandler
  readonly off: Unsubscribe
}

/** Options of {@link createScopedEventBus}. */
export interface ScopedEventBusOptions {
  /** Called with each handler failure and where it happened (`event handler for "process:*" …`). */
  readonly onFailure: (error: unknown, where: string) => void
  /** Thrown when subscribing after `dispose()`. */
  readonly disposedError: () => Error
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  )
}

/**
 * Wraps `bus` for one plugin. Handlers subscribed through the view run inside the plugin's error
 * boundary: a throw or rejection goes to `onFailure` (never to the bus's own reporter), and
 * `emitAsync` still waits for async handlers. `off(pattern)` without a handler removes only this
 * plugin's handlers. Emitting and `listenerCount` go straight to the bus.
 *
 * @example
 * ```ts
 * import { createEventBus, createScopedEventBus } from '@opendaemon/core'
 *
 * const bus = createEventBus()
 * const scoped = createScopedEventBus(bus, {
 *   onFailure: (err, where) => console.error(where, err),
 *   disposedError: () => new Error('plugin stopped'),
 * })
 * scoped.on('daemon:ready', () => { throw new Error('boom') }) // reported, not thrown
 * scoped.dispose() // the subscription is gone
 * ```
 * @since 0.1.0
 */
export function createScopedEventBus(
  bus: EventBus<EventMap>,
  options: ScopedEventBusOptions,
): ScopedEventBus {
  const raw = bus as unknown as RawBus
  const subs = new Map<object, Subscription>()
  let disposed = false

  function guard(pattern: string, handler: RawHandler): RawHandler {
    return (data, event) => {
      const where = `event handler for "${pattern}" (event "${event}")`
      try {
        const result = handler(data, event)
        if (isThenable(result)) {
          return Promise.resolve(result).then(undefined, (error: unknown) => options.onFailure(error, where))
        }
      } catch (error) {
        options.onFailure(error, where)
      }
      return undefined
    }
  }

  function subscribe(pattern: string, handler: RawHandler, once: boolean): Unsubscribe {
    if (disposed) throw options.disposedError()
    const key = {}
    const guarded = guard(pattern, handler)
    const unsubscribe = once
      ? raw.once(pattern, (data, event) => {
          subs.delete(key)
          return guarded(data, event)
        })
      : raw.on(pattern, guarded)
    const off = () => {
      subs.delete(key)
      unsubscribe()
    }
    subs.set(key, { pattern, handler, off })
    return off
  }

  return {
    on: (pattern, handler) => subscribe(pattern, handler as RawHandler, false),
    once: (pattern, handler) => subscribe(pattern, handler as RawHandler, true),
    emit: (event, data) => bus.emit(event, data),
    emitAsync: (event, data) => bus.emitAsync(event, data),
    off(pattern, handler) {
      for (const sub of [...subs.values()]) {
        if (sub.pattern === pattern && (handler === undefined || sub.handler === handler)) sub.off()
      }
    },
    listenerCount: (pattern) => bus.listenerCount(pattern),
    dispose() {
      disposed = true
      for (const sub of [...subs.values()]) sub.off()
    },
    subscriptions: () => subs.size,
  }
}
