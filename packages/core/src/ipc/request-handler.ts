import { DaemonError } from '../errors/daemon-error.js'
import type { IpcClientInfo } from '../events.js'
import type { LogSourceCode } from './frame-types.js'
import {
  errorResponse,
  parseRequestPayload,
  successResponse,
  type JsonRpcParams,
  type JsonRpcResponse,
  type RpcEntry,
} from './jsonrpc.js'

/**
 * What a method handler knows about the connection it serves. One object per connection, so a
 * handler can keep it to push events later (subscriptions) and stop when `signal` aborts.
 */
export interface IpcRequestContext {
  readonly connectionId: string
  readonly client: IpcClientInfo
  /** Aborted when the connection closes: end subscriptions and streams on it. */
  readonly signal: AbortSignal
  /** Send a JSON-RPC notification (frame 0x03). False when the connection is gone or it is too large. */
  notify(method: string, params?: unknown): boolean
  /** Send a bus event: `notify('event', { event, data })`. */
  sendEvent(event: string, data: unknown): boolean
  /** Send a binary log-stream frame (0x04). */
  sendBinary(streamId: number, source: LogSourceCode, bytes: Buffer): boolean
  /** Bytes written to the socket and not yet taken by the peer (log streams pace themselves on it). */
  queuedBytes?(): number
}

/**
 * The daemon's method dispatcher (the kernel's `call`): returns the result or a promise of it, and
 * throws (or rejects with) a {@link DaemonError} such as `OD_METHOD_NOT_FOUND` on failure.
 */
export type IpcDispatch = (
  method: string,
  params: JsonRpcParams | undefined,
  ctx: IpcRequestContext,
) => unknown

/** What the handler of one connection needs. */
export interface RequestHandlerDeps {
  dispatch: IpcDispatch
  context: IpcRequestContext
  /** Called once per payload with its request count; returns the error to answer with, or null to proceed. */
  admit(count: number): DaemonError | null
  /** Write a response payload (JSON text) in a 0x02 frame. */
  respond(json: string): void
  maxMessageSize: number
  /** A dispatch failure that is not a DaemonError (a bug somewhere): for the log. */
  onUnexpectedError(err: unknown, method: string): void
}

/** Parses request payloads of one connection, dispatches them concurrently and writes the responses. */
export interface RequestHandler {
  /** Handle one payload; `respond` false (frame 0x03) suppresses every response. */
  handle(json: string, respond: boolean): void
  /** Dispatches still running. */
  readonly inFlight: number
  /** Resolves when no dispatch is running. */
  whenIdle(): Promise<void>
}

/**
 * Create the request handler of one connection. Requests are dispatched as they arrive and answered
 * as they finish, in any order; a batch is answered once, when all its members finished (spec §6).
 *
 * @example
 * ```ts
 * import { createRequestHandler, type IpcRequestContext } from '@opendaemon/core'
 *
 * declare const context: IpcRequestContext
 * const handler = createRequestHandler({
 *   dispatch: (method, params) => ({ method, params }),
 *   context,
 *   admit: () => null,
 *   respond: (json) => console.log(json),
 *   maxMessageSize: 10 * 1024 * 1024,
 *   onUnexpectedError: () => {},
 * })
 * handler.handle('{"jsonrpc":"2.0","id":1,"method":"test.echo","params":[1]}', true)
 * ```
 * @since 0.1.0
 */
export function createRequestHandler(deps: RequestHandlerDeps): RequestHandler {
  let inFlight = 0
  let idleWaiters: (() => void)[] = []

  async function run(entry: RpcEntry, refusal: DaemonError | null): Promise<JsonRpcResponse | null> {
    if (entry.kind === 'invalid') return entry.response
    if (refusal) return entry.kind === 'request' ? errorResponse(entry.id, refusal) : null
    inFlight++
    const response = await dispatchOne(entry)
    if (--inFlight === 0) {
      const waiters = idleWaiters
      idleWaiters = []
      for (const wake of waiters) wake()
    }
    return response
  }

  /** Dispatch a valid entry; never rejects. */
  async function dispatchOne(entry: Exclude<RpcEntry, { kind: 'invalid' }>): Promise<JsonRpcResponse | null> {
    try {
      const result = await deps.dispatch(entry.method, entry.params, deps.context)
      return entry.kind === 'request' ? successResponse(entry.id, result) : null
    } catch (err) {
      if (!(err instanceof DaemonError)) deps.onUnexpectedError(err, entry.method)
      return entry.kind === 'request' ? errorResponse(entry.id, err) : null
    }
  }

  function sendOne(response: JsonRpcResponse | null): void {
    if (response) deps.respond(fitResponse(serialize(response), response, deps.maxMessageSize))
  }

  async function runBatch(entries: RpcEntry[], refusal: DaemonError | null, respond: boolean): Promise<void> {
    const responses = (await Promise.all(entries.map((entry) => run(entry, refusal)))).filter(
      (r): r is JsonRpcResponse => r !== null,
    )
    if (!respond || responses.length === 0) return
    const json = `[${responses.map(serialize).join(',')}]`
    if (!tooLarge(json, deps.maxMessageSize)) return deps.respond(json)
    const size = Buffer.byteLength(json)
    const error = new DaemonError('OD_FRAME_TOO_LARGE', size, deps.maxMessageSize)
    deps.respond(`[${responses.map((r) => serialize(errorResponse(r.id, error))).join(',')}]`)
  }

  return {
    handle(json, respond) {
      const parsed = parseRequestPayload(json)
      if (parsed.kind === 'error') {
        if (respond) sendOne(parsed.response)
      } else if (parsed.kind === 'single') {
        const refusal = deps.admit(1)
        const pending = run(parsed.entry, refusal)
        if (respond) void pending.then(sendOne)
      } else {
        void runBatch(parsed.entries, deps.admit(parsed.entries.length), respond)
      }
    },
    get inFlight() {
      return inFlight
    },
    whenIdle() {
      if (inFlight === 0) return Promise.resolve()
      return new Promise<void>((resolve) => idleWaiters.push(resolve))
    },
  }
}

/** JSON text of a response; a result or error data JSON cannot encode becomes an `OD_INTERNAL` error. */
function serialize(response: JsonRpcResponse): string {
  try {
    return JSON.stringify(response)
  } catch (err) {
    const detail = `the response to request ${JSON.stringify(response.id)} is not JSON-serializable (${(err as Error).message})`
    return JSON.stringify(errorResponse(response.id, new DaemonError('OD_INTERNAL', detail)))
  }
}

function tooLarge(json: string, max: number): boolean {
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so short strings skip the byte count.
  return json.length * 3 > max && Buffer.byteLength(json) > max
}

function fitResponse(json: string, response: JsonRpcResponse, max: number): string {
  if (!tooLarge(json, max)) return json
  const error = new DaemonError('OD_FRAME_TOO_LARGE', Buffer.byteLength(json), max)
  return serialize(errorResponse(response.id, error))
}
