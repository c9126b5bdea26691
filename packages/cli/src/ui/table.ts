import { stringWidth } from './string-width.js'
import { pad, truncate, type Align } from './text-fit.js'

/** One column of a rendered table. */
export interface TableColumn {
  readonly header: string
  readonly align?: Align | undefined
  /** The column is never squeezed below this many cells (default: 3, or less if its content is narrower). */
  readonly minWidth?: number | undefined
  /** The column never grows beyond this many cells; longer cells are cut with `…`. */
  readonly maxWidth?: number | undefined
}

/** How headers and borders are drawn; plain by default. */
export interface TableStyle {
  readonly header: (text: string) => string
  readonly border: (text: string) => string
}

/** Options of {@link renderTable}. */
export interface RenderTableOptions {
  /** Width of the terminal; wide columns are narrowed until the table fits (default: unlimited). */
  readonly maxWidth?: number | undefined
  readonly style?: TableStyle
}

const PLAIN: TableStyle = { header: (t) => t, border: (t) => t }
const DEFAULT_MIN_WIDTH = 3

/**
 * Renders rows of cell strings as a table with Unicode box characters. Widths follow the visible width
 * of cells (ANSI codes ignored, CJK counted twice). When the table is wider than `maxWidth`, the widest
 * columns are narrowed first and their cells cut with `…`.
 *
 * @example
 * ```ts
 * renderTable([{ header: 'name' }, { header: 'cpu', align: 'right' }], [['api', '3%']])
 * // ┌──────┬─────┐
 * // │ name │ cpu │
 * // ├──────┼─────┤
 * // │ api  │  3% │
 * // └──────┴─────┘
 * ```
 */
export function renderTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: RenderTableOptions = {},
): string {
  const style = options.style ?? PLAIN
  const cells = rows.map((row) => columns.map((_, i) => cleanCell(row[i] ?? '')))
  const headers = columns.map((c) => cleanCell(c.header))
  const natural = columns.map((column, i) => naturalWidth(column, headers[i] as string, cells, i))
  const floors = columns.map((column, i) =>
    Math.min(natural[i] as number, column.minWidth ?? DEFAULT_MIN_WIDTH),
  )
  const budget = (options.maxWidth ?? Number.POSITIVE_INFINITY) - (3 * columns.length + 1)
  const widths = fitColumnWidths(natural, floors, budget)
  const line = (left: string, join: string, right: string): string =>
    style.border(left + widths.map((w) => '─'.repeat(w + 2)).join(join) + right)
  const bar = style.border('│')
  const row = (values: readonly string[], header: boolean): string => {
    const parts = values.map((value, i) => {
      const width = widths[i] as number
      const text = pad(truncate(value, width), width, columns[i]?.align)
      return ` ${header ? style.header(text) : text} `
    })
    return bar + parts.join(bar) + bar
  }
  return [
    line('┌', '┬', '┐'),
    row(headers, true),
    line('├', '┼', '┤'),
    ...cells.map((values) => row(values, false)),
    line('└', '┴', '┘'),
  ].join('\n')
}

function cleanCell(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ')
}

function naturalWidth(column: TableColumn, header: string, cells: readonly string[][], i: number): number {
  const widest = Math.max(stringWidth(header), ...cells.map((row) => stringWidth(row[i] as string)))
  return Math.min(widest, column.maxWidth ?? widest)
}

/**
 * Column widths that fit in `budget` cells: the widest column loses one cell at a time until the sum
 * fits or every column is at its floor (then the table is wider than the budget).
 *
 * @example
 * ```ts
 * fitColumnWidths([10, 4], [3, 3], 10) // [6, 4]
 * ```
 */
export function fitColumnWidths(
  natural: readonly number[],
  floors: readonly number[],
  budget: number,
): number[] {
  const widths = [...natural]
  let excess = widths.reduce((sum, w) => sum + w, 0) - budget
  while (excess > 0) {
    let widest = -1
    widths.forEach((w, i) => {
      if (w > (floors[i] as number) && (widest === -1 || w > (widths[widest] as number))) widest = i
    })
    if (widest === -1) break
    widths[widest] = (widths[widest] as number) - 1
    excess--
  }
  return widths
}
