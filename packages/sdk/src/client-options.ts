import { posix } from 'node:path'
import { resolvePaths } from '@opendaemon/core/client'
import { resolveReconnectPolicy, type ReconnectOption, type ReconnectPolicy } from './backoff.js'

/** Options of `new OpenDaemon(options)`. Every field is optional. */
export interface OpenDaemonOptions {
  /** OD_HOME. Default: env `OD_HOME`, else `~/.opendaemon`. */
  home?: string
  /** The daemon's socket. Default: env `OD_SOCKET`, else `<home>/od.sock`. */
  socketPath?: string
  /** The auth token file. Default `<home>/auth-token`. */
  tokenPath?: string
  /** Per-call deadline in ms; `0` = none. Default 30 000. */
  timeoutMs?: number
  /** Deadline of connecting and authenticating, in ms. Default 5 000. */
  connectTimeoutMs?: number
  /** Reconnect after an unexpected close (default `true`: 100 ms × 2ⁿ up to 5 s, ±20 %, forever). */
  reconnect?: ReconnectOption
  /** Start the daemon when none answers, through `launcher`. Default `false`. */
  autoStart?: boolean
  /**
   * Starts a daemon and resolves once its socket answers; called when `autoStart` is on and no daemon
   * answers. Default: runs `opendaemon daemon start` from `PATH`.
   */
  launcher?: () => Promise<void>
  /** Sent in the auth response; shows in the daemon's log and `od daemon status`. Default `'opendaemon-sdk'`. */
  clientName?: string
  /** Sent in the auth response. Default: this SDK's version. */
  clientVersion?: string
  /** While subscribed to events, check the connection this often (ms). Default 30 000. */
  heartbeatIntervalMs?: number
  /** A heartbeat not answered within this many ms means the connection is dead. Default 10 000. */
  heartbeatTimeoutMs?: number
  /** Receives what an event handler throws or rejects with; without it such failures are dropped. */
  onHandlerError?: (error: unknown, context: { readonly event: string; readonly pattern: string }) => void
}

/** {@link OpenDaemonOptions} with every default applied. */
export interface ResolvedClientOptions {
  readonly home: string
  readonly socketPath: string
  readonly tokenPath: string
  readonly timeoutMs: number
  readonly connectTimeoutMs: number
  readonly reconnect: ReconnectPolicy | null
  readonly autoStart: boolean
  readonly launcher: (() => Promise<void>) | undefined
  readonly clientName: string
  readonly clientVersion: string
  readonly heartbeatIntervalMs: number
  readonly heartbeatTimeoutMs: number
  readonly onHandlerError: OpenDaemonOptions['onHandlerError']
}

/** The part of the environment the client reads. */
export interface ClientEnv {
  readonly OD_HOME?: string | undefined
  readonly OD_SOCKET?: string | undefined
}

/** Largest delay Node timers accept (24.8 days): what "no timeout" becomes. */
export const NO_TIMEOUT_MS = 2_147_483_647

function duration(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name}: expected a number of milliseconds >= 0, got ${String(value)}`)
  }
  return value === 0 ? NO_TIMEOUT_MS : Math.min(value, NO_TIMEOUT_MS)
}

/**
 * Applies the defaults to client options. Pure: the environment, home directory and working directory
 * are passed in. `timeoutMs: 0` means no deadline.
 *
 * @throws {DaemonError} `OD_SOCKET_PATH_TOO_LONG`; {@link RangeError} for a negative or non-numeric timeout.
 * @example
 * ```ts
 * import { resolveClientOptions } from 'opendaemon-sdk'
 *
 * const resolved = resolveClientOptions({ home: '/tmp/od-demo' }, {}, '/home/me', '0.1.0')
 * console.log(resolved.socketPath) // '/tmp/od-demo/od.sock'
 * ```
 * @since 0.1.0
 */
export function resolveClientOptions(
  options: OpenDaemonOptions,
  env: ClientEnv,
  homedir: string,
  sdkVersion: string,
  cwd?: string,
): ResolvedClientOptions {
  const paths = resolvePaths(
    { OD_HOME: options.home ?? env.OD_HOME, OD_SOCKET: options.socketPath ?? env.OD_SOCKET },
    homedir,
    cwd,
  )
  return {
    home: paths.home,
    socketPath: paths.socketPath,
    tokenPath:
      options.tokenPath === undefined ? paths.tokenFile : posix.resolve(paths.home, options.tokenPath),
    timeoutMs: duration('timeoutMs', options.timeoutMs, 30_000),
    connectTimeoutMs: duration('connectTimeoutMs', options.connectTimeoutMs, 5_000),
    reconnect: resolveReconnectPolicy(options.reconnect),
    autoStart: options.autoStart ?? false,
    launcher: options.launcher,
    clientName: options.clientName ?? 'opendaemon-sdk',
    clientVersion: options.clientVersion ?? sdkVersion,
    heartbeatIntervalMs: duration('heartbeatIntervalMs', options.heartbeatIntervalMs, 30_000),
    heartbeatTimeoutMs: duration('heartbeatTimeoutMs', options.heartbeatTimeoutMs, 10_000),
    onHandlerError: options.onHandlerError,
  }
}
