import type { LogEntry, LogStreamParams, OdPaths } from '@opendaemon/core/client'

/** A followed log stream as `od logs -f` uses it (the SDK's `LogStream`). */
export interface LogFollowLike extends AsyncIterable<LogEntry> {
  /** `skipped`: the daemon dropped lines for this slow client. */
  on(event: 'skipped', handler: (count: number) => void): () => void
  close(): Promise<void>
}

/**
 * The part of the daemon client the CLI commands use. The SDK's `OpenDaemon` client satisfies it
 * through a thin adapter (`launcher/connect-daemon.ts`); tests pass fakes.
 */
export interface ClientLike {
  /** Calls an RPC method (`process.list`, `daemon.status`, …) and resolves to its result. */
  call(method: string, params?: unknown): Promise<unknown>
  /** Closes the connection. */
  close(): Promise<void>
  /** The connected daemon's pid and version, from its handshake (absent on fakes that do not know). */
  readonly daemon?: { readonly pid: number; readonly version: string } | null
  /** Opens a log stream (`log.stream`); absent on fakes that do not stream. */
  readonly streamLogs?: (params: LogStreamParams) => LogFollowLike
}

/** What the CLI asks of a connection: where, how long, and whether a daemon may be started. */
export interface ConnectRequest {
  /** OD_HOME and the paths inside it, from `--home`/`--socket` or the environment. */
  readonly paths: OdPaths
  /** The socket the user chose (`--socket` or `OD_SOCKET`), passed on to a daemon this call starts. */
  readonly socket: string | undefined
  /** RPC deadline from `--timeout`; `undefined` = the client default (30 s). */
  readonly timeoutMs: number | undefined
  /** Start a daemon when none answers (false for `ping`, `daemon status`, `--no-daemon-start` …). */
  readonly autoStart: boolean
  /** The daemon entry to spawn (`dist/daemon.js` next to the CLI). */
  readonly daemonEntry: string
  /** The Node.js binary. */
  readonly execPath: string
  /** The caller's environment (the launcher passes its allowlisted part to the daemon). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Called when this connection had to start the daemon. */
  readonly onStarted: (pid: number | null) => void
}

/** Opens a client connection; called lazily, only by commands that talk to the daemon. */
export type ConnectClient = (request: ConnectRequest) => Promise<ClientLike>

/** Options of `ctx.client()`. */
export interface ClientOptions {
  /** `false`: never start a daemon; fail with `OD_DAEMON_NOT_RUNNING` instead. Default `true`. */
  readonly autoStart?: boolean
}
