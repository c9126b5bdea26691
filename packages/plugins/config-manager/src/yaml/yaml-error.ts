/** Stable codes of the errors {@link YamlError} carries. */
export type YamlErrorCode = 'OD_YAML_SYNTAX' | 'OD_YAML_UNSUPPORTED'

/** Where a {@link YamlError} points: 1-based line and column. */
export interface YamlPosition {
  readonly line: number
  readonly column: number
}

/** Everything a {@link YamlError} is built from. */
export interface YamlErrorDetails extends YamlPosition {
  readonly code: YamlErrorCode
  /** What is wrong, without a final period: `duplicate key "port"`. */
  readonly problem: string
  /** How to fix it, one sentence: `Remove one of the two entries.` */
  readonly hint: string
  readonly filename?: string | undefined
}

/**
 * Thrown by `parseYaml` for input it cannot turn into JSON data.
 *
 * `code` is `OD_YAML_SYNTAX` for invalid YAML and `OD_YAML_UNSUPPORTED` for valid YAML outside
 * OpenDaemon's subset (tags, directives, complex keys, several documents...). The message reads
 * `opendaemon.config.yaml:3:7: <problem>. <hint>`.
 *
 * @example
 * ```ts
 * import { parseYaml, YamlError } from '@opendaemon/plugin-config-manager'
 *
 * try {
 *   parseYaml('a: 1\na: 2\n', { filename: 'opendaemon.config.yaml' })
 * } catch (err) {
 *   if (err instanceof YamlError) console.log(err.code, err.line, err.column)
 * }
 * ```
 */
export class YamlError extends Error {
  readonly code: YamlErrorCode
  readonly line: number
  readonly column: number
  readonly problem: string
  readonly hint: string
  readonly filename: string | undefined

  constructor(details: YamlErrorDetails) {
    const where = `${details.filename ?? '<input>'}:${details.line}:${details.column}`
    super(`${where}: ${details.problem}. ${details.hint}`)
    this.name = 'YamlError'
    this.code = details.code
    this.line = details.line
    this.column = details.column
    this.problem = details.problem
    this.hint = details.hint
    this.filename = details.filename
  }
}

/** The 1-based line and column of a UTF-16 offset in `text`. */
export function positionAt(text: string, offset: number): YamlPosition {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}
