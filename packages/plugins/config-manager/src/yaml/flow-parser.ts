import { readScalarAtom, rejectKeyIndicators, type Atom } from './atoms.js'
import type { JsonValue } from './json-value.js'
import { MappingBuilder } from './mapping-builder.js'
import type { ParseState } from './parse-state.js'
import { readProperties } from './properties.js'

/** One flow collection being parsed: where it opened and how far its lines must be indented. */
interface Flow {
  readonly st: ParseState
  readonly open: number
  readonly minIndent: number
}

/**
 * Parses a `[...]` or `{...}` collection whose bracket is at the cursor. Its lines after the
 * first must be indented at least `minIndent` spaces. Leaves the cursor after the closing bracket.
 */
export function parseFlowCollection(st: ParseState, minIndent: number): JsonValue {
  const { src } = st
  const flow: Flow = { st, open: src.pos, minIndent }
  st.enter(src.pos)
  src.pos += 1
  const value = src.char(flow.open) === '[' ? parseFlowSequence(flow) : parseFlowMapping(flow)
  src.pos += 1
  st.leave()
  return value
}

function parseFlowSequence(flow: Flow): JsonValue[] {
  const { src } = flow.st
  const items: JsonValue[] = []
  for (skipFlowSpace(flow); src.char() !== ']'; skipFlowSpace(flow)) {
    flow.st.push(items.length)
    items.push(parseSequenceEntry(flow))
    flow.st.pop()
    skipFlowSpace(flow)
    if (src.char() === ']') break
    expectComma(flow, ']')
  }
  return items
}

/** An entry of a flow sequence: a node, or a single `key: value` pair (a one-entry mapping). */
function parseSequenceEntry(flow: Flow): JsonValue {
  const { st } = flow
  const { src } = st
  rejectKeyIndicators(st, true)
  const key = parseFlowNode(flow)
  const end = src.pos
  src.skipBlanks()
  if (!atValueIndicator(flow, key)) {
    src.pos = end
    return key.value
  }
  st.enter(key.start)
  const pair = new MappingBuilder(src)
  const name = pair.claim(key, true)
  src.pos += 1
  st.push(name)
  pair.set(name, parseFlowValue(flow, ']'))
  st.mark(key.start)
  st.pop()
  st.leave()
  return pair.object
}

function parseFlowMapping(flow: Flow): JsonValue {
  const { st } = flow
  const { src } = st
  const mapping = new MappingBuilder(src)
  for (skipFlowSpace(flow); src.char() !== '}'; skipFlowSpace(flow)) {
    rejectKeyIndicators(st, true)
    const key = parseFlowNode(flow)
    skipFlowSpace(flow)
    const name = mapping.claim(key, false)
    let value: JsonValue = null
    st.push(name)
    if (atValueIndicator(flow, key)) {
      src.pos += 1
      value = parseFlowValue(flow, '}')
    } else {
      st.anchors.count()
    }
    st.mark(key.start)
    st.pop()
    mapping.set(name, value)
    skipFlowSpace(flow)
    if (src.char() === '}') break
    expectComma(flow, '}')
  }
  return mapping.object
}

/** The value after a `:`; empty (null) when `,` or the closing bracket follows. */
function parseFlowValue(flow: Flow, close: string): JsonValue {
  const { st } = flow
  skipFlowSpace(flow)
  const c = st.src.char()
  if (c === ',' || c === close) {
    st.anchors.count()
    return null
  }
  return parseFlowNode(flow).value
}

/** A flow node at the cursor, with its anchor; empty (null) when only an anchor is there. */
function parseFlowNode(flow: Flow): Atom {
  const { st } = flow
  const { src } = st
  const start = src.pos
  const props = readProperties(st)
  if (props) skipFlowSpace(flow)
  st.mark(src.pos)
  let atom: Atom
  if (props && atNodeEnd(flow)) {
    st.anchors.count()
    atom = { style: 'empty', value: null, start, end: src.pos }
  } else if (src.char() === '[' || src.char() === '{') {
    const at = src.pos
    atom = { style: 'flow', value: parseFlowCollection(st, flow.minIndent), start: at, end: src.pos }
  } else {
    atom = readScalarAtom(st, flow.minIndent, true)
  }
  if (props) {
    if (atom.style === 'alias') {
      src.fail(
        'OD_YAML_SYNTAX',
        'an alias cannot have an anchor',
        'Remove the "&" anchor before the alias.',
        props.at,
      )
    }
    st.anchors.define(props.anchor, atom.value, props.mark)
  }
  return atom
}

/** Whether the cursor is where a node would already be over: `,`, a bracket or a `: `. */
function atNodeEnd(flow: Flow): boolean {
  const { src } = flow.st
  const c = src.char()
  if (c === ',' || c === ']' || c === '}') return true
  return c === ':' && (src.isSpaceOrEnd(src.pos + 1) || src.isFlowIndicator(src.pos + 1))
}

/** A `:` that separates a key from its value; after a quoted key or a collection it may touch the value. */
function atValueIndicator(flow: Flow, key: Atom): boolean {
  const { src } = flow.st
  if (src.char() !== ':') return false
  if (key.style === 'quoted' || key.style === 'flow') return true
  return src.isSpaceOrEnd(src.pos + 1) || src.isFlowIndicator(src.pos + 1)
}

function expectComma(flow: Flow, close: string): void {
  const { src } = flow.st
  if (src.char() === ',') {
    src.pos += 1
    return
  }
  if (src.char() === ':' && close === ']') {
    src.fail(
      'OD_YAML_SYNTAX',
      'unexpected ":" in a flow sequence',
      'Put a key and its ":" on the same line, and quote values that contain ": ".',
    )
  }
  src.fail(
    'OD_YAML_SYNTAX',
    `expected "," or "${close}" in a flow collection`,
    'Separate entries with commas, and quote values that contain ": " or " #".',
  )
}

/** Skips blanks, line breaks and comments inside a flow collection, checking each new line. */
function skipFlowSpace(flow: Flow): void {
  const { src } = flow.st
  for (;;) {
    const c = src.char()
    if (c === ' ' || c === '\t') src.pos += 1
    else if (c === '#' && (src.isLineStart() || src.isBlank(src.pos - 1))) src.skipToLineEnd()
    else if (c === '\n') {
      src.pos += 1
      checkFlowLine(flow)
    } else if (c === '') unterminated(flow)
    else return
  }
}

/** At the start of a line inside a flow collection: no document marker, enough indentation. */
function checkFlowLine(flow: Flow): void {
  const { src } = flow.st
  const start = src.pos
  if (src.isDocumentMarker(start)) {
    src.fail(
      'OD_YAML_SYNTAX',
      'a document marker cannot appear inside a flow collection',
      `Close the collection with "${closerOf(flow)}" before it.`,
    )
  }
  let i = start
  while (src.char(i) === ' ') i += 1
  const spaces = i - start
  while (src.isBlank(i)) i += 1
  const c = src.char(i)
  if (c !== '\n' && c !== '#' && c !== '' && spaces < flow.minIndent) {
    src.fail(
      'OD_YAML_SYNTAX',
      'this line of a flow collection is not indented enough',
      `Indent it by at least ${flow.minIndent} space${flow.minIndent === 1 ? '' : 's'}, more than its key.`,
      i,
    )
  }
}

function closerOf(flow: Flow): string {
  return flow.st.src.char(flow.open) === '[' ? ']' : '}'
}

function unterminated(flow: Flow): never {
  const kind = flow.st.src.char(flow.open) === '[' ? 'sequence' : 'mapping'
  return flow.st.src.fail(
    'OD_YAML_SYNTAX',
    `unterminated flow ${kind}`,
    `Add the closing "${closerOf(flow)}".`,
    flow.open,
  )
}
