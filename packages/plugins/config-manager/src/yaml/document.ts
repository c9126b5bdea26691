import { parseBlockNode, parseLineNode, ROOT } from './block-parser.js'
import type { JsonValue } from './json-value.js'
import type { ParseState } from './parse-state.js'

/**
 * Parses the whole stream as one document: optionally opened by `---` and closed by `...`.
 * Directives and further documents are outside OpenDaemon's subset. An empty stream is `null`.
 */
export function parseDocument(st: ParseState): JsonValue {
  const { src } = st
  const next = src.nextContentLine()
  let value: JsonValue = null
  if (next.kind === 'content') {
    src.pos = next.at
    if (src.char() === '%' && next.indent === 0) rejectDirective(st)
    value = parseLineNode(st, ROOT, next.tabbed)
  } else if (next.kind === 'marker' && src.startsWith('---')) {
    src.pos += 3
    value = parseBlockNode(st, ROOT)
  }
  finishDocument(st)
  return value
}

/** After the root node: an optional `...`, then only comments and blank lines. */
function finishDocument(st: ParseState): void {
  const { src } = st
  let next = src.nextContentLine()
  let ended = false
  if (next.kind === 'marker' && src.startsWith('...')) {
    src.pos += 3
    src.expectLineEnd()
    next = src.nextContentLine()
    ended = true
  }
  if (next.kind === 'end') return
  if (next.kind === 'content') src.pos = next.at
  if (next.kind === 'content' && !ended) {
    src.fail(
      'OD_YAML_SYNTAX',
      'unexpected content after the end of the document',
      'Check the indentation of this line: it does not belong to any key or list above it.',
    )
  }
  if (src.char() === '%') rejectDirective(st)
  src.fail(
    'OD_YAML_UNSUPPORTED',
    'a second YAML document starts here; only one document per file is supported',
    'Remove the extra "---" or "..." marker, or split the documents into separate files.',
  )
}

function rejectDirective(st: ParseState): never {
  return st.src.fail(
    'OD_YAML_UNSUPPORTED',
    'directives ("%YAML", "%TAG") are not supported',
    'Remove the directive line; the file is read as YAML 1.2.',
  )
}
