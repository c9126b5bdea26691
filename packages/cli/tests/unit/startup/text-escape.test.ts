import { describe, expect, it } from 'vitest'
import {
  shDoubleQuoted,
  shellLine,
  shellQuote,
  systemdWord,
  xmlText,
} from '../../../src/startup/text-escape.js'

describe('quoting', () => {
  it('shellQuote leaves safe words and single-quotes the rest', () => {
    expect(shellQuote('/usr/bin/node')).toBe('/usr/bin/node')
    expect(shellQuote("it's here")).toBe(`'it'\\''s here'`)
    expect(shellLine(['a', 'b c'])).toBe("a 'b c'")
  })

  it('systemdWord escapes specifiers and quotes blanks, quotes and backslashes', () => {
    expect(systemdWord('/a/b')).toBe('/a/b')
    expect(systemdWord('50%$')).toBe('50%%$$')
    expect(systemdWord('a "b"\\c')).toBe('"a \\"b\\"\\\\c"')
  })

  it('xmlText and shDoubleQuoted', () => {
    expect(xmlText('<a & b>')).toBe('&lt;a &amp; b&gt;')
    expect(shDoubleQuoted('a"$`\\')).toBe('"a\\"\\$\\`\\\\"')
  })
})
