/** Quoting for the languages boot files are written in: POSIX sh, systemd unit values and XML. */

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/

/**
 * One word for a POSIX shell: as is when safe, else in single quotes.
 *
 * @example
 * ```ts
 * shellQuote("/opt/my app/node") // "'/opt/my app/node'"
 * ```
 */
export function shellQuote(word: string): string {
  if (SHELL_SAFE.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}

/** A command line for a POSIX shell. */
export function shellLine(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ')
}

/**
 * One word of a systemd `ExecStart=` or `Environment=` value: double-quoted when it holds a space,
 * quote, backslash or `%`/`$` (specifiers and variables are escaped, never expanded).
 *
 * @example
 * ```ts
 * systemdWord('OD_HOME=/srv/od home') // '"OD_HOME=/srv/od home"'
 * ```
 */
export function systemdWord(word: string): string {
  const escaped = word.replace(/%/g, '%%').replace(/\$/g, '$$$$')
  if (!/[\s"'\\]/.test(word)) return escaped
  return `"${escaped.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/** Text for XML element content. */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A value inside double quotes in a POSIX shell script. */
export function shDoubleQuoted(text: string): string {
  return `"${text.replace(/(["\\$`])/g, '\\$1')}"`
}
