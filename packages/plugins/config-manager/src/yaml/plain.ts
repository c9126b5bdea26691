import type { Scanner } from './scanner.js'

const LF = 10
const TAB = 9
const SPACE = 32
const COLON = 58
const HASH = 35

/** Characters that cannot start a plain scalar (spec 1.2.2, c-indicator), `-?:` aside. */
const INDICATORS = ',[]{}#&*!|>\'"%@`'

/**
 * Whether a plain scalar may start at `at`, a non-blank character. `-`, `?` and `:` may, when a
 * "safe" character follows them (in flow context, not a flow indicator).
 */
export function canStartPlain(src: Scanner, at: number, flow: boolean): boolean {
  const c = src.char(at)
  if (c === '-' || c === '?' || c === ':')
    return !src.isSpaceOrEnd(at + 1) && !(flow && src.isFlowIndicator(at + 1))
  return !INDICATORS.includes(c)
}

/**
 * Reads a plain scalar (possibly over several lines) starting at the cursor and returns its
 * folded text. Continuation lines must be indented at least `minIndent` spaces. Leaves the cursor
 * just after the last non-blank character of the scalar.
 */
export function scanPlain(src: Scanner, minIndent: number, flow: boolean): string {
  let out = ''
  for (;;) {
    const start = src.pos
    const end = scanLine(src, flow)
    out += src.text.slice(start, end)
    const next = continuation(src, minIndent, flow)
    if (next === undefined) {
      src.pos = end
      return out
    }
    out += next.breaks === 1 ? ' ' : '\n'.repeat(next.breaks - 1)
    src.pos = next.at
  }
}

/**
 * Scans one line of a plain scalar. Leaves the cursor where the scalar stops on this line
 * (`: `, ` #`, a flow indicator in flow context, or the line end) and returns the end of its
 * last non-blank character.
 */
function scanLine(src: Scanner, flow: boolean): number {
  const { text } = src
  let last = src.pos
  let i = src.pos
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === LF) break
    if (c === SPACE || c === TAB) continue
    if (c === COLON && (isSpaceCode(text.charCodeAt(i + 1)) || (flow && src.isFlowIndicator(i + 1)))) break
    if (c === HASH && isSpaceCode(text.charCodeAt(i - 1))) break
    if (flow && src.isFlowIndicator(i)) break
    last = i + 1
  }
  src.pos = i
  return last
}

/** Space, tab, line feed, or NaN (past either end of the text). */
function isSpaceCode(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || Number.isNaN(c)
}

/**
 * Where `scanLine` stopped: at a line break, finds the next line that continues the scalar,
 * skipping empty lines. Returns where its text starts and how many line breaks were crossed, or
 * `undefined` when the scalar ends here (also when `scanLine` stopped at an indicator).
 */
function continuation(
  src: Scanner,
  minIndent: number,
  flow: boolean,
): { at: number; breaks: number } | undefined {
  const { text } = src
  let i = src.pos
  let breaks = 0
  while (text.charAt(i) === '\n') {
    i += 1
    breaks += 1
    const lineStart = i
    while (text.charAt(i) === ' ') i += 1
    const spaces = i - lineStart
    while (src.isBlank(i)) i += 1
    if (text.charAt(i) === '\n') continue
    if (i >= text.length || src.isDocumentMarker(lineStart) || spaces < minIndent) return undefined
    return startsContinuation(src, i, flow) ? { at: i, breaks } : undefined
  }
  return undefined
}

/** Whether a continuation line's first character can carry on a plain scalar. */
function startsContinuation(src: Scanner, at: number, flow: boolean): boolean {
  const c = src.char(at)
  if (c === '#') return false
  if (flow && src.isFlowIndicator(at)) return false
  return !(c === ':' && (src.isSpaceOrEnd(at + 1) || (flow && src.isFlowIndicator(at + 1))))
}
