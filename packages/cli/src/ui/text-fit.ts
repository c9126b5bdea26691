import { ANSI_RESET, ANSI_SOURCE } from './ansi.js'
import { charWidth, stringWidth } from './string-width.js'

/** Horizontal alignment of text in a cell. */
export type Align = 'left' | 'center' | 'right'

const ELLIPSIS = '…'

/**
 * Cuts `text` to at most `width` terminal cells, ending with `…` when something was cut. ANSI styles
 * are kept, and reset after the ellipsis so a cut-off colour cannot leak.
 *
 * @example
 * ```ts
 * truncate('process-manager', 8) // 'process…'
 * truncate('日本語', 5) // '日本…'
 * ```
 */
export function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text
  if (width <= 0) return ''
  let out = ''
  let used = 0
  let styled = false
  let previous: string | undefined
  for (const [token] of text.matchAll(new RegExp(`${ANSI_SOURCE}|[\\s\\S]`, 'gu'))) {
    if (token.length > 1 && token.startsWith('\u001b')) {
      out += token
      styled = true
      continue
    }
    const w = charWidth(token, previous)
    if (used + w > width - 1) break
    out += token
    used += w
    previous = token
  }
  return out + ELLIPSIS + (styled ? ANSI_RESET : '')
}

/**
 * Pads `text` with spaces to exactly `width` cells (text wider than `width` is returned as is).
 *
 * @example
 * ```ts
 * pad('7', 3, 'right') // '  7'
 * pad('ab', 5, 'center') // ' ab  '
 * ```
 */
export function pad(text: string, width: number, align: Align = 'left'): string {
  const gap = Math.max(0, width - stringWidth(text))
  if (align === 'right') return ' '.repeat(gap) + text
  if (align === 'center') {
    const left = Math.floor(gap / 2)
    return ' '.repeat(left) + text + ' '.repeat(gap - left)
  }
  return text + ' '.repeat(gap)
}
