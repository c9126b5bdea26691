const STYLES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  gray: [90, 39],
} as const

/** A style that {@link Colors} can apply. */
export type StyleName = keyof typeof STYLES

/** Style functions; each returns its input unchanged when colours are off. */
export type Colors = { readonly enabled: boolean } & { readonly [S in StyleName]: (text: string) => string }

/**
 * Builds the style functions. Nested styles work: an inner close code re-opens the outer style.
 *
 * @example
 * ```ts
 * const c = createColors(true)
 * c.red(`a ${c.bold('b')} c`) // '\u001b[31ma \u001b[1mb\u001b[22m c\u001b[39m'
 * createColors(false).red('plain') // 'plain'
 * ```
 */
export function createColors(enabled: boolean): Colors {
  const paint = ([open, close]: readonly [number, number]) => {
    const start = `\u001b[${open}m`
    const end = `\u001b[${close}m`
    return (text: string): string => (enabled ? start + text.replaceAll(end, end + start) + end : text)
  }
  const styles = Object.fromEntries(Object.entries(STYLES).map(([name, codes]) => [name, paint(codes)])) as {
    [S in StyleName]: (text: string) => string
  }
  return { enabled, ...styles }
}

/** What the colour decision looks at. */
export interface ColorInputs {
  readonly env: Readonly<Record<string, string | undefined>>
  /** Whether the stream being written is a terminal. */
  readonly isTTY: boolean
  /** `false` when `--no-color` was given. */
  readonly flag: boolean
}

/**
 * Decides whether to colour output. In order: `--no-color` turns colours off; `FORCE_COLOR` turns
 * them on (off for `0` or `false`), as in Node.js itself; a non-empty `NO_COLOR` turns them off
 * (https://no-color.org); `TERM=dumb` turns them off; otherwise colours follow whether the stream is a TTY.
 *
 * @example
 * ```ts
 * shouldUseColor({ env: { NO_COLOR: '1' }, isTTY: true, flag: true }) // false
 * ```
 */
export function shouldUseColor({ env, isTTY, flag }: ColorInputs): boolean {
  if (!flag) return false
  const force = env['FORCE_COLOR']
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false'
  const noColor = env['NO_COLOR']
  if (noColor !== undefined && noColor !== '') return false
  if (env['TERM'] === 'dumb') return false
  return isTTY
}
