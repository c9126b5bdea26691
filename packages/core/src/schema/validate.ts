import { didYouMean } from '../did-you-mean.js'
import { deepEqual, isPlainObject, type PlainObject } from '../plain-data.js'
import type { JsonSchema, ValidationError } from './json-schema.js'
import { branchFits, describeSchema, describeValue, typeAccepts, typesOf } from './schema-describe.js'
import { atPath, joinPath } from './schema-path.js'

type Sink = ValidationError[]

function expected(schema: JsonSchema, value: unknown, path: string, showValue: boolean): ValidationError {
  return {
    path,
    message: atPath(path, `expected ${describeSchema(schema)}, got ${describeValue(value, showValue)}`),
  }
}

function codePoints(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}

function withinBounds(s: JsonSchema, value: unknown): boolean {
  if (typeof value === 'number') {
    return !(
      (s.minimum !== undefined && value < s.minimum) ||
      (s.maximum !== undefined && value > s.maximum) ||
      (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum) ||
      (s.exclusiveMaximum !== undefined && value >= s.exclusiveMaximum)
    )
  }
  if (typeof value === 'string') {
    const length = codePoints(value)
    return !(
      (s.minLength !== undefined && length < s.minLength) ||
      (s.maxLength !== undefined && length > s.maxLength) ||
      (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value))
    )
  }
  if (Array.isArray(value)) {
    return !(
      (s.minItems !== undefined && value.length < s.minItems) ||
      (s.maxItems !== undefined && value.length > s.maxItems)
    )
  }
  return true
}

/** type, const, enum and bounds: at most one error per value. False when the value is rejected. */
function checkValue(schema: JsonSchema, value: unknown, path: string, errors: Sink): boolean {
  if (!typeAccepts(schema, value)) {
    const numeric = typesOf(schema)?.some((t) => t === 'number' || t === 'integer') === true
    errors.push(expected(schema, value, path, numeric && typeof value === 'number'))
    return false
  }
  const rejected =
    (schema.const !== undefined && !deepEqual(schema.const, value)) ||
    (schema.enum !== undefined && !schema.enum.some((option) => deepEqual(option, value))) ||
    !withinBounds(schema, value)
  if (rejected) errors.push(expected(schema, value, path, true))
  return !rejected
}

function checkObject(schema: JsonSchema, value: PlainObject, path: string, errors: Sink): void {
  const properties = schema.properties ?? {}
  for (const key of schema.required ?? []) {
    if (value[key] === undefined)
      errors.push({ path: joinPath(path, key), message: atPath(joinPath(path, key), 'is required') })
  }
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue
    const childPath = joinPath(path, key)
    const extra = schema.additionalProperties
    if (Object.hasOwn(properties, key)) check(properties[key] as JsonSchema, child, childPath, errors)
    else if (typeof extra === 'object') check(extra, child, childPath, errors)
    else if (extra === false) {
      const hint = didYouMean(key, Object.keys(properties))
      const detail = hint === undefined ? 'unknown property' : `unknown property (did you mean "${hint}"?)`
      errors.push({ path: childPath, message: atPath(childPath, detail) })
    }
  }
}

function checkBranches(
  kind: 'oneOf' | 'anyOf',
  branches: readonly JsonSchema[],
  value: unknown,
  path: string,
  errors: Sink,
): void {
  const results = branches.map((branch) => validate(branch, value, path))
  const passing = results.filter((r) => r.length === 0).length
  if (passing === 1 || (passing > 1 && kind === 'anyOf')) return
  if (passing > 1) {
    errors.push({
      path,
      message: atPath(path, `matches ${passing} of the allowed forms; expected exactly one`),
    })
    return
  }
  const sameType = results.filter((_, i) => branchFits(branches[i] as JsonSchema, value))
  if (sameType.length === 1) errors.push(...(sameType[0] as ValidationError[]))
  else errors.push(expected({ [kind]: branches }, value, path, true))
}

function check(schema: JsonSchema, value: unknown, path: string, errors: Sink): void {
  if (!checkValue(schema, value, path, errors)) return
  if (isPlainObject(value)) checkObject(schema, value, path, errors)
  else if (Array.isArray(value) && schema.items !== undefined) {
    const items = schema.items
    value.forEach((item, index) => check(items, item, joinPath(path, index), errors))
  }
  if (schema.anyOf !== undefined) checkBranches('anyOf', schema.anyOf, value, path, errors)
  if (schema.oneOf !== undefined) checkBranches('oneOf', schema.oneOf, value, path, errors)
}

/**
 * Validates `value` against `schema` and returns every error (empty when valid). Messages name
 * the path and what was expected: `apps[2].healthCheck.port: expected integer 1-65535, got "abc"`.
 *
 * @param path - Name of the root value, prefixed to every path (`params` gives `params.target`).
 * @example
 * ```ts
 * import { validate, type JsonSchema } from '@opendaemon/core'
 *
 * const schema: JsonSchema = {
 *   type: 'object',
 *   required: ['port'],
 *   properties: { port: { type: 'integer', minimum: 1, maximum: 65535 } },
 * }
 * validate(schema, { port: 'abc' }) // [{ path: 'port', message: 'port: expected integer 1-65535, got "abc"' }]
 * ```
 * @since 0.1.0
 */
export function validate(schema: JsonSchema, value: unknown, path = ''): ValidationError[] {
  const errors: ValidationError[] = []
  check(schema, value, path, errors)
  return errors
}

/**
 * Joins validation errors into one sentence-friendly string: `a: …; b: …`.
 *
 * @example
 * ```ts
 * import { formatValidationErrors, validate } from '@opendaemon/core'
 *
 * formatValidationErrors(validate({ type: 'string' }, 1, 'name')) // 'name: expected string, got number'
 * ```
 * @since 0.1.0
 */
export function formatValidationErrors(errors: readonly ValidationError[]): string {
  return errors.map((error) => error.message).join('; ')
}
