import { isPlainObject } from '../plain-data.js'
import type { JsonSchema } from './json-schema.js'

/**
 * Returns a copy of `value` with `default`s filled in: a missing (`undefined`) value takes its
 * schema's `default` (cloned), then object properties and array items are filled recursively.
 * Inputs are never mutated. Defaults inside `oneOf`/`anyOf` are not applied (the branch is not
 * known before validation). Give nested objects `default: {}` to have their own defaults filled
 * when the whole object is missing.
 *
 * @example
 * ```ts
 * import { applyDefaults } from '@opendaemon/core'
 *
 * applyDefaults(
 *   { type: 'object', properties: { port: { type: 'integer', default: 3000 } } },
 *   {},
 * ) // { port: 3000 }
 * ```
 * @since 0.1.0
 */
export function applyDefaults(schema: JsonSchema, value: unknown): unknown {
  const filled = value === undefined && schema.default !== undefined ? structuredClone(schema.default) : value
  if (isPlainObject(filled) && schema.properties !== undefined) {
    const out = { ...filled }
    for (const [key, child] of Object.entries(schema.properties)) {
      const next = applyDefaults(child, out[key])
      if (next !== undefined) out[key] = next
    }
    return out
  }
  if (Array.isArray(filled) && schema.items !== undefined) {
    const items = schema.items
    return filled.map((item: unknown) => applyDefaults(items, item))
  }
  return filled
}
