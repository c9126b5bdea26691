import { stripAnsi } from './ansi.js'

/** Code point ranges that terminals draw two cells wide (East Asian Wide and Fullwidth). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
]

const ZWJ = '\u200d'

function isWide(cp: number): boolean {
  return WIDE_RANGES.some(([from, to]) => cp >= from && cp <= to)
}

/**
 * Terminal cells taken by one code point. `previous` is the code point before it: anything joined by a
 * zero-width joiner (the parts of an emoji sequence) takes no extra cell.
 *
 * @example
 * ```ts
 * charWidth('a', undefined) // 1
 * charWidth('界', undefined) // 2
 * charWidth('\u0301', 'e') // 0 (combining accent)
 * ```
 */
export function charWidth(char: string, previous: string | undefined): number {
  const cp = char.codePointAt(0) ?? 0
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0
  if (cp < 0x300) return 1
  // The Unicode property classes are built only here, past the ASCII/Latin fast path: as module constants
  // their construction cost every `od` start-up ~0.3 ms (V8 reuses the compiled pattern between calls).
  if (previous === ZWJ || /^[\p{Mn}\p{Me}\p{Cf}]$/u.test(char)) return 0
  return isWide(cp) || /^\p{Emoji_Presentation}$/u.test(char) ? 2 : 1
}

/**
 * Terminal cells taken by `text`: ANSI sequences count zero, CJK and emoji two, combining marks zero.
 *
 * @example
 * ```ts
 * stringWidth('\u001b[1mok\u001b[22m') // 2
 * stringWidth('日本') // 4
 * ```
 */
export function stringWidth(text: string): number {
  const plain = stripAnsi(text)
  if (/^[\x20-\x7e]*$/.test(plain)) return plain.length
  let width = 0
  let previous: string | undefined
  for (const char of plain) {
    width += charWidth(char, previous)
    previous = char
  }
  return width
}
