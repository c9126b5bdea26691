/**
 * Params parsers of the built-in methods. Each rejects unknown keys and wrong types with
 * `OD_INVALID_PARAMS` naming the exact path (`params.name: expected string, got number`).
 */
import { createParamsParser, type EmptyParams, type MethodParams } from '@opendaemon/core'
import { MAX_PATTERNS } from './subscriptions.js'

/** `*`, an exact event name (`plugin:failed`) or a prefix wildcard (`process:*`). */
export const EVENT_PATTERN_SOURCE = '^(\\*|[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9-]*)*(:\\*)?)$'

/** `{}` (or omitted params). */
export const parseEmptyParams = createParamsParser<EmptyParams>({
  type: 'object',
  additionalProperties: false,
})

/** `daemon.shutdown`: `{ timeoutMs?: 1 … 600000 }`. */
export const parseShutdownParams = createParamsParser<MethodParams<'daemon.shutdown'>>({
  type: 'object',
  additionalProperties: false,
  properties: { timeoutMs: { type: 'integer', minimum: 1, maximum: 600_000 } },
})

/** `plugin.info|enable|disable`: `{ name }`. */
export const parsePluginNameParams = createParamsParser<{ name: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1 } },
})

/** `event.subscribe`: `{ events: pattern[] }` with 1 … 100 patterns. */
export const parseSubscribeParams = createParamsParser<MethodParams<'event.subscribe'>>({
  type: 'object',
  additionalProperties: false,
  required: ['events'],
  properties: {
    events: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_PATTERNS,
      items: { type: 'string', pattern: EVENT_PATTERN_SOURCE },
    },
  },
})

/** `event.unsubscribe`: `{ events?: string[] }` (omitted: every pattern). */
export const parseUnsubscribeParams = createParamsParser<MethodParams<'event.unsubscribe'>>({
  type: 'object',
  additionalProperties: false,
  properties: { events: { type: 'array', items: { type: 'string' } } },
})
