import type { EventMap, EventName } from './events.js'

/** The `a`, `a:b` prefixes of a name `a:b:c` (every prefix that ends before a `:`). */
export type EventPrefix<N extends string> = N extends `${infer Head}:${infer Rest}`
  ? Head | `${Head}:${EventPrefix<Rest>}`
  : never

/**
 * What `on`/`once`/`off` accept: an exact event name, `prefix:*` (one or more further segments
 * under `prefix`), or `*` (every event).
 */
export type EventPattern<M extends object = EventMap> = EventName<M> | `${EventPrefix<EventName<M>>}:*` | '*'

/** The event names a pattern `P` matches. */
export type MatchingEvent<M extends object, P extends string> = P extends '*'
  ? EventName<M>
  : P extends `${infer Prefix}:*`
    ? Extract<EventName<M>, `${Prefix}:${string}`>
    : Extract<EventName<M>, P>

/** A handler for pattern `P`: receives the payload and the concrete event name. */
export type EventListener<M extends object, P extends string> = (
  data: M[MatchingEvent<M, P>],
  event: MatchingEvent<M, P>,
) => void | Promise<void>

/** A parsed pattern: exact name, prefix wildcard (`prefix` ends with `:`), or everything. */
export type ParsedPattern =
  | { readonly kind: 'exact'; readonly name: string }
  | { readonly kind: 'prefix'; readonly prefix: string }
  | { readonly kind: 'all' }

/**
 * Splits a pattern string into its kind. `process:*` becomes the prefix `process:`; a `*` that
 * does not stand alone or follow a `:` is part of an exact name.
 *
 * @example
 * ```ts
 * import { parseEventPattern } from '@opendaemon/core'
 *
 * parseEventPattern('process:*') // { kind: 'prefix', prefix: 'process:' }
 * ```
 * @since 0.1.0
 */
export function parseEventPattern(pattern: string): ParsedPattern {
  if (pattern === '*') return { kind: 'all' }
  if (pattern.length > 2 && pattern.endsWith(':*')) return { kind: 'prefix', prefix: pattern.slice(0, -1) }
  return { kind: 'exact', name: pattern }
}

/**
 * True when `event` is delivered to listeners of `pattern`.
 *
 * @example
 * ```ts
 * import { matchesEventPattern } from '@opendaemon/core'
 *
 * matchesEventPattern('process:*', 'process:state') // true
 * matchesEventPattern('process:*', 'daemon:ready') // false
 * ```
 * @since 0.1.0
 */
export function matchesEventPattern(pattern: string, event: string): boolean {
  return matchesParsedPattern(parseEventPattern(pattern), event)
}

/**
 * {@link matchesEventPattern} for a pattern parsed once with {@link parseEventPattern}, for
 * callers that test many events against the same pattern (IPC subscriptions).
 *
 * @example
 * ```ts
 * import { matchesParsedPattern, parseEventPattern } from '@opendaemon/core'
 *
 * const pattern = parseEventPattern('plugin:*')
 * matchesParsedPattern(pattern, 'plugin:ready') // true
 * ```
 * @since 0.1.0
 */
export function matchesParsedPattern(parsed: ParsedPattern, event: string): boolean {
  if (parsed.kind === 'all') return true
  if (parsed.kind === 'prefix') return event.length > parsed.prefix.length && event.startsWith(parsed.prefix)
  return parsed.name === event
}
