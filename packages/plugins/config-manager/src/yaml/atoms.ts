import { resolvePlainScalar } from './core-schema.js'
import type { JsonValue } from './json-value.js'
import type { ParseState } from './parse-state.js'
import { canStartPlain, scanPlain } from './plain.js'
import { readName } from './properties.js'
import { scanDoubleQuoted, scanSingleQuoted } from './quoted.js'

/** How a node was written; decides key rules (a flow collection cannot be a key...). */
export type AtomStyle = 'plain' | 'quoted' | 'alias' | 'flow' | 'block' | 'empty'

/** One parsed node with its source span. */
export interface Atom {
  readonly style: AtomStyle
  readonly value: JsonValue
  readonly start: number
  readonly end: number
}

/**
 * Reads an alias, a quoted scalar or a plain scalar at the cursor. Continuation lines must be
 * indented `minIndent` spaces; `flow` selects the flow-context rules for plain scalars.
 */
export function readScalarAtom(st: ParseState, minIndent: number, flow: boolean): Atom {
  const { src } = st
  const start = src.pos
  const c = src.char()
  if (c === '*') {
    src.pos += 1
    const value = st.anchors.expand(readName(src, '*'), start)
    return { style: 'alias', value, start, end: src.pos }
  }
  let value: JsonValue
  if (c === '"' || c === "'") {
    value = c === '"' ? scanDoubleQuoted(src, minIndent) : scanSingleQuoted(src, minIndent)
  } else {
    rejectPlainStart(st, flow)
    value = resolvePlain(st, scanPlain(src, minIndent, flow), start)
  }
  st.anchors.count()
  return { style: c === '"' || c === "'" ? 'quoted' : 'plain', value, start, end: src.pos }
}

function resolvePlain(st: ParseState, text: string, at: number): JsonValue {
  const value = resolvePlainScalar(text)
  if (typeof value === 'number' && !Number.isFinite(value)) {
    st.src.fail(
      'OD_YAML_UNSUPPORTED',
      `"${text}" is not a finite number, and JSON cannot represent it`,
      'Quote it to keep it as text, or use a finite number.',
      at,
    )
  }
  return value
}

function rejectPlainStart(st: ParseState, flow: boolean): void {
  const { src } = st
  if (canStartPlain(src, src.pos, flow)) return
  const c = src.char()
  if (flow && (c === '|' || c === '>')) {
    src.fail(
      'OD_YAML_SYNTAX',
      `a block scalar ("${c}") cannot appear inside [ ] or { }`,
      'Use a quoted string with "\\n" escapes, or move the value out of the flow collection.',
    )
  }
  src.fail('OD_YAML_SYNTAX', `"${c}" cannot start a value here`, `Quote the value if "${c}" belongs to it.`)
}

/**
 * Rejects `? ` (explicit or complex key) and `: ` without a key at the cursor. In flow context a
 * flow indicator after them counts like a space.
 */
export function rejectKeyIndicators(st: ParseState, flow: boolean): void {
  const { src } = st
  const c = src.char()
  if (c !== '?' && c !== ':') return
  if (!src.isSpaceOrEnd(src.pos + 1) && !(flow && src.isFlowIndicator(src.pos + 1))) return
  if (c === '?') {
    src.fail(
      'OD_YAML_UNSUPPORTED',
      'explicit keys ("? ") and complex keys are not supported',
      'Write the entry as "key: value" with a plain or quoted key.',
    )
  }
  src.fail('OD_YAML_UNSUPPORTED', 'a mapping entry needs a key before ":"', 'Write the key before the ":".')
}
