import { createColors, shouldUseColor, type Colors } from './ui/colors.js'
import { createSpinner, systemTimers, type Spinner, type SpinnerTimers } from './ui/spinner.js'
import { renderTable, type TableColumn } from './ui/table.js'
import type { Align } from './ui/text-fit.js'

/** A writable text stream: `process.stdout`, or a capture buffer in tests. */
export interface OutputStream {
  write(text: string): unknown
  readonly isTTY?: boolean
  readonly columns?: number
}

/** The global flags that shape output. */
export interface OutputMode {
  readonly json: boolean
  readonly quiet: boolean
  readonly verbose: boolean
  /** `false` after `--no-color`. */
  readonly color: boolean
}

/** A column of {@link Output.table}: the row key to show, and how. */
export interface TableColumnSpec<R> {
  readonly key: keyof R & string
  /** Header text (default: the key). */
  readonly header?: string
  readonly align?: Align
  readonly minWidth?: number
  readonly maxWidth?: number
  /** Turns the value into cell text (default: strings as is, `null`/`undefined` empty, objects as JSON). */
  readonly format?: (value: unknown, row: R) => string
}

/**
 * The output of a command. Data goes to stdout (`line`, `json`, `table`); `info` and `success` go to
 * stdout too, or to stderr under `--json` so stdout stays parseable, and are dropped by `-q`; `warn`
 * goes to stderr (dropped by `-q`), `error` always goes to stderr; `debug` only prints with `-v`.
 */
export interface Output {
  /** Styles for text written to stdout (identity functions when colours are off). */
  readonly colors: Colors
  readonly mode: OutputMode
  /** Whether stdout is a terminal. */
  readonly isTTY: boolean
  /** Terminal width for tables; `undefined` when unknown (piped output is not narrowed). */
  readonly columns: number | undefined
  write(text: string): void
  line(text?: string): void
  /** Prints `value` as JSON (2-space indent, keys in insertion order) and a newline. */
  json(value: unknown): void
  table<R extends object>(
    rows: readonly R[],
    columns: readonly (TableColumnSpec<R> | (keyof R & string))[],
  ): void
  info(message: string): void
  success(message: string): void
  /**
   * A non-fatal problem on stderr: `warning: <message>`, or under `--json` a JSON line
   * `{"warning":{"code","message"}}` so stdout stays one document. Dropped by `-q`.
   */
  warn(message: string, code?: string): void
  error(message: string): void
  debug(message: string): void
  /** A spinner on stderr that draws only on a TTY and never under `-q` or `--json`. */
  spinner(): Spinner
}

/** Options of {@link createOutput}. */
export interface OutputOptions {
  readonly stdout: OutputStream
  readonly stderr: OutputStream
  readonly mode: OutputMode
  readonly env: Readonly<Record<string, string | undefined>>
  readonly timers?: SpinnerTimers
}

/**
 * Creates the output wrapper handed to commands as `ctx.out`.
 *
 * @example
 * ```ts
 * const out = createOutput({ stdout: process.stdout, stderr: process.stderr, env: process.env,
 *   mode: { json: false, quiet: false, verbose: false, color: true } })
 * out.table([{ name: 'api', pid: 42 }], ['name', { key: 'pid', align: 'right' }])
 * ```
 */
export function createOutput(options: OutputOptions): Output {
  const { stdout, stderr, mode, env } = options
  const colorFor = (stream: OutputStream): Colors =>
    createColors(shouldUseColor({ env, isTTY: stream.isTTY === true, flag: mode.color }))
  const colors = colorFor(stdout)
  const errColors = colorFor(stderr)
  const notes = mode.json ? stderr : stdout
  const noteColors = mode.json ? errColors : colors
  const columns = terminalColumns(stdout, env)
  return {
    colors,
    mode,
    isTTY: stdout.isTTY === true,
    columns,
    write: (text) => void stdout.write(text),
    line: (text = '') => void stdout.write(`${text}\n`),
    json: (value) => void stdout.write(`${JSON.stringify(value, null, 2) ?? 'null'}\n`),
    table: (rows, specs) => void stdout.write(`${tableText(rows, specs, colors, columns)}\n`),
    info: (message) => void (mode.quiet || notes.write(`${message}\n`)),
    success: (message) => void (mode.quiet || notes.write(`${noteColors.green('✔')} ${message}\n`)),
    warn(message, code) {
      if (mode.quiet) return
      if (mode.json) stderr.write(`${JSON.stringify({ warning: { code: code ?? null, message } })}\n`)
      else stderr.write(`${errColors.yellow('warning:')} ${message}\n`)
    },
    error: (message) => void stderr.write(`${errColors.red(errColors.bold('error:'))} ${message}\n`),
    debug: (message) => void (mode.verbose && stderr.write(`${errColors.gray(`debug: ${message}`)}\n`)),
    spinner: () =>
      createSpinner({
        stream: stderr,
        timers: options.timers ?? systemTimers,
        enabled: stderr.isTTY === true && !mode.quiet && !mode.json,
        paint: errColors.cyan,
      }),
  }
}

function terminalColumns(
  stdout: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
): number | undefined {
  if (stdout.isTTY === true && stdout.columns !== undefined && stdout.columns > 0) return stdout.columns
  const fromEnv = Number(env['COLUMNS'])
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined
}

function tableText<R extends object>(
  rows: readonly R[],
  specs: readonly (TableColumnSpec<R> | (keyof R & string))[],
  colors: Colors,
  maxWidth: number | undefined,
): string {
  const columns = specs.map((spec): TableColumnSpec<R> => (typeof spec === 'string' ? { key: spec } : spec))
  const header = columns.map((c): TableColumn => ({
    header: c.header ?? c.key,
    align: c.align,
    minWidth: c.minWidth,
    maxWidth: c.maxWidth,
  }))
  const cells = rows.map((row) =>
    columns.map((c) => {
      const value: unknown = row[c.key]
      return c.format ? c.format(value, row) : cellText(value)
    }),
  )
  return renderTable(header, cells, { style: { header: colors.bold, border: colors.gray }, maxWidth })
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
