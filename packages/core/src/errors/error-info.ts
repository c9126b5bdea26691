import type { ErrorCode } from './codes.js'
import { DaemonError } from './daemon-error.js'

/** The JSON shape of an error inside event payloads and results: `{ code, message }`. */
export interface ErrorInfo {
  readonly code: ErrorCode
  readonly message: string
}

/**
 * Describes anything thrown, for logs and messages: an Error's message, a string as is, other
 * values as JSON.
 *
 * @example
 * ```ts
 * import { errorMessage } from '@opendaemon/core'
 *
 * errorMessage(new Error('boom')) // 'boom'
 * errorMessage({ code: 1 }) // '{"code":1}'
 * ```
 * @since 0.1.0
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return String(JSON.stringify(error))
  } catch {
    // Cyclic values have no JSON form; their tag is the best short description.
    return Object.prototype.toString.call(error)
  }
}

/**
 * Returns `error` if it is a {@link DaemonError}, otherwise wraps it as `OD_INTERNAL`, keeping it
 * as the `cause`. `context` says where it happened (`method "process.start"`).
 *
 * @example
 * ```ts
 * import { toDaemonError } from '@opendaemon/core'
 *
 * const err = toDaemonError(new TypeError('x is undefined'), 'method "demo.run"')
 * console.log(err.code) // 'OD_INTERNAL'
 * ```
 * @since 0.1.0
 */
export function toDaemonError(error: unknown, context?: string): DaemonError {
  if (error instanceof DaemonError) return error
  const detail = context === undefined ? errorMessage(error) : `${context} threw: ${errorMessage(error)}`
  return new DaemonError('OD_INTERNAL', detail, { cause: error })
}

/**
 * The `{ code, message }` JSON form of any thrown value, for event payloads.
 *
 * @example
 * ```ts
 * import { DaemonError, toErrorInfo } from '@opendaemon/core'
 *
 * toErrorInfo(new DaemonError('OD_PLUGIN_NOT_FOUND', 'x')) // { code: 'OD_PLUGIN_NOT_FOUND', message: '…' }
 * ```
 * @since 0.1.0
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  const err = toDaemonError(error)
  return { code: err.code, message: err.message }
}
