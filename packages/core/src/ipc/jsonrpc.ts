/**
 * JSON-RPC 2.0 (https://www.jsonrpc.org/specification) as pure functions: parse request payloads
 * into single, batch and notification forms, build responses, and map errors both ways.
 */
import type { ErrorCode } from '../errors/codes.js'
import { DaemonError, daemonErrorFromWire, isErrorCode } from '../errors/daemon-error.js'

/** A request id: string, number, or null (spec §4). */
export type JsonRpcId = string | number | null

/** Structured params: by-position (array) or by-name (object) (spec §4.2). */
export type JsonRpcParams = unknown[] | Record<string, unknown>

/** The error object of a failed response (spec §5.1). */
export interface JsonRpcErrorObject {
  code: number
  message: string
  data?: unknown
}

/** A successful response. */
export interface JsonRpcSuccess {
  jsonrpc: '2.0'
  id: JsonRpcId
  result: unknown
}

/** A failed response. */
export interface JsonRpcFailure {
  jsonrpc: '2.0'
  id: JsonRpcId
  error: JsonRpcErrorObject
}

/** Any response object. */
export type JsonRpcResponse = JsonRpcSuccess | JsonRpcFailure

/** One parsed request object: a call that wants a response, a notification, or an invalid object. */
export type RpcEntry =
  | { kind: 'request'; id: JsonRpcId; method: string; params: JsonRpcParams | undefined }
  | { kind: 'notification'; method: string; params: JsonRpcParams | undefined }
  | { kind: 'invalid'; response: JsonRpcFailure }

/** A parsed request payload. `error` covers what yields exactly one response: bad JSON or `[]`. */
export type ParsedPayload =
  | { kind: 'single'; entry: RpcEntry }
  | { kind: 'batch'; entries: RpcEntry[] }
  | { kind: 'error'; response: JsonRpcFailure }

const protocolCodes: ReadonlyMap<number, ErrorCode> = new Map<number, ErrorCode>([
  [-32700, 'OD_PARSE_ERROR'],
  [-32600, 'OD_INVALID_REQUEST'],
  [-32601, 'OD_METHOD_NOT_FOUND'],
  [-32602, 'OD_INVALID_PARAMS'],
  [-32603, 'OD_INTERNAL'],
])

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isId(value: unknown): value is JsonRpcId {
  return value === null || typeof value === 'string' || typeof value === 'number'
}

function invalid(id: JsonRpcId, detail: string): RpcEntry {
  return { kind: 'invalid', response: errorResponse(id, new DaemonError('OD_INVALID_REQUEST', detail)) }
}

/**
 * Classify one request object. An invalid object keeps its id when the id itself is valid (the spec
 * asks for null only when the id cannot be detected).
 *
 * @example
 * ```ts
 * import { parseRpcEntry } from '@opendaemon/core'
 *
 * parseRpcEntry({ jsonrpc: '2.0', method: 'subtract', params: [42, 23], id: 1 })
 * // { kind: 'request', id: 1, method: 'subtract', params: [42, 23] }
 * ```
 * @since 0.1.0
 */
export function parseRpcEntry(value: unknown): RpcEntry {
  if (!isPlainObject(value)) return invalid(null, 'expected a request object')
  const hasId = 'id' in value
  const id = value['id']
  if (hasId && !isId(id)) return invalid(null, '"id" must be a string, a number or null')
  const safeId = hasId ? (id as JsonRpcId) : null
  if (value['jsonrpc'] !== '2.0') return invalid(safeId, '"jsonrpc" must be exactly "2.0"')
  const method = value['method']
  if (typeof method !== 'string') return invalid(safeId, '"method" must be a string')
  const params = value['params']
  if (params !== undefined && (typeof params !== 'object' || params === null)) {
    return invalid(safeId, '"params" must be an array or an object')
  }
  const structured = params as JsonRpcParams | undefined
  if (!hasId) return { kind: 'notification', method, params: structured }
  return { kind: 'request', id: safeId, method, params: structured }
}

/**
 * Classify an already-parsed JSON value: a single request object or a batch (spec §6).
 * An empty batch yields one `-32600` error; each invalid member of a batch gets its own `-32600`.
 *
 * @example
 * ```ts
 * import { parseRequestValue } from '@opendaemon/core'
 *
 * parseRequestValue([]) // { kind: 'error', response: { jsonrpc: '2.0', id: null, error: { code: -32600, … } } }
 * ```
 * @since 0.1.0
 */
export function parseRequestValue(value: unknown): ParsedPayload {
  if (!Array.isArray(value)) return { kind: 'single', entry: parseRpcEntry(value) }
  if (value.length === 0) {
    return {
      kind: 'error',
      response: errorResponse(null, new DaemonError('OD_INVALID_REQUEST', 'empty batch')),
    }
  }
  return { kind: 'batch', entries: value.map(parseRpcEntry) }
}

/**
 * Parse a request payload (JSON text). Invalid JSON yields one `-32700` error with id null.
 *
 * @example
 * ```ts
 * import { parseRequestPayload } from '@opendaemon/core'
 *
 * const parsed = parseRequestPayload('{"jsonrpc":"2.0","method":"update","params":[1,2,3]}')
 * // { kind: 'single', entry: { kind: 'notification', method: 'update', params: [1, 2, 3] } }
 * ```
 * @since 0.1.0
 */
export function parseRequestPayload(text: string): ParsedPayload {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    const detail = (err as Error).message
    return { kind: 'error', response: errorResponse(null, new DaemonError('OD_PARSE_ERROR', detail)) }
  }
  return parseRequestValue(value)
}

/**
 * Build a successful response. `undefined` (and functions or symbols, which JSON drops) become `null`,
 * because the spec requires the `result` member on success.
 *
 * @example
 * ```ts
 * import { successResponse } from '@opendaemon/core'
 *
 * successResponse(1, 19) // { jsonrpc: '2.0', id: 1, result: 19 }
 * ```
 * @since 0.1.0
 */
export function successResponse(id: JsonRpcId, result: unknown): JsonRpcSuccess {
  const json =
    result === undefined || typeof result === 'function' || typeof result === 'symbol' ? null : result
  return { jsonrpc: '2.0', id, result: json }
}

/**
 * Build a failed response from any thrown value (see {@link toErrorObject}).
 *
 * @example
 * ```ts
 * import { DaemonError, errorResponse } from '@opendaemon/core'
 *
 * errorResponse(1, new DaemonError('OD_METHOD_NOT_FOUND', 'foobar')).error.code // -32601
 * ```
 * @since 0.1.0
 */
export function errorResponse(id: JsonRpcId, err: unknown): JsonRpcFailure {
  return { jsonrpc: '2.0', id, error: toErrorObject(err) }
}

/**
 * Map a thrown value to a JSON-RPC error object. A {@link DaemonError} keeps its wire code, message
 * and data plus `data.code` (its `OD_…` name); anything else becomes `-32603` / `OD_INTERNAL`.
 *
 * @example
 * ```ts
 * import { DaemonError, toErrorObject } from '@opendaemon/core'
 *
 * toErrorObject(new DaemonError('OD_PLUGIN_NOT_FOUND', 'metrics'))
 * // { code: 2001, message: 'No plugin named "metrics". …', data: { code: 'OD_PLUGIN_NOT_FOUND' } }
 * ```
 * @since 0.1.0
 */
export function toErrorObject(err: unknown): JsonRpcErrorObject {
  const known = err instanceof DaemonError ? err : new DaemonError('OD_INTERNAL', describe(err))
  // `code` goes first for readability and is written again last so `data` cannot override it.
  const data: Record<string, unknown> = Object.assign({ code: known.code }, known.data, { code: known.code })
  return { code: known.rpcCode, message: known.message, data }
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message
  return String(err)
}

/**
 * Client side: turn a received error object back into a {@link DaemonError} with the daemon's code.
 * `data.code` wins when it is a known code; else the JSON-RPC protocol codes map to their `OD_…`
 * names; anything else (or a malformed object) becomes `OD_INTERNAL`. The daemon's message is kept.
 *
 * @example
 * ```ts
 * import { daemonErrorFromRpc } from '@opendaemon/core'
 *
 * const err = daemonErrorFromRpc({ code: 2001, message: 'No plugin named "x".', data: { code: 'OD_PLUGIN_NOT_FOUND' } })
 * err.code // 'OD_PLUGIN_NOT_FOUND'
 * ```
 * @since 0.1.0
 */
export function daemonErrorFromRpc(error: unknown): DaemonError {
  if (!isPlainObject(error) || typeof error['message'] !== 'string' || typeof error['code'] !== 'number') {
    return new DaemonError('OD_INTERNAL', 'the daemon sent a malformed error object', { data: { error } })
  }
  const { message, code: rpcCode } = error
  const data = error['data']
  if (isPlainObject(data) && isErrorCode(data['code'])) {
    const { code, ...rest } = data
    return daemonErrorFromWire(code, message, Object.keys(rest).length > 0 ? rest : undefined)
  }
  const extra = data === undefined ? undefined : isPlainObject(data) ? data : { data }
  const protocolCode = protocolCodes.get(rpcCode)
  if (protocolCode) return daemonErrorFromWire(protocolCode, message, extra)
  return daemonErrorFromWire('OD_INTERNAL', message, { ...extra, rpcCode })
}
