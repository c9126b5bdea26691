/**
 * Problems found in a config: errors (nothing starts) and warnings (reported, loading goes on).
 * Each names the path of the value and, for JSON and YAML files, its line and column.
 */
import { DaemonError } from '@opendaemon/core'
import { basename } from 'node:path'
import { findPosition, type PositionMap } from './value-path.js'

/** One problem, as `od validate --json` prints it. */
export interface ConfigIssue {
  /** `OD_APP_OPTION_INVALID`, `OD_CONFIG_OPTION_UNSUPPORTED`, … */
  readonly code: string
  /** `apps[1].instances`; `''` for the whole file. */
  readonly path: string
  /** What is wrong and how to fix it (without the path). */
  readonly message: string
  readonly file: string
  readonly line?: number
  readonly column?: number
}

/** Builds issues for one file, looking positions up as they are created. */
export interface IssueSink {
  readonly errors: ConfigIssue[]
  readonly warnings: ConfigIssue[]
  error(code: string, path: string, message: string): void
  warn(code: string, path: string, message: string): void
}

/**
 * An {@link IssueSink} for `file`; `positions` (JSON and YAML files) adds line and column.
 *
 * @example
 * ```ts
 * const issues = createIssueSink('/srv/app/ecosystem.json', doc.positions)
 * issues.error('OD_APP_OPTION_INVALID', 'apps[0].instances', 'expected …')
 * ```
 */
export function createIssueSink(file: string, positions: PositionMap | undefined): IssueSink {
  const errors: ConfigIssue[] = []
  const warnings: ConfigIssue[] = []
  const build = (code: string, path: string, message: string): ConfigIssue => {
    const at = positions === undefined ? undefined : findPosition(positions, path)
    return at === undefined ? { code, path, message, file } : { code, path, message, file, ...at }
  }
  return {
    errors,
    warnings,
    error: (code, path, message) => void errors.push(build(code, path, message)),
    warn: (code, path, message) => void warnings.push(build(code, path, message)),
  }
}

/**
 * One line per issue: `apps[1].instances: expected … (ecosystem.json:14:16)`.
 *
 * @example
 * ```ts
 * formatIssue({ code: 'X', path: 'apps[0].name', message: 'bad', file: '/a/b.yaml', line: 2, column: 3 })
 * // 'apps[0].name: bad (b.yaml:2:3)'
 * ```
 */
export function formatIssue(issue: ConfigIssue): string {
  const where = issue.line === undefined ? '' : ` (${basename(issue.file)}:${issue.line}:${issue.column})`
  return `${issue.path === '' ? basename(issue.file) : issue.path}: ${issue.message}${where}`
}

/**
 * The `OD_CONFIG_INVALID` error for a file with errors: every error in the message (one per line)
 * and in `data.errors`.
 */
export function configInvalidError(file: string, errors: readonly ConfigIssue[]): DaemonError {
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`
  const lines = errors.map((e) => `\n  ${formatIssue(e)}`).join('')
  return new DaemonError('OD_CONFIG_INVALID', `${basename(file)} is invalid (${count}):${lines}`, {
    data: { file, errors },
  })
}
