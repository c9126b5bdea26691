import { describe, expect, it } from 'vitest'
import { shellQuote, splitArgs } from '../../src/split-args.js'

describe('splitArgs', () => {
  it('splits on whitespace', () => {
    expect(splitArgs('  --port   80\t-v\n')).toEqual(['--port', '80', '-v'])
  })

  it('keeps quoted text together', () => {
    expect(splitArgs(`--name "my app" --flag='a b' ''`)).toEqual(['--name', 'my app', '--flag=a b', ''])
  })

  it('honours escapes inside double quotes and outside quotes', () => {
    expect(splitArgs(String.raw`"a \"b\" \\ \n" c\ d`)).toEqual([String.raw`a "b" \ \n`, 'c d'])
  })

  it('keeps a trailing backslash', () => {
    expect(splitArgs('a\\')).toEqual(['a\\'])
  })

  it('returns null for an unclosed quote', () => {
    expect(splitArgs('"open')).toBeNull()
  })

  it('returns nothing for an empty string', () => {
    expect(splitArgs('')).toEqual([])
  })
})

describe('shellQuote', () => {
  it('leaves safe words alone', () => {
    expect(shellQuote('--port=80')).toBe('--port=80')
  })

  it('single-quotes the rest, escaping single quotes', () => {
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`)
    expect(shellQuote('')).toBe("''")
  })
})
