/**
 * YAML 1.2 core schema (spec 1.2.2, section 10.3.2): how an untagged plain scalar resolves.
 * Pure: quoted and block scalars never come here, they are always strings.
 */

const MAYBE_NOT_STRING = /^(?:[-+.~0-9nNtTfF]|$)/
const NULL = /^(?:null|Null|NULL|~|)$/
const TRUE = /^(?:true|True|TRUE)$/
const FALSE = /^(?:false|False|FALSE)$/
const DECIMAL = /^[-+]?[0-9]+$/
const OCTAL = /^0o[0-7]+$/
const HEX = /^0x[0-9a-fA-F]+$/
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/
const INFINITY = /^([-+]?)\.(?:inf|Inf|INF)$/
const NAN = /^\.(?:nan|NaN|NAN)$/

/**
 * Resolves a plain scalar's text to null, a boolean, a number or a string.
 * `.inf`, `-.inf` and `.nan` resolve to `Infinity`, `-Infinity` and `NaN`, which JSON cannot hold:
 * the caller decides what to do with non-finite numbers.
 *
 * @example
 * ```ts
 * resolvePlainScalar('0x1F') // 31
 * resolvePlainScalar('~') // null
 * resolvePlainScalar('yes') // 'yes' (YAML 1.1 booleans are strings in 1.2)
 * ```
 */
export function resolvePlainScalar(text: string): null | boolean | number | string {
  // Most config values are words: only these first characters can start a non-string.
  if (!MAYBE_NOT_STRING.test(text)) return text
  if (NULL.test(text)) return null
  if (TRUE.test(text)) return true
  if (FALSE.test(text)) return false
  if (DECIMAL.test(text) || FLOAT.test(text)) return Number(text)
  if (OCTAL.test(text)) return parseInt(text.slice(2), 8)
  if (HEX.test(text)) return parseInt(text.slice(2), 16)
  const inf = INFINITY.exec(text)
  if (inf) return inf[1] === '-' ? -Infinity : Infinity
  if (NAN.test(text)) return NaN
  return text
}
