import { describe, expect, it } from 'vitest'
import { pad, truncate } from '../../../src/ui/text-fit.js'

describe('truncate', () => {
  it('keeps text that fits', () => {
    expect(truncate('api', 3)).toBe('api')
  })

  it('cuts long text and ends it with an ellipsis', () => {
    expect(truncate('process-manager', 8)).toBe('process…')
    expect(truncate('ab', 1)).toBe('…')
  })

  it('returns nothing for a width of zero or less', () => {
    expect(truncate('abc', 0)).toBe('')
    expect(truncate('abc', -1)).toBe('')
  })

  it('never splits a wide character', () => {
    expect(truncate('日本語', 5)).toBe('日本…')
    expect(truncate('日本語', 4)).toBe('日…')
  })

  it('keeps ANSI styles and resets them after the ellipsis', () => {
    expect(truncate('\u001b[31mred alert\u001b[39m', 4)).toBe('\u001b[31mred…\u001b[0m')
  })

  it('keeps a zero-width joiner sequence whole', () => {
    expect(truncate('👩‍💻 coder', 4)).toBe('👩‍💻 …')
  })
})

describe('pad', () => {
  it('pads on the right by default (left alignment)', () => {
    expect(pad('ab', 4)).toBe('ab  ')
  })

  it('aligns right and center', () => {
    expect(pad('7', 3, 'right')).toBe('  7')
    expect(pad('ab', 5, 'center')).toBe(' ab  ')
  })

  it('measures visible width', () => {
    expect(pad('日本', 6)).toBe('日本  ')
    expect(pad('\u001b[1mx\u001b[22m', 2)).toBe('\u001b[1mx\u001b[22m ')
  })

  it('leaves text wider than the width unchanged', () => {
    expect(pad('abcdef', 3, 'center')).toBe('abcdef')
  })
})
