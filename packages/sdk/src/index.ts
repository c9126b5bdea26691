/**
 * @module opendaemon-sdk
 *
 * The typed client of the OpenDaemon daemon: `new OpenDaemon()` connects over the daemon's Unix socket,
 * calls its RPC methods, subscribes to its events and reconnects on its own. The CLI and the TUI use it
 * too.
 */
export { OpenDaemon } from './open-daemon.js'
export {
  LogStream,
  logStreamParams,
  type LogsFilter,
  type LogsOptions,
  type LogStreamEvents,
  type LogStreamTransport,
} from './log-stream.js'
export {
  DaemonClient,
  type CallOptions,
  type ConnectOptions,
  type OpenDaemonDeps,
  type WaitForOptions,
} from './daemon-client.js'
export {
  NO_TIMEOUT_MS,
  resolveClientOptions,
  type ClientEnv,
  type OpenDaemonOptions,
  type ResolvedClientOptions,
} from './client-options.js'
export {
  DEFAULT_RECONNECT,
  reconnectDelay,
  resolveReconnectPolicy,
  type ReconnectOption,
  type ReconnectPolicy,
} from './backoff.js'
export { callTimeoutMs, LONG_METHODS, LONG_METHOD_TIMEOUT_MS } from './call-timeout.js'
export {
  isClientOnlyPattern,
  type ClientErrorInfo,
  type ClientEventMap,
  type ClientEvents,
} from './client-events.js'
export {
  createConnectionManager,
  type ConnectionDeps,
  type ConnectionManager,
  type ConnectionState,
} from './connection-manager.js'
export {
  createEventRouter,
  type EventRouter,
  type EventRouterHooks,
  type RawEventHandler,
} from './event-router.js'
export { createCommandLauncher, type CommandLauncherOptions, type SpawnProcess } from './default-launcher.js'
export {
  DaemonError,
  errorCodes,
  VERSION,
  type DaemonStatus,
  type DaemonVersion,
  type ErrorCode,
  type EventMap,
  type EventName,
  type EventPattern,
  type EventPayload,
  type EntryLevel,
  type LogEntry,
  type LogSelector,
  type MethodName,
  type MethodParams,
  type MethodResult,
  type PluginDetails,
  type PluginInfo,
  type RpcMethods,
} from '@opendaemon/core/client'
