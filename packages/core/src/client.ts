/**
 * @module @opendaemon/core/client
 *
 * The part of core a client needs — the SDK, the CLI and the TUI: {@link ./basics.ts | basics}
 * (version, paths, parsers, errors), the typed event bus, and the IPC client (frames, JSON-RPC,
 * the handshake) with every RPC and event type. It leaves out the kernel, the schema validator and
 * the daemon side of IPC, and loads neither `node:crypto` nor `node:fs/promises`: the CLI bundle
 * imports only this, so every `od` call starts fast.
 */
export * from './basics.js'
export { errorMessage, toDaemonError, toErrorInfo, type ErrorInfo } from './errors/error-info.js'
export { daemonErrorFromWire } from './errors/daemon-error.js'
export { systemClock, type Clock, type TimerHandle } from './clock.js'
export type * from './events.js'
export { PROCESS_STATUSES } from './events.js'
export {
  matchesEventPattern,
  parseEventPattern,
  type EventListener,
  type EventPattern,
  type EventPrefix,
  type MatchingEvent,
  type ParsedPattern,
} from './event-pattern.js'
export {
  createEventBus,
  type EventBus,
  type EventBusOptions,
  type HandlerErrorContext,
  type Unsubscribe,
} from './event-bus.js'
export type * from './rpc/methods.js'
export type * from './rpc/log-methods.js'
export type { EntryLevel, LogEntry, LogSourceName } from './logs/log-entry.js'
export type { PluginDetails, PluginHealth, PluginInfo, PluginSummary } from './plugins/plugin-info.js'

export { FrameType, FRAME_HEADER_SIZE, Heartbeat, LogSource } from './ipc/frame-types.js'
export { encodeFrame, FrameDecoder, type Frame } from './ipc/frame-codec.js'
export { decodeLogStreamPayload, type LogStreamChunk } from './ipc/log-stream-payload.js'
export { daemonErrorFromRpc, type JsonRpcId, type JsonRpcParams } from './ipc/jsonrpc.js'
export { computeHmac, isValidToken, readToken } from './ipc/auth-client.js'
export { parseAuthChallenge, type AuthChallenge } from './ipc/auth-messages.js'
export { ipcSystemClock, type IpcClock } from './ipc/ipc-deps.js'
export { mapConnectError } from './ipc/client-handshake.js'
export { connectClient } from './ipc/client-connection.js'
export type {
  ClientCredentials,
  ConnectClientOptions,
  IpcClient,
  NotificationHandler,
  RequestOptions,
} from './ipc/client-connection.js'
