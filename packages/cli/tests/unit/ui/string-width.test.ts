import { describe, expect, it } from 'vitest'
import { charWidth, stringWidth } from '../../../src/ui/string-width.js'

describe('stringWidth', () => {
  it('counts ASCII characters', () => {
    expect(stringWidth('')).toBe(0)
    expect(stringWidth('hello world')).toBe(11)
  })

  it('ignores ANSI sequences', () => {
    expect(stringWidth('\u001b[1m\u001b[32mok\u001b[39m\u001b[22m')).toBe(2)
  })

  it('counts CJK, Hangul and fullwidth characters as two cells', () => {
    expect(stringWidth('日本語')).toBe(6)
    expect(stringWidth('한국')).toBe(4)
    expect(stringWidth('ＡＢ')).toBe(4)
    expect(stringWidth('a中b')).toBe(4)
  })

  it('counts emoji as two cells, and joined emoji sequences once', () => {
    expect(stringWidth('🚀')).toBe(2)
    expect(stringWidth('👩‍💻')).toBe(2)
  })

  it('counts combining marks and control characters as zero', () => {
    expect(stringWidth('e\u0301')).toBe(1)
    expect(stringWidth('a\u0007b\u0085')).toBe(2)
  })

  it('counts other non-ASCII letters and symbols as one cell', () => {
    expect(stringWidth('café ✔ …')).toBe(8)
    expect(stringWidth('Ωμέγα')).toBe(5)
  })
})

describe('charWidth', () => {
  it('gives zero width to a character after a zero-width joiner', () => {
    expect(charWidth('💻', '\u200d')).toBe(0)
    expect(charWidth('💻', undefined)).toBe(2)
  })

  it('treats an empty string as a control character', () => {
    expect(charWidth('', undefined)).toBe(0)
  })
})
