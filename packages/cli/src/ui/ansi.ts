/** Source of a pattern matching one ANSI escape sequence: CSI (colours, cursor) or OSC (titles, links). */
export const ANSI_SOURCE = '\\u001b\\[[0-?]*[ -/]*[@-~]|\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)'

/** Resets every colour and style. */
export const ANSI_RESET = '\u001b[0m'

/**
 * Removes ANSI escape sequences, leaving the visible text.
 *
 * @example
 * ```ts
 * stripAnsi('\u001b[31mred\u001b[39m') // 'red'
 * ```
 */
export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(new RegExp(ANSI_SOURCE, 'g'), '') : text
}
