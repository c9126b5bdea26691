/**
 * Params parsers of the `log.*` read methods (§28.6): unknown keys and wrong types are rejected
 * with `OD_INVALID_PARAMS` naming the path.
 */
import {
  createParamsParser,
  ENTRY_LEVELS,
  type JsonSchema,
  type LogReadParams,
  type LogStreamParams,
} from '@opendaemon/core'

/** Most lines one call returns. */
export const MAX_LINES = 100_000

const selector: JsonSchema = {
  type: 'object',
  properties: {
    target: { type: ['string', 'integer'] },
    namespace: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    tagsAll: { type: 'array', items: { type: 'string' } },
  },
  additionalProperties: false,
}

const time: JsonSchema = { type: ['integer', 'string'] }

const filterFields: Record<string, JsonSchema> = {
  selector,
  sources: { type: 'array', items: { enum: ['stdout', 'stderr'] }, minItems: 1, maxItems: 2 },
  level: { enum: [...ENTRY_LEVELS] },
  grep: { type: 'string', minLength: 1, maxLength: 4096 },
  ignoreCase: { type: 'boolean' },
  since: time,
}

/** `log.tail` / `log.search` params. */
export const parseLogReadParams = createParamsParser<LogReadParams>({
  type: 'object',
  properties: {
    ...filterFields,
    until: time,
    lines: { type: 'integer', minimum: 0, maximum: MAX_LINES },
  },
  additionalProperties: false,
})

/** `log.stream` params. */
export const parseLogStreamParams = createParamsParser<LogStreamParams>({
  type: 'object',
  properties: {
    ...filterFields,
    lines: { type: 'integer', minimum: 0, maximum: MAX_LINES },
    follow: { type: 'boolean' },
    format: { enum: ['json'] },
  },
  additionalProperties: false,
})

/** `log.unstream` params. */
export const parseUnstreamParams = createParamsParser<{ stream: string }>({
  type: 'object',
  required: ['stream'],
  properties: { stream: { type: 'string', minLength: 1 } },
  additionalProperties: false,
})
