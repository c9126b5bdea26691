import type { SourcePosition } from '../value-path.js'
import { DaemonError } from '@opendaemon/core'

// JSON5 white space: JSON's, plus \v, \f, no-break space, BOM, line/paragraph separators, Zs.
const SPACE = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/

/** The read position in a JSON5 text, with the helpers every reader shares. */
export class Json5Cursor {
  pos = 0

  constructor(
    readonly text: string,
    readonly file: string,
    readonly locate: (offset: number) => SourcePosition,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.text.length
  }

  /** The code point at the cursor as a string; `''` at the end. */
  peek(at = this.pos): string {
    const code = this.text.codePointAt(at)
    return code === undefined ? '' : String.fromCodePoint(code)
  }

  /** Whether `word` starts here and is not the start of a longer identifier (`nullable`). */
  startsWithWord(word: string): boolean {
    return (
      this.text.startsWith(word, this.pos) && !/[A-Za-z0-9_$]/.test(this.text.charAt(this.pos + word.length))
    )
  }

  /** Skips white space and comments. */
  skipSpace(): void {
    for (;;) {
      const c = this.text.charAt(this.pos)
      if (c !== '' && SPACE.test(c)) this.pos += 1
      else if (this.text.startsWith('//', this.pos)) {
        const end = this.text.slice(this.pos).search(/[\n\r\u2028\u2029]/)
        this.pos = end === -1 ? this.text.length : this.pos + end
      } else if (this.text.startsWith('/*', this.pos)) {
        const end = this.text.indexOf('*/', this.pos + 2)
        if (end === -1) this.fail('unterminated /* comment', this.pos)
        this.pos = end + 2
      } else return
    }
  }

  /** What is at the cursor, for messages: `"\""`, `the end of the file`. */
  describeHere(): string {
    const c = this.peek()
    return c === '' ? 'the end of the file' : JSON.stringify(c)
  }

  fail(problem: string, at: number): never {
    throw json5Error(this.file, this.locate(at), problem)
  }
}

/** The `OD_JSON_SYNTAX` error for a problem at `position` of `file`. */
export function json5Error(file: string, position: SourcePosition, problem: string): DaemonError {
  return new DaemonError('OD_JSON_SYNTAX', `${file}:${position.line}:${position.column}`, problem, {
    data: { file, line: position.line, column: position.column },
  })
}
