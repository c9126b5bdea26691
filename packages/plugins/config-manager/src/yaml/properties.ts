import type { ParseState } from './parse-state.js'
import type { Scanner } from './scanner.js'

/** Node properties: OpenDaemon's subset has anchors only (tags are rejected). */
export interface Properties {
  readonly anchor: string
  /** Offset of the `&`. */
  readonly at: number
  /** `AnchorTable.mark()` before the node, to size it once complete. */
  readonly mark: number
}

/** Reads `&anchor` at the cursor, if any, and the blanks after it. Tags are rejected. */
export function readProperties(st: ParseState): Properties | undefined {
  const { src } = st
  rejectTag(src)
  if (src.char() !== '&') return undefined
  const at = src.pos
  src.pos += 1
  const anchor = readName(src, '&')
  const props = { anchor, at, mark: st.anchors.mark() }
  src.skipBlanks()
  rejectTag(src)
  if (src.char() === '&') failTwoAnchors(src, src.pos)
  return props
}

/** Reads an anchor or alias name at the cursor: everything up to a blank, break or flow indicator. */
export function readName(src: Scanner, sigil: '&' | '*'): string {
  const start = src.pos
  while (!src.isSpaceOrEnd() && !src.isFlowIndicator()) src.pos += 1
  if (src.pos === start) {
    src.fail(
      'OD_YAML_SYNTAX',
      `"${sigil}" must be followed by a name`,
      `Write "${sigil}name" with no space, or quote the value if "${sigil}" belongs to it.`,
      start - 1,
    )
  }
  return src.text.slice(start, src.pos)
}

export function failTwoAnchors(src: Scanner, at: number): never {
  return src.fail(
    'OD_YAML_SYNTAX',
    'a node can have only one anchor',
    'Remove one of the "&" anchors; if the second one names a key, write "key: value" on that line.',
    at,
  )
}

function rejectTag(src: Scanner): void {
  if (src.char() !== '!') return
  src.fail(
    'OD_YAML_UNSUPPORTED',
    'tags ("!!str", "!custom") are not supported',
    'Remove the tag; quote the value if it must stay a string.',
  )
}
