/**
 * Turning `od logs` arguments into the params of `log.tail`, `log.search` and `log.stream`. Pure.
 */
import type { EntryLevel, LogReadParams, LogSelector, LogSourceName } from '@opendaemon/core/client'

/** The `od logs` arguments the request depends on. */
export interface LogsArgs {
  readonly target: string | undefined
  readonly namespace?: string | undefined
  readonly lines: number
  readonly out: boolean
  readonly err: boolean
  readonly grep: string | undefined
  readonly ignoreCase: boolean
  readonly since: string | undefined
  readonly until: string | undefined
  readonly level: EntryLevel | undefined
}

/** The read params, and which method to call without `--follow`. */
export interface LogsRequest {
  readonly method: 'log.tail' | 'log.search'
  readonly params: LogReadParams
}

function selectorOf(args: LogsArgs): LogSelector | undefined {
  const selector: LogSelector = {}
  if (args.target !== undefined) selector.target = args.target
  if (args.namespace !== undefined) selector.namespace = args.namespace
  return Object.keys(selector).length === 0 ? undefined : selector
}

function sourcesOf(args: LogsArgs): LogSourceName[] | undefined {
  if (args.out === args.err) return undefined
  return args.out ? ['stdout'] : ['stderr']
}

/**
 * Builds the request: `log.search` when a pattern or a time bound asks for older data, else `log.tail`.
 *
 * @example
 * ```ts
 * logsRequest({ target: 'api', lines: 100, out: false, err: true, grep: 'timeout', ignoreCase: true,
 *   since: '1h', until: undefined, level: undefined })
 * // { method: 'log.search', params: { selector: { target: 'api' }, lines: 100, sources: ['stderr'], … } }
 * ```
 */
export function logsRequest(args: LogsArgs): LogsRequest {
  const params: LogReadParams = { lines: args.lines }
  const selector = selectorOf(args)
  if (selector !== undefined) params.selector = selector
  const sources = sourcesOf(args)
  if (sources !== undefined) params.sources = sources
  if (args.grep !== undefined) params.grep = args.grep
  if (args.ignoreCase) params.ignoreCase = true
  if (args.since !== undefined) params.since = args.since
  if (args.until !== undefined) params.until = args.until
  if (args.level !== undefined) params.level = args.level
  const search = args.grep !== undefined || args.since !== undefined || args.until !== undefined
  return { method: search ? 'log.search' : 'log.tail', params }
}
