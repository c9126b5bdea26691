import { readScalarAtom, rejectKeyIndicators, type Atom } from './atoms.js'
import { scanBlockScalar } from './block-scalar.js'
import { parseFlowCollection } from './flow-parser.js'
import type { JsonValue } from './json-value.js'
import { MappingBuilder } from './mapping-builder.js'
import type { ParseState } from './parse-state.js'
import { failTwoAnchors, readProperties, type Properties } from './properties.js'

/**
 * Where a block node sits: `n` is the indentation of the collection that owns it (-1 for the
 * document's root); `kind` says whether it is a sequence entry, a mapping value or the root.
 */
export interface BlockContext {
  readonly n: number
  readonly kind: 'seq' | 'map' | 'top'
}

/** The document root's context. */
export const ROOT: BlockContext = { n: -1, kind: 'top' }

/**
 * Where a node's content starts: at the start of its line (`line`), on the line of a `- `
 * (`compact`: a nested collection may start there) or after `key:` / `---` (`inline`).
 */
type Mode = 'line' | 'compact' | 'inline'

/** The start of a node: its properties, and the first scalar or collection, maybe a key. */
type Lead =
  | { readonly kind: 'props-only'; readonly props: Properties }
  | { readonly kind: 'node'; readonly props: Properties | undefined; readonly atom: Atom }
  | KeyLead

interface KeyLead {
  readonly kind: 'key'
  readonly props: Properties | undefined
  readonly atom: Atom
}

/** Parses the node after an indicator (`-`, `:` or `---`) at the cursor. */
export function parseBlockNode(st: ParseState, ctx: BlockContext): JsonValue {
  const tab = st.src.skipBlanks()
  if (st.src.skipToLineEnd()) return parseNodeOnNextLines(st, ctx, undefined)
  return parseContent(st, ctx, ctx.kind === 'seq' ? 'compact' : 'inline', tab, undefined)
}

/** Parses a node whose content starts at the cursor, the first content of its line. */
export function parseLineNode(st: ParseState, ctx: BlockContext, tabbed: boolean): JsonValue {
  return parseContent(st, ctx, 'line', tabbed, undefined)
}

function parseNodeOnNextLines(st: ParseState, ctx: BlockContext, props: Properties | undefined): JsonValue {
  const { src } = st
  const next = src.nextContentLine()
  if (next.kind === 'content') {
    if (next.indent > ctx.n) {
      src.pos = next.at
      return parseContent(st, ctx, 'line', next.tabbed, props)
    }
    // A mapping's value may be a sequence at the key's own indentation.
    if (next.indent === ctx.n && ctx.kind === 'map' && !next.tabbed && src.isSeqIndicator(next.at)) {
      src.pos = next.at
      return withAnchor(st, props, parseBlockSequence(st, ctx.n))
    }
  }
  st.anchors.count()
  return withAnchor(st, props, null)
}

function parseContent(
  st: ParseState,
  ctx: BlockContext,
  mode: Mode,
  tabbed: boolean,
  outer: Properties | undefined,
): JsonValue {
  const { src } = st
  const col = src.column()
  st.mark(src.pos)
  if (src.isSeqIndicator()) {
    if (mode === 'inline' || tabbed) blockNotAllowed(st, ctx, tabbed, 'a block sequence')
    return withAnchor(st, outer, parseBlockSequence(st, col))
  }
  const lead = parseLead(st, ctx)
  if (lead.kind === 'props-only') {
    if (outer) failTwoAnchors(src, lead.props.at)
    return parseNodeOnNextLines(st, ctx, lead.props)
  }
  if (lead.kind === 'key') {
    if (lead.atom.style === 'plain' && src.spansLines(lead.atom.start, src.pos)) keyInContinuation(st)
    if (mode === 'inline' || tabbed)
      blockNotAllowed(st, ctx, tabbed, 'a mapping', lead.props?.at ?? lead.atom.start)
    return withAnchor(st, outer, parseBlockMapping(st, col, lead))
  }
  if (outer && lead.props) failTwoAnchors(src, lead.props.at)
  if (lead.atom.style !== 'block') src.expectLineEnd()
  return withAnchor(st, outer ?? lead.props, lead.atom.value)
}

function parseLead(st: ParseState, ctx: BlockContext): Lead {
  const { src } = st
  rejectKeyIndicators(st, false)
  const props = readProperties(st)
  if (props) {
    if (src.skipToLineEnd()) return { kind: 'props-only', props }
    if (src.isSeqIndicator()) {
      src.fail(
        'OD_YAML_SYNTAX',
        'a block sequence cannot start on the line of its anchor',
        'Put the "- " entries on the lines after the anchor.',
      )
    }
    rejectKeyIndicators(st, false)
  }
  const atom = parseBlockAtom(st, ctx)
  if (props && atom.style === 'alias') {
    src.fail(
      'OD_YAML_SYNTAX',
      'an alias cannot have an anchor',
      'Remove the "&" anchor before the alias.',
      props.at,
    )
  }
  if (atom.style === 'block') return { kind: 'node', props, atom }
  src.skipBlanks()
  const isKey = src.char() === ':' && src.isSpaceOrEnd(src.pos + 1)
  return isKey ? { kind: 'key', props, atom } : { kind: 'node', props, atom }
}

function parseBlockAtom(st: ParseState, ctx: BlockContext): Atom {
  const { src } = st
  const start = src.pos
  const c = src.char()
  if (c === '[' || c === '{') {
    const value = parseFlowCollection(st, ctx.n + 1)
    return { style: 'flow', value, start, end: src.pos }
  }
  if (c === '|' || c === '>') {
    const value = scanBlockScalar(src, ctx.n)
    st.anchors.count()
    return { style: 'block', value, start, end: src.pos }
  }
  return readScalarAtom(st, ctx.n + 1, false)
}

function parseBlockSequence(st: ParseState, col: number): JsonValue[] {
  const { src } = st
  st.enter(src.pos)
  const items: JsonValue[] = []
  for (;;) {
    const at = src.pos
    src.pos += 1
    st.push(items.length)
    items.push(parseBlockNode(st, { n: col, kind: 'seq' }))
    st.mark(at)
    st.pop()
    const next = src.nextContentLine()
    if (next.kind !== 'content' || next.indent < col) break
    if (next.indent > col) badIndentation(st, next.at)
    if (next.tabbed) tabIndentation(st, next.at)
    if (!src.isSeqIndicator(next.at)) break
    src.pos = next.at
  }
  st.leave()
  return items
}

function parseBlockMapping(st: ParseState, col: number, first: KeyLead): JsonValue {
  const { src } = st
  st.enter(first.props?.at ?? first.atom.start)
  const mapping = new MappingBuilder(src)
  for (let lead = first; ;) {
    const key = mapping.claim(lead.atom, true)
    withAnchor(st, lead.props, lead.atom.value)
    src.pos += 1
    st.push(key)
    mapping.set(key, parseBlockNode(st, { n: col, kind: 'map' }))
    st.mark(lead.atom.start)
    st.pop()
    const next = src.nextContentLine()
    if (next.kind !== 'content' || next.indent < col) break
    if (next.indent > col) badIndentation(st, next.at)
    if (next.tabbed) tabIndentation(st, next.at)
    src.pos = next.at
    lead = parseKeyLead(st, col)
  }
  st.leave()
  return mapping.object
}

/** The next `key:` of a block mapping at indentation `col`, at the cursor. */
function parseKeyLead(st: ParseState, col: number): KeyLead {
  const { src } = st
  const at = src.pos
  if (src.isSeqIndicator()) {
    src.fail(
      'OD_YAML_SYNTAX',
      'expected a "key: value" entry, found a "- " sequence entry',
      'Indent the sequence under its key, or turn this line into "key: value".',
    )
  }
  const lead = parseLead(st, { n: col, kind: 'map' })
  if (lead.kind === 'key') return lead
  return src.fail(
    'OD_YAML_SYNTAX',
    'expected a "key: value" entry at this indentation',
    'Add ": " after the key, or indent the line more if it continues the value above.',
    at,
  )
}

function withAnchor(st: ParseState, props: Properties | undefined, value: JsonValue): JsonValue {
  if (props) st.anchors.define(props.anchor, value, props.mark)
  return value
}

function blockNotAllowed(
  st: ParseState,
  ctx: BlockContext,
  tabbed: boolean,
  what: string,
  at = st.src.pos,
): never {
  if (tabbed) tabIndentation(st, at)
  const where = ctx.kind === 'top' ? 'the "---" line' : 'the line of its parent key'
  return st.src.fail(
    'OD_YAML_SYNTAX',
    `${what} cannot start on ${where}`,
    ctx.kind === 'top'
      ? 'Start it on the line after "---".'
      : 'Start it on the next line, indented under the key.',
    at,
  )
}

/** A plain scalar went on over lines until a `: `: that line was meant as a key. */
function keyInContinuation(st: ParseState): never {
  const { src } = st
  let at = src.lineStart()
  while (src.isBlank(at)) at += 1
  return src.fail(
    'OD_YAML_SYNTAX',
    'this line continues the value above it, but contains ": " like a new key',
    'Align the line with the keys of its mapping, or quote the value if it contains ": ".',
    at,
  )
}

function tabIndentation(st: ParseState, at: number): never {
  return st.src.fail('OD_YAML_SYNTAX', 'a tab cannot be used for indentation', 'Indent with spaces only.', at)
}

function badIndentation(st: ParseState, at: number): never {
  return st.src.fail(
    'OD_YAML_SYNTAX',
    'this line is indented more than the entries above it',
    'Align it with the entries of its mapping or sequence, or put it under a key ending with ":".',
    at,
  )
}
