import { positionAt, YamlError, type YamlErrorCode } from './yaml-error.js'

/** The line `Scanner.nextContentLine` found: its indentation and where its content starts. */
export type NextLine =
  | { readonly kind: 'end' }
  | { readonly kind: 'marker' }
  | { readonly kind: 'content'; readonly indent: number; readonly tabbed: boolean; readonly at: number }

const FLOW_INDICATORS = ',[]{}'

/**
 * A cursor over the (normalized) YAML text: character classes, line structure, comments and
 * errors with positions. It knows nothing about nodes.
 */
export class Scanner {
  pos = 0

  constructor(
    readonly text: string,
    private readonly filename: string | undefined,
  ) {}

  /** The character at `at` (default: the cursor), or `''` past the end. */
  char(at = this.pos): string {
    return this.text.charAt(at)
  }

  startsWith(prefix: string, at = this.pos): boolean {
    return this.text.startsWith(prefix, at)
  }

  isBlank(at = this.pos): boolean {
    const c = this.text.charAt(at)
    return c === ' ' || c === '\t'
  }

  isBreakOrEnd(at = this.pos): boolean {
    return at >= this.text.length || this.text.charAt(at) === '\n'
  }

  /** A space, tab, line break or the end of input: what must follow `-`, `?`, `:` indicators. */
  isSpaceOrEnd(at = this.pos): boolean {
    return this.isBlank(at) || this.isBreakOrEnd(at)
  }

  isFlowIndicator(at = this.pos): boolean {
    const c = this.text.charAt(at)
    return c !== '' && FLOW_INDICATORS.includes(c)
  }

  /** `-` followed by a space or line end: a block sequence entry. */
  isSeqIndicator(at = this.pos): boolean {
    return this.text.charAt(at) === '-' && this.isSpaceOrEnd(at + 1)
  }

  isLineStart(at = this.pos): boolean {
    return at === 0 || this.text.charAt(at - 1) === '\n'
  }

  /** `---` or `...` at the start of a line, followed by a space or line end. */
  isDocumentMarker(at = this.pos): boolean {
    return (
      this.isLineStart(at) &&
      (this.text.startsWith('---', at) || this.text.startsWith('...', at)) &&
      this.isSpaceOrEnd(at + 3)
    )
  }

  lineStart(at = this.pos): number {
    return at === 0 ? 0 : this.text.lastIndexOf('\n', at - 1) + 1
  }

  /** 0-based column of `at`. */
  column(at = this.pos): number {
    return at - this.lineStart(at)
  }

  /** Whether `text[start, end)` holds a line break. */
  spansLines(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.text.charCodeAt(i) === 10) return true
    return false
  }

  /** Skips spaces and tabs; returns whether a tab was among them. */
  skipBlanks(): boolean {
    let tab = false
    for (;;) {
      const c = this.text.charAt(this.pos)
      if (c === '\t') tab = true
      else if (c !== ' ') return tab
      this.pos += 1
    }
  }

  /**
   * Skips blanks and a comment (a `#` after a blank or at a line start); returns whether the
   * cursor then sits at a line break or the end of input.
   */
  skipToLineEnd(): boolean {
    this.skipBlanks()
    if (this.char() === '#' && (this.isLineStart() || this.isBlank(this.pos - 1))) {
      const end = this.text.indexOf('\n', this.pos)
      this.pos = end === -1 ? this.text.length : end
    }
    return this.isBreakOrEnd()
  }

  /** Like `skipToLineEnd`, but anything else left on the line is an error. */
  expectLineEnd(): void {
    if (this.skipToLineEnd()) return
    if (this.char() === '#') {
      this.fail(
        'OD_YAML_SYNTAX',
        'a comment must be separated from the value by a space',
        'Put a space before "#".',
      )
    }
    this.fail(
      'OD_YAML_SYNTAX',
      `unexpected "${this.char()}" after the value`,
      'Quote the whole value, or move the extra text to its own line.',
    )
  }

  /**
   * From a line end or line start, skips blank and comment lines. Leaves the cursor at the start
   * of the next line with content (or at a `---`/`...` marker, or the end of input).
   */
  nextContentLine(): NextLine {
    const { text } = this
    if (text.charAt(this.pos) === '\n') this.pos += 1
    for (;;) {
      const start = this.pos
      if (start >= text.length) return { kind: 'end' }
      if (this.isDocumentMarker(start)) return { kind: 'marker' }
      let i = start
      while (text.charAt(i) === ' ') i += 1
      const indent = i - start
      let tabbed = false
      while (this.isBlank(i)) {
        tabbed = true
        i += 1
      }
      const c = text.charAt(i)
      if (c !== '\n' && c !== '' && c !== '#') return { kind: 'content', indent, tabbed, at: i }
      const end = text.indexOf('\n', i)
      if (end === -1) {
        this.pos = text.length
        return { kind: 'end' }
      }
      this.pos = end + 1
    }
  }

  /** Throws a `YamlError` pointing at `at` (default: the cursor). */
  fail(code: YamlErrorCode, problem: string, hint: string, at = this.pos): never {
    const { line, column } = positionAt(this.text, at)
    throw new YamlError({ code, problem, hint, line, column, filename: this.filename })
  }
}
