import { errorCodes, type ErrorArgs, type ErrorCode } from './codes.js'

/** Options accepted after the message arguments of {@link DaemonError}. */
export interface DaemonErrorOptions {
  /** The underlying error, kept for logs. */
  cause?: unknown
  /** Extra JSON data sent on the wire in `error.data` next to `code`. */
  data?: Record<string, unknown>
}

/**
 * The one error class of OpenDaemon: a stable `code` from {@link errorCodes}, the JSON-RPC
 * `rpcCode` it travels with, and a message that names the problem and the fix.
 *
 * @example
 * ```ts
 * import { DaemonError } from '@opendaemon/core'
 *
 * const err = new DaemonError('OD_PLUGIN_NOT_FOUND', 'metrics')
 * console.log(err.code, err.rpcCode, err.message)
 * ```
 * @since 0.1.0
 */
export class DaemonError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C
  readonly rpcCode: number
  readonly exitCode: number
  readonly data: Record<string, unknown> | undefined

  constructor(code: C, ...args: [...ErrorArgs<C>] | [...ErrorArgs<C>, DaemonErrorOptions]) {
    const def = errorCodes[code]
    const arity = def.message.length
    const messageArgs = args.slice(0, arity) as unknown[]
    const options = (args.length > arity ? args[arity] : undefined) as DaemonErrorOptions | undefined
    const build = def.message as (...a: unknown[]) => string
    super(build(...messageArgs), options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'DaemonError'
    this.code = code
    this.rpcCode = def.rpc
    this.exitCode = def.exit
    this.data = options?.data
  }
}

/**
 * Rebuilds a {@link DaemonError} from a code and a message received over the wire, keeping the
 * daemon's message text (it may carry details the client cannot rebuild).
 */
export function daemonErrorFromWire(
  code: ErrorCode,
  message: string,
  data?: Record<string, unknown>,
): DaemonError {
  const def = errorCodes[code]
  const filler = Array.from({ length: def.message.length }, () => '')
  const err = new DaemonError(code, ...(filler as unknown as ErrorArgs<ErrorCode>), data ? { data } : {})
  err.message = message
  return err
}

/** True when `value` is a known error code name. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorCodes, value)
}
