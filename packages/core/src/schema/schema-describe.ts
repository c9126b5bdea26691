import { isPlainObject } from '../plain-data.js'
import type { JsonSchema, JsonSchemaType } from './json-schema.js'

/** The types a schema allows, or `undefined` when it does not restrict the type. */
export function typesOf(schema: JsonSchema): readonly JsonSchemaType[] | undefined {
  if (schema.type === undefined) return undefined
  return typeof schema.type === 'string' ? [schema.type] : schema.type
}

/** True when `value` is of JSON type `type` (`integer`: a finite number without fraction). */
export function matchesType(type: JsonSchemaType, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return Number.isFinite(value)
    case 'object':
      return isPlainObject(value)
    case 'array':
      return Array.isArray(value)
    case 'null':
      return value === null
    default:
      return typeof value === type
  }
}

/** True when the schema's `type` (if any) accepts `value`. */
export function typeAccepts(schema: JsonSchema, value: unknown): boolean {
  const types = typesOf(schema)
  return types === undefined || types.some((type) => matchesType(type, value))
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'array' : typeof value
}

/**
 * True when `value` has the right kind for a `oneOf`/`anyOf` branch: its `type` accepts it, or
 * (without a type) its `const`/`enum` values are of the same JSON kind. Used to pick the branch
 * whose errors are worth reporting.
 */
export function branchFits(branch: JsonSchema, value: unknown): boolean {
  if (branch.type !== undefined) return typeAccepts(branch, value)
  const options = branch.const !== undefined ? [branch.const] : branch.enum
  return options === undefined || options.some((option) => jsonKind(option) === jsonKind(value))
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function rangeText(low: number | undefined, high: number | undefined, noun: string): string {
  if (low !== undefined && high !== undefined) return ` of ${low}-${high} ${noun}s`
  if (low !== undefined) return ` of at least ${plural(low, noun)}`
  if (high !== undefined) return ` of at most ${plural(high, noun)}`
  return ''
}

function numberPhrase(base: string, s: JsonSchema): string {
  const exclusive = s.exclusiveMinimum !== undefined || s.exclusiveMaximum !== undefined
  if (!exclusive && s.minimum !== undefined && s.maximum !== undefined) {
    return `${base} ${s.minimum}${s.minimum < 0 ? ' to ' : '-'}${s.maximum}`
  }
  const bounds: string[] = []
  if (s.exclusiveMinimum !== undefined) bounds.push(`> ${s.exclusiveMinimum}`)
  else if (s.minimum !== undefined) bounds.push(`>= ${s.minimum}`)
  if (s.exclusiveMaximum !== undefined) bounds.push(`< ${s.exclusiveMaximum}`)
  else if (s.maximum !== undefined) bounds.push(`<= ${s.maximum}`)
  return bounds.length === 0 ? base : `${base} ${bounds.join(' and ')}`
}

function stringPhrase(s: JsonSchema): string {
  const text =
    s.minLength === 1 && s.maxLength === undefined
      ? 'non-empty string'
      : `string${rangeText(s.minLength, s.maxLength, 'character')}`
  return s.pattern === undefined ? text : `${text} matching /${s.pattern}/`
}

function arrayPhrase(s: JsonSchema): string {
  if (s.minItems === 1 && s.maxItems === undefined) return 'non-empty array'
  return `array${rangeText(s.minItems, s.maxItems, 'item')}`
}

function typePhrase(type: JsonSchemaType, s: JsonSchema): string {
  if (type === 'number' || type === 'integer') return numberPhrase(type, s)
  if (type === 'string') return stringPhrase(s)
  if (type === 'array') return arrayPhrase(s)
  return type
}

/**
 * What a schema expects, in words: `integer 1-65535`, `non-empty string`, `one of "a", "b"`,
 * `string or integer >= 1`.
 *
 * @example
 * ```ts
 * import { describeSchema } from '@opendaemon/core'
 *
 * describeSchema({ type: 'integer', minimum: 1, maximum: 65535 }) // 'integer 1-65535'
 * ```
 * @since 0.1.0
 */
export function describeSchema(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  if (schema.enum !== undefined) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`
  const types = typesOf(schema)
  if (types !== undefined) return types.map((type) => typePhrase(type, schema)).join(' or ')
  const branches = schema.oneOf ?? schema.anyOf
  if (branches !== undefined) return branches.map(describeSchema).join(' or ')
  return 'a valid value'
}

/**
 * Describes a received value for "got …": strings quoted (cut at 40 characters); numbers and
 * booleans by value when `showValue`, otherwise by type; arrays by length when `showValue`.
 */
export function describeValue(value: unknown, showValue: boolean): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)
  if (value === null) return 'null'
  if (Array.isArray(value)) return showValue ? plural(value.length, 'item') : 'array'
  if (typeof value === 'number' || typeof value === 'boolean') return showValue ? String(value) : typeof value
  return typeof value
}
