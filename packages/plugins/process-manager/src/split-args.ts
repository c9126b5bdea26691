/**
 * Splitting and quoting argument strings the way a POSIX shell would, for `args: "--port 80"` in
 * ecosystem files and for the rare shell launch. No expansion of any kind happens.
 */

/**
 * Split a command-line string into words: whitespace separates, single quotes keep everything
 * literally, double quotes keep spaces and honour `\"` and `\\`, a backslash outside quotes escapes
 * the next character.
 *
 * @returns The words, or `null` when a quote is left open.
 * @example
 * ```ts
 * import { splitArgs } from '@opendaemon/plugin-process-manager'
 *
 * splitArgs(`--name "my app" --flag='a b'`) // ['--name', 'my app', '--flag=a b']
 * ```
 */
export function splitArgs(text: string): string[] | null {
  const words: string[] = []
  let word = ''
  let inWord = false
  let quote: "'" | '"' | null = null
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quote === "'") {
      if (c === "'") quote = null
      else word += c
    } else if (quote === '"') {
      if (c === '"') quote = null
      else if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i]
      else word += c
    } else if (c === "'" || c === '"') {
      quote = c
      inWord = true
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i]
      inWord = true
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else {
      word += c
      inWord = true
    }
  }
  if (quote !== null) return null
  if (inWord) words.push(word)
  return words
}

/**
 * Quote one word for a POSIX shell so it reaches the program unchanged.
 *
 * @example
 * ```ts
 * import { shellQuote } from '@opendaemon/plugin-process-manager'
 *
 * shellQuote("it's") // `'it'\''s'`
 * ```
 */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}
