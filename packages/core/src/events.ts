import type { ErrorInfo } from './errors/error-info.js'

/** Numeric id of a managed process (stable for its life in the app table). */
export type ProcessId = number

/** Every status a managed process can be in, in lifecycle order. */
export const PROCESS_STATUSES = ['created', 'starting', 'online', 'stopping', 'stopped', 'errored'] as const

/** A managed process status (issue 4). */
export type ProcessStatus = (typeof PROCESS_STATUSES)[number]

/** Every state of the daemon, in lifecycle order. */
export const DAEMON_STATES = ['starting', 'ready', 'running', 'stopping', 'stopped'] as const

/** A daemon lifecycle state: starting → ready → running → stopping → stopped. */
export type DaemonState = (typeof DAEMON_STATES)[number]

/** Why the daemon is stopping. */
export type DaemonStopReason = 'request' | 'signal' | 'boot-failed' | 'fatal'

/** Every state of a plugin, as `plugin.list` reports it. */
export const PLUGIN_STATES = [
  'registered',
  'installed',
  'started',
  'ready',
  'stopped',
  'failed',
  'disabled',
] as const

/** A plugin state. `failed` and `disabled` carry a {@link DisabledReason}. */
export type PluginState = (typeof PLUGIN_STATES)[number]

/** Why a plugin is not running. */
export type DisabledReason =
  'user' | 'circuit-open' | 'install-failed' | 'start-failed' | 'dependency-disabled' | 'dependency-failed'

/** A plugin lifecycle step, named in `plugin:failed` and `OD_PLUGIN_TIMEOUT`. */
export type PluginStep = 'install' | 'onStart' | 'onReady' | 'onStop' | 'healthCheck'

/** Identity a client announces when it authenticates over IPC. */
export interface IpcClientInfo {
  readonly name: string
  readonly version: string
  readonly pid: number
}

interface ProcessRef {
  id: ProcessId
  name: string
  at: number
}

/**
 * Every event name and its payload type. Payloads are plain JSON with `at` in epoch ms.
 * Plugins add their own events by declaration merging:
 *
 * @example
 * ```ts
 * declare module '@opendaemon/core' {
 *   interface EventMap {
 *     'scheduler:job:skipped': { job: string; reason: 'overlap'; at: number }
 *   }
 * }
 * ```
 * @since 0.1.0
 */
export interface EventMap {
  'daemon:starting': { pid: number; version: string; at: number }
  'daemon:ready': { pid: number; at: number }
  'daemon:running': { pid: number; bootMs: number; at: number }
  'daemon:stopping': { reason: DaemonStopReason; at: number }
  'daemon:stopped': { reason: DaemonStopReason; uptimeMs: number; at: number }
  'daemon:config:reloaded': { changed: string[]; at: number }
  'daemon:watchdog:lag': { lagMs: number; thresholdMs: number; at: number }
  'daemon:watchdog:unhealthy': { plugins: string[]; at: number }
  /** `state.json` was unreadable and moved aside (§6.10). */
  'daemon:state-corrupt': {
    file: string
    reason: string
    movedTo: string
    restoredFrom: 'backup' | 'none'
    at: number
  }

  'plugin:installed': { name: string; version: string; at: number }
  'plugin:started': { name: string; at: number }
  'plugin:ready': { name: string; at: number }
  'plugin:stopped': { name: string; at: number }
  'plugin:failed': { name: string; step: PluginStep; error: ErrorInfo; at: number }
  'plugin:disabled': { name: string; reason: DisabledReason; error?: ErrorInfo; at: number }
  'plugin:enabled': { name: string; at: number }

  'ipc:client:connected': { connectionId: string; client: IpcClientInfo; at: number }
  'ipc:client:disconnected': {
    connectionId: string
    client: IpcClientInfo | null
    reason: string
    durationMs: number
    at: number
  }
  'ipc:auth:failed': { connectionId: string; reason: string; at: number }

  'process:created': ProcessRef
  'process:starting': ProcessRef & { pid?: number }
  'process:online': ProcessRef & { pid: number }
  'process:stopping': ProcessRef & { pid?: number }
  'process:stopped': ProcessRef & { pid?: number }
  'process:errored': ProcessRef & { pid?: number; reason: string; message: string }
  'process:exited': ProcessRef & {
    pid: number
    code: number | null
    signal: string | null
    uptimeMs: number
  }
  'process:restarting': ProcessRef & { pid?: number; restarts: number; delayMs: number }
  'process:deleted': ProcessRef
  /** A running process was registered with `process.adopt`. */
  'process:adopted': ProcessRef & { pid: number }
  'process:state': ProcessRef & { from: ProcessStatus; to: ProcessStatus }

  /** A start or stop set was ordered by the dependency resolver (§11.3); `order` lists its levels. */
  'deps:resolved': { apps: string[]; levels: number; order: string[][]; at: number }
  /** An app is held until its dependencies are ready. */
  'deps:waiting': { name: string; waitingFor: string[]; at: number }
  /** Its dependencies became ready; its start begins. */
  'deps:satisfied': { name: string; waitedMs: number; at: number }
  /** An app will not be started because of a dependency. */
  'deps:blocked': {
    name: string
    dependency: string
    reason: 'timeout' | 'errored' | 'stopped' | 'blocked' | 'missing'
    error: ErrorInfo
    at: number
  }

  /** A log file was rotated (§9.8); `rotatedTo` is the new name of the old file. */
  'log:rotated': {
    name: string
    instance: number | null
    source: 'stdout' | 'stderr' | 'combined'
    file: string
    rotatedTo: string
    reason: 'size' | 'time' | 'manual'
    at: number
  }
  /** A rotated file was gzipped in the background. */
  'log:compressed': { file: string; bytesIn: number; bytesOut: number; durationMs: number; at: number }
  /** Retention deleted old rotated files. */
  'log:retention': { name: string; deleted: string[]; freedBytes: number; at: number }
  /** `od flush` truncated log files. */
  'log:flushed': { names: string[]; files: number; at: number }
  /** `od reloadLogs` (or SIGUSR2) reopened every log file. */
  'log:reopened': { files: number; at: number }
  /** Writing a log file failed; output is buffered in memory and retried (§9.6). */
  'log:write-error': { name: string; file: string; error: ErrorInfo; bufferedBytes: number; at: number }
  /** Writes to a file succeed again after a `log:write-error`. */
  'log:write-recovered': { name: string; file: string; lostBytes: number; at: number }
  /** A slow follower skipped lines (§9.9). */
  'log:skipped': { streamId: string; connectionId: string; skipped: number; at: number }
  /** A slow follower was disconnected (policy `drop`). */
  'log:follower-dropped': { streamId: string; connectionId: string; reason: 'slow'; at: number }
  /** A crash record was written (§9.7). */
  'log:crash-saved': {
    id: ProcessId
    name: string
    instance: number
    lines: number
    file: string
    at: number
  }
}

/** Any event name of `M` (default: {@link EventMap}). */
export type EventName<M extends object = EventMap> = keyof M & string

/** The payload of event `E`. */
export type EventPayload<E extends EventName> = EventMap[E]
