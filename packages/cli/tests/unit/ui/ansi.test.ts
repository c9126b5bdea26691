import { describe, expect, it } from 'vitest'
import { stripAnsi } from '../../../src/ui/ansi.js'

describe('stripAnsi', () => {
  it('removes colour and cursor sequences', () => {
    expect(stripAnsi('\u001b[1m\u001b[31mred\u001b[39m\u001b[22m \u001b[2Kdone')).toBe('red done')
  })

  it('removes OSC sequences such as hyperlinks', () => {
    expect(stripAnsi('\u001b]8;;https://x.dev\u0007link\u001b]8;;\u001b\\')).toBe('link')
  })

  it('returns plain text unchanged', () => {
    expect(stripAnsi('plain')).toBe('plain')
  })
})
