import { createEventBus, type HandlerErrorContext } from '@opendaemon/core/client'
import { isClientOnlyPattern } from './client-events.js'

/** A handler as the router stores it (typed at the `OpenDaemon` surface). */
export type RawEventHandler = (data: unknown, event: string) => void | Promise<void>

/** Callbacks of {@link createEventRouter}. */
export interface EventRouterHooks {
  /** A daemon pattern got its first handler: subscribe to it. */
  onFirst(pattern: string): void
  /** A daemon pattern lost its last handler: unsubscribe from it. */
  onLast(pattern: string): void
  /** A handler threw or rejected; without this hook the failure is dropped. */
  onHandlerError?: ((error: unknown, context: HandlerErrorContext) => void) | undefined
}

/** The client's local event registry: handlers by pattern, and which patterns the daemon must send. */
export interface EventRouter {
  /** Adds a handler; `once` removes it after its first call. Returns its remover. */
  add(pattern: string, handler: RawEventHandler, once: boolean): () => void
  /** Removes `handler` from `pattern`, or every handler of exactly `pattern`. */
  remove(pattern: string, handler?: RawEventHandler): void
  /** Calls every handler whose pattern matches `event`; handler failures never reach the caller. */
  dispatch(event: string, data: unknown): void
  /** The patterns to subscribe to on the daemon: every held pattern except client-only ones. */
  daemonPatterns(): string[]
}

interface Entry {
  readonly handler: RawEventHandler
  readonly off: () => void
}

/**
 * Creates the event registry of one client. Matching and handler isolation come from the core event bus;
 * the router counts handlers per pattern so each distinct daemon pattern is subscribed once.
 *
 * @example
 * ```ts
 * import { createEventRouter } from 'opendaemon-sdk'
 *
 * const router = createEventRouter({ onFirst: (p) => console.log('subscribe', p), onLast: () => {} })
 * const remove = router.add('process:*', (data, event) => console.log(event, data), false)
 * router.dispatch('process:online', { id: 0 })
 * remove()
 * ```
 * @since 0.1.0
 */
export function createEventRouter(hooks: EventRouterHooks): EventRouter {
  const bus = createEventBus<Record<string, unknown>>(
    hooks.onHandlerError === undefined ? {} : { onHandlerError: hooks.onHandlerError },
  )
  const byPattern = new Map<string, Entry[]>()

  function drop(pattern: string, entry: Entry): void {
    const entries = byPattern.get(pattern)
    const index = entries?.indexOf(entry) ?? -1
    if (entries === undefined || index === -1) return
    entry.off()
    entries.splice(index, 1)
    if (entries.length > 0) return
    byPattern.delete(pattern)
    if (!isClientOnlyPattern(pattern)) hooks.onLast(pattern)
  }

  return {
    add(pattern, handler, once) {
      const wrapped: RawEventHandler = once
        ? (data, event) => {
            drop(pattern, entry)
            return handler(data, event)
          }
        : handler
      const entry: Entry = { handler, off: bus.on(pattern, wrapped) }
      const entries = byPattern.get(pattern)
      if (entries !== undefined) entries.push(entry)
      else {
        byPattern.set(pattern, [entry])
        if (!isClientOnlyPattern(pattern)) hooks.onFirst(pattern)
      }
      return () => drop(pattern, entry)
    },
    remove(pattern, handler) {
      for (const entry of [...(byPattern.get(pattern) ?? [])]) {
        if (handler === undefined || entry.handler === handler) drop(pattern, entry)
      }
    },
    dispatch: (event, data) => bus.emit(event, data),
    daemonPatterns: () => [...byPattern.keys()].filter((p) => !isClientOnlyPattern(p)),
  }
}
