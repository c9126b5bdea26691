import type { EnumArg, NumberArg, StringArg } from './arg-spec.js'
import { closestMatch } from './closest-match.js'

/** The outcome of turning one raw command-line string into a typed value. */
export type Coerced = { ok: true; value: string | number } | { ok: false; problem: string }

const TRUE_WORDS = ['true', '1', 'yes', 'on']
const FALSE_WORDS = ['false', '0', 'no', 'off']

/**
 * Parses the explicit value of a boolean flag (`--watch=false`).
 *
 * @example
 * ```ts
 * parseBooleanWord('yes') // true
 * parseBooleanWord('maybe') // undefined
 * ```
 */
export function parseBooleanWord(raw: string): boolean | undefined {
  const word = raw.toLowerCase()
  if (TRUE_WORDS.includes(word)) return true
  if (FALSE_WORDS.includes(word)) return false
  return undefined
}

/**
 * Turns the raw string given to a value flag into its typed value, or a problem naming the flag.
 *
 * @example
 * ```ts
 * coerceValue({ type: 'number', description: 'Port', integer: true }, '80', '--port') // { ok: true, value: 80 }
 * ```
 */
export function coerceValue(spec: StringArg | NumberArg | EnumArg, raw: string, label: string): Coerced {
  switch (spec.type) {
    case 'string':
      return { ok: true, value: raw }
    case 'number':
      return coerceNumber(spec, raw, label)
    case 'enum':
      return coerceEnum(spec, raw, label)
  }
}

function coerceNumber(spec: NumberArg, raw: string, label: string): Coerced {
  const value = raw.trim() === '' ? Number.NaN : Number(raw)
  if (!Number.isFinite(value)) return { ok: false, problem: `${label} expects a number, got "${raw}".` }
  if (spec.integer === true && !Number.isInteger(value)) {
    return { ok: false, problem: `${label} expects a whole number, got "${raw}".` }
  }
  if (spec.min !== undefined && value < spec.min) {
    return { ok: false, problem: `${label} must be at least ${spec.min}, got ${value}.` }
  }
  if (spec.max !== undefined && value > spec.max) {
    return { ok: false, problem: `${label} must be at most ${spec.max}, got ${value}.` }
  }
  return { ok: true, value }
}

function coerceEnum(spec: EnumArg, raw: string, label: string): Coerced {
  if (spec.values.includes(raw)) return { ok: true, value: raw }
  const guess = closestMatch(raw, spec.values)
  const hint = guess === undefined ? '' : ` Did you mean "${guess}"?`
  return { ok: false, problem: `${label} expects one of ${spec.values.join(', ')}; got "${raw}".${hint}` }
}
