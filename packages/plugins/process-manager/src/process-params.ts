/**
 * Parsers of the `process.*` RPC params (JSON Schema subset, errors with the exact path); the plugin
 * registers the methods with them.
 */
import {
  createParamsParser,
  type AdoptParams,
  type BatchStartParams,
  type JsonSchema,
  type ProcessEnvParams,
  type ProcessRestartParams,
  type ProcessSelectorParams,
  type ProcessSignalParams,
  type ProcessStopParams,
  type StartParams,
} from '@opendaemon/core'

const selectorSchema: JsonSchema = {
  type: 'object',
  properties: {
    target: { type: ['string', 'integer'] },
    namespace: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    tagsAll: { type: 'array', items: { type: 'string' } },
    all: { type: 'boolean' },
  },
  additionalProperties: false,
}
export const parseSelector = createParamsParser<ProcessSelectorParams>(selectorSchema)
const parseOneStart = createParamsParser<StartParams>({
  type: 'object',
  required: ['script'],
  properties: { script: { type: 'string', minLength: 1 } },
})
const parseBatchStart = createParamsParser<BatchStartParams>({
  type: 'object',
  required: ['apps'],
  properties: { apps: { type: 'array', minItems: 1, items: { type: 'object' } } },
  additionalProperties: false,
})
/** One app (`script` …), or a set (`apps`, §11.3). */
export function parseStart(input: unknown): StartParams | BatchStartParams {
  const batch = typeof input === 'object' && input !== null && 'apps' in input
  return batch ? parseBatchStart(input) : parseOneStart(input)
}
const cascadeSchema: JsonSchema = {
  ...selectorSchema,
  properties: { ...selectorSchema.properties, cascade: { type: 'boolean' } },
}
export const parseStop = createParamsParser<ProcessStopParams>(cascadeSchema)
export const parseRestart = createParamsParser<ProcessRestartParams>(cascadeSchema)
export const parseList = createParamsParser<{ namespace?: string; tags?: string[] }>({
  type: 'object',
  properties: { namespace: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
  additionalProperties: false,
})
export const parseInfo = createParamsParser<{ target: string | number }>({
  type: 'object',
  required: ['target'],
  properties: { target: { type: ['string', 'integer'] } },
  additionalProperties: false,
})
export const parseSave = createParamsParser<{ force?: boolean }>({
  type: 'object',
  properties: { force: { type: 'boolean' } },
  additionalProperties: false,
})
export const parseAdopt = createParamsParser<AdoptParams>({
  type: 'object',
  required: ['pid'],
  properties: {
    pid: { type: 'integer' },
    name: { type: 'string' },
    namespace: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    killSignal: { type: 'string' },
    killTimeout: { type: ['integer', 'string'] },
    groupKill: { type: 'boolean' },
    restartCommand: { type: 'string', minLength: 1 },
    cwd: { type: 'string', minLength: 1 },
  },
  additionalProperties: false,
})
export const parseEnv = createParamsParser<ProcessEnvParams>({
  type: 'object',
  required: ['target'],
  properties: { target: { type: ['string', 'integer'] }, showPlain: { type: 'boolean' } },
  additionalProperties: false,
})
export const parseSignal = createParamsParser<ProcessSignalParams>({
  ...selectorSchema,
  required: ['signal'],
  properties: {
    ...selectorSchema.properties,
    signal: { type: ['string', 'integer'] },
    group: { type: 'boolean' },
  },
})
export const parseEmpty = createParamsParser<Record<string, never>>({
  type: 'object',
  additionalProperties: false,
})
