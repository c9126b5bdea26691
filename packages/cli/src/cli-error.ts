/**
 * Error codes raised by the CLI itself. `OD_USAGE` is the row of the shared error table
 * (`@opendaemon/core` errors/codes.ts); the shim codes are CLI-local until that table gains them.
 */
export type CliErrorCode =
  'OD_USAGE' | 'OD_CLIENT_UNAVAILABLE' | 'OD_SHIM_FOREIGN_FILE' | 'OD_SHIM_WRITE_FAILED'

/** Exit code of each CLI error code (2 = usage error, 1 = command failed). */
const exitCodes: { readonly [C in CliErrorCode]: number } = {
  OD_USAGE: 2,
  OD_CLIENT_UNAVAILABLE: 3,
  OD_SHIM_FOREIGN_FILE: 1,
  OD_SHIM_WRITE_FAILED: 1,
}

/**
 * An error that ends a command with a stable code, a message that names the fix, and an exit code.
 *
 * @example
 * ```ts
 * throw new CliError('OD_USAGE', 'Unknown flag --jsn. Did you mean --json?')
 * ```
 */
export class CliError extends Error {
  readonly code: CliErrorCode
  readonly exitCode: number

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'CliError'
    this.code = code
    this.exitCode = exitCodes[code]
  }
}

/** Any error carrying a stable `code` and an `exitCode`: a {@link CliError} or a `DaemonError`. */
export interface CodedError {
  readonly code: string
  readonly message: string
  readonly exitCode: number
}

/** True for errors the CLI reports by code and exits with their `exitCode`. */
export function isCodedError(err: unknown): err is CodedError {
  if (!(err instanceof Error)) return false
  const { code, exitCode } = err as Error & { code?: unknown; exitCode?: unknown }
  return typeof code === 'string' && code.startsWith('OD_') && typeof exitCode === 'number'
}
