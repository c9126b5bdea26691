import { isCodedError } from './cli-error.js'
import type { Output, OutputStream } from './output.js'

interface ErrorFacts {
  readonly code: string
  readonly rpc: number | null
  readonly exit: number
  readonly message: string
  readonly data: Record<string, unknown> | null
  readonly hints: readonly string[]
}

function factsOf(err: unknown): ErrorFacts {
  if (!isCodedError(err)) {
    return {
      code: 'OD_INTERNAL',
      rpc: -32603,
      exit: 1,
      message: err instanceof Error ? err.message : String(err),
      data: null,
      hints: [],
    }
  }
  const { rpcCode, data } = err as { rpcCode?: unknown; data?: unknown }
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null
  const hints = Array.isArray(record?.['hints']) ? (record['hints'] as unknown[]).map(String) : []
  return {
    code: err.code,
    rpc: typeof rpcCode === 'number' ? rpcCode : null,
    exit: err.exitCode,
    message: err.message,
    data: record,
    hints,
  }
}

/**
 * Prints the error that ended a command (SPECIFICATION.md §1.7) and returns the exit code: `error: <message>`,
 * `hint:` lines, and with `-v` a `code:` line (plus the stack of an unexpected error) on stderr; with
 * `--json`, only `{"error":{"code","rpc","message","data"}}` on stdout (`data` is `{}` without details).
 *
 * @example
 * ```ts
 * return reportError(new CliError('OD_USAGE', 'Unknown flag --jsn.'), io, out) // 2
 * ```
 */
export function reportError(err: unknown, streams: ErrorStreams, out: Output): number {
  const facts = factsOf(err)
  if (out.mode.json) {
    const { code, rpc, message } = facts
    const data = facts.data ?? {}
    streams.stdout.write(`${JSON.stringify({ error: { code, rpc, message, data } }, null, 2)}\n`)
    return facts.exit
  }
  out.error(isCodedError(err) ? facts.message : `Unexpected error: ${facts.message}`)
  for (const hint of facts.hints) streams.stderr.write(`hint: ${hint}\n`)
  if (!isCodedError(err) && err instanceof Error && err.stack !== undefined) out.debug(err.stack)
  if (out.mode.verbose)
    streams.stderr.write(`code: ${facts.code} (rpc ${facts.rpc ?? 'none'}, exit ${facts.exit})\n`)
  return facts.exit
}

/** Where {@link reportError} writes. */
export interface ErrorStreams {
  readonly stdout: OutputStream
  readonly stderr: OutputStream
}
