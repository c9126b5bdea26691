import { DaemonError } from '../errors/daemon-error.js'
import { applyDefaults } from './apply-defaults.js'
import type { JsonSchema } from './json-schema.js'
import { typesOf } from './schema-describe.js'
import { formatValidationErrors, validate } from './validate.js'

/**
 * Builds an RPC params parser from a schema: defaults are applied, every error is reported with
 * its path under `params` (`params.target: expected string, got number`), and the result is
 * typed as `P`. Missing params (`undefined`) count as `{}` when the schema allows an object.
 * Keep `P` and the schema in agreement; the parser trusts the schema.
 *
 * @throws {DaemonError} `OD_INVALID_PARAMS` with `data.errors` (`{ path, message }[]`).
 * @example
 * ```ts
 * import { createParamsParser } from '@opendaemon/core'
 *
 * const parse = createParamsParser<{ name: string }>({
 *   type: 'object',
 *   required: ['name'],
 *   properties: { name: { type: 'string', minLength: 1 } },
 *   additionalProperties: false,
 * })
 * parse({ name: 'metrics' }) // { name: 'metrics' }
 * ```
 * @since 0.1.0
 */
export function createParamsParser<P>(schema: JsonSchema): (input: unknown) => P {
  const objectByDefault = typesOf(schema)?.includes('object') === true
  return (input) => {
    const value = applyDefaults(schema, input === undefined && objectByDefault ? {} : input)
    const errors = validate(schema, value, 'params')
    if (errors.length > 0) {
      throw new DaemonError('OD_INVALID_PARAMS', formatValidationErrors(errors), { data: { errors } })
    }
    return value as P
  }
}
