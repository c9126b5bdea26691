import type { Scanner } from './scanner.js'

/** Single-character escapes of double-quoted scalars (spec 1.2.2, section 5.7). */
const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['0', '\0'],
  ['a', '\x07'],
  ['b', '\b'],
  ['t', '\t'],
  ['\t', '\t'],
  ['n', '\n'],
  ['v', '\v'],
  ['f', '\f'],
  ['r', '\r'],
  ['e', '\x1b'],
  [' ', ' '],
  ['"', '"'],
  ['/', '/'],
  ['\\', '\\'],
  ['N', '\x85'],
  ['_', '\xa0'],
  ['L', '\u2028'],
  ['P', '\u2029'],
])

/** `\x`, `\u` and `\U` and how many hex digits each takes. */
const HEX_ESCAPES: ReadonlyMap<string, number> = new Map([
  ['x', 2],
  ['u', 4],
  ['U', 8],
])

const HEX_DIGITS = /^[0-9a-fA-F]+$/

/**
 * Reads a `"..."` scalar starting at the cursor, with escapes and line folding. Continuation
 * lines must be indented at least `minIndent` spaces.
 */
export function scanDoubleQuoted(src: Scanner, minIndent: number): string {
  return scanQuoted(src, minIndent, '"')
}

/** Reads a `'...'` scalar starting at the cursor: `''` is a quote, lines fold. */
export function scanSingleQuoted(src: Scanner, minIndent: number): string {
  return scanQuoted(src, minIndent, "'")
}

function scanQuoted(src: Scanner, minIndent: number, quote: '"' | "'"): string {
  const open = src.pos
  const { text } = src
  let out = ''
  // Literal blanks are held back: before a line break they are trimmed, otherwise kept.
  let blanks = ''
  src.pos += 1
  for (;;) {
    const c = text.charAt(src.pos)
    if (c === '') unterminated(src, open, quote)
    if (c === quote) {
      if (quote === "'" && text.charAt(src.pos + 1) === "'") {
        out += `${blanks}'`
        blanks = ''
        src.pos += 2
        continue
      }
      src.pos += 1
      return out + blanks
    }
    if (c === '\n') {
      const breaks = skipBreaks(src, minIndent, open, quote)
      out += breaks === 1 ? ' ' : '\n'.repeat(breaks - 1)
      blanks = ''
    } else if (c === ' ' || c === '\t') {
      blanks += c
      src.pos += 1
    } else if (c === '\\' && quote === '"') {
      out += blanks + readEscape(src, minIndent, open)
      blanks = ''
    } else {
      const end = runEnd(text, src.pos, quote)
      out += blanks + text.slice(src.pos, end)
      blanks = ''
      src.pos = end
    }
  }
}

/** End of a run of ordinary characters (no quote, blank, break or backslash). */
function runEnd(text: string, from: number, quote: string): number {
  let i = from + 1
  for (; i < text.length; i++) {
    const c = text.charAt(i)
    if (c === quote || c === ' ' || c === '\t' || c === '\n' || c === '\\') break
  }
  return i
}

/**
 * From a line break inside a quoted scalar, skips the break, any empty lines and the next line's
 * leading blanks. Returns how many line breaks were crossed.
 */
function skipBreaks(src: Scanner, minIndent: number, open: number, quote: string): number {
  const { text } = src
  let breaks = 0
  while (text.charAt(src.pos) === '\n') {
    src.pos += 1
    breaks += 1
    const lineStart = src.pos
    if (src.isDocumentMarker(lineStart)) {
      src.fail(
        'OD_YAML_SYNTAX',
        `a document marker ("${text.slice(lineStart, lineStart + 3)}") cannot appear inside a quoted value`,
        'Indent the line, or close the quote before it.',
      )
    }
    while (text.charAt(src.pos) === ' ') src.pos += 1
    const spaces = src.pos - lineStart
    src.skipBlanks()
    const c = text.charAt(src.pos)
    if (c === '') unterminated(src, open, quote)
    if (c !== '\n' && spaces < minIndent) {
      src.fail(
        'OD_YAML_SYNTAX',
        'this continuation line of a quoted value is not indented enough',
        `Indent it by at least ${minIndent} space${minIndent === 1 ? '' : 's'}.`,
      )
    }
  }
  return breaks
}

/** Reads one escape sequence at the cursor (a backslash) and returns the text it stands for. */
function readEscape(src: Scanner, minIndent: number, open: number): string {
  const at = src.pos
  const c = src.char(at + 1)
  if (c === '') unterminated(src, open, '"')
  if (c === '\n') {
    // An escaped line break joins the lines without a space; empty lines still count.
    src.pos += 1
    return '\n'.repeat(skipBreaks(src, minIndent, open, '"') - 1)
  }
  const simple = SIMPLE_ESCAPES.get(c)
  if (simple !== undefined) {
    src.pos += 2
    return simple
  }
  const digits = HEX_ESCAPES.get(c)
  if (digits === undefined) {
    src.fail(
      'OD_YAML_SYNTAX',
      `invalid escape "\\${c}" in a double-quoted value`,
      'Write "\\\\" for a backslash, or use single quotes where backslashes are literal.',
      at,
    )
  }
  const hex = src.text.slice(at + 2, at + 2 + digits)
  const code = parseInt(hex, 16)
  if (hex.length !== digits || !HEX_DIGITS.test(hex) || code > 0x10ffff) {
    src.fail(
      'OD_YAML_SYNTAX',
      `invalid escape "\\${c}${hex}": expected ${digits} hex digits of a Unicode code point`,
      `Write it like "\\${c}${'0'.repeat(digits - 1)}9".`,
      at,
    )
  }
  src.pos = at + 2 + digits
  // \x and \u give UTF-16 code units, so "\uD83D\uDE00" pairs up; \U gives a whole code point.
  return c === 'U' ? String.fromCodePoint(code) : String.fromCharCode(code)
}

function unterminated(src: Scanner, open: number, quote: string): never {
  const name = quote === '"' ? 'double' : 'single'
  return src.fail('OD_YAML_SYNTAX', `unterminated ${name}-quoted value`, `Add the closing ${quote}.`, open)
}
