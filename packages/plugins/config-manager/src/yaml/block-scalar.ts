import type { Scanner } from './scanner.js'

type Chomping = 'strip' | 'clip' | 'keep'

interface Header {
  readonly folded: boolean
  readonly chomping: Chomping
  /** Content indentation given by an indentation indicator, if any. */
  readonly indent: number | undefined
}

/** The lines of a block scalar, without their indentation. */
interface Body {
  /** Up to the last non-empty line; empty lines inside are `''`. */
  readonly lines: string[]
  /** Empty lines after the last non-empty one. */
  readonly trailing: number
}

/**
 * Reads a `|` (literal) or `>` (folded) block scalar whose indicator is at the cursor. `n` is the
 * indentation of the parent collection (-1 at the top level): content lines are indented more.
 * Leaves the cursor at the start of the first line after the scalar.
 */
export function scanBlockScalar(src: Scanner, n: number): string {
  const header = readHeader(src, n)
  if (src.pos >= src.text.length) return ''
  src.pos += 1
  const body = readBody(src, n, header.indent)
  const text = header.folded ? fold(body.lines) : body.lines.join('\n')
  if (body.lines.length === 0) return header.chomping === 'keep' ? '\n'.repeat(body.trailing) : ''
  if (header.chomping === 'strip') return text
  return header.chomping === 'clip' ? `${text}\n` : text + '\n'.repeat(body.trailing + 1)
}

function readHeader(src: Scanner, n: number): Header {
  const folded = src.char() === '>'
  let chomping: Chomping = 'clip'
  let indent: number | undefined
  src.pos += 1
  for (let k = 0; k < 2; k++) {
    const c = src.char()
    if (indent === undefined && c >= '1' && c <= '9') indent = n + Number(c)
    else if (chomping === 'clip' && (c === '-' || c === '+')) chomping = c === '-' ? 'strip' : 'keep'
    else break
    src.pos += 1
  }
  if (src.char() >= '0' && src.char() <= '9') {
    src.fail(
      'OD_YAML_SYNTAX',
      'a block scalar indentation indicator must be one digit from 1 to 9',
      'Remove the indicator and let the indentation be detected.',
    )
  }
  if (!src.skipToLineEnd()) {
    src.fail(
      'OD_YAML_SYNTAX',
      `only a comment may follow the "${folded ? '>' : '|'}" of a block scalar`,
      'Start the text on the next line, indented; put a space before a "#" comment.',
    )
  }
  return { folded, chomping, indent }
}

function readBody(src: Scanner, n: number, explicit: number | undefined): Body {
  const { text } = src
  const lines: string[] = []
  let indent = explicit
  let empty = 0
  let widestEmpty = { spaces: 0, at: 0 }
  while (src.pos < text.length && !src.isDocumentMarker()) {
    const start = src.pos
    const found = text.indexOf('\n', start)
    const end = found === -1 ? text.length : found
    let i = start
    while (text.charAt(i) === ' ') i += 1
    const spaces = i - start
    const blank = i === end
    if (indent === undefined && !blank && spaces > n) {
      if (widestEmpty.spaces > spaces) leadingTooWide(src, widestEmpty.at, spaces)
      indent = spaces
    }
    if (blank && (indent === undefined || spaces <= indent)) {
      empty += 1
      if (spaces > widestEmpty.spaces) widestEmpty = { spaces, at: start }
    } else if (indent === undefined || spaces < indent) {
      endOfScalar(src, i, end)
      break
    } else {
      for (; empty > 0; empty--) lines.push('')
      lines.push(text.slice(start + indent, end))
    }
    src.pos = Math.min(end + 1, text.length)
  }
  return { lines, trailing: empty }
}

/** A line indented less than the content ends the scalar, unless it only holds blanks and tabs. */
function endOfScalar(src: Scanner, contentAt: number, end: number): void {
  let i = contentAt
  while (src.isBlank(i)) i += 1
  if (i === end) {
    src.fail(
      'OD_YAML_SYNTAX',
      'a tab cannot indent a line of a block scalar',
      'Indent block scalar lines with spaces only.',
      contentAt,
    )
  }
}

function leadingTooWide(src: Scanner, at: number, spaces: number): never {
  return src.fail(
    'OD_YAML_SYNTAX',
    `a leading empty line of this block scalar has more spaces than its first text line (${spaces})`,
    'Remove the trailing spaces from the empty lines, or add an indentation indicator such as "|2".',
    at,
  )
}

/** Line folding of `>` scalars (spec 1.2.2, section 8.1.3). */
function fold(lines: readonly string[]): string {
  let out = ''
  let empty = 0
  let previous: 'none' | 'normal' | 'spaced' = 'none'
  for (const line of lines) {
    if (line === '') {
      empty += 1
      continue
    }
    const spaced = line.startsWith(' ') || line.startsWith('\t')
    if (previous === 'none') out += '\n'.repeat(empty)
    else if (previous === 'normal' && !spaced) out += empty === 0 ? ' ' : '\n'.repeat(empty)
    else out += '\n'.repeat(empty + 1)
    out += line
    previous = spaced ? 'spaced' : 'normal'
    empty = 0
  }
  return out
}
