import type { ConnectClient } from './client-like.js'
import type { CommandTable } from './command-table.js'
import type { OutputStream } from './output.js'
import type { SpinnerTimers } from './ui/spinner.js'

/** Facts about the running program that some commands need (the shim embeds paths). */
export interface RuntimeInfo {
  /** Absolute path of the Node.js binary (`process.execPath`). */
  readonly execPath: string
  /** Absolute, symlink-free path of the CLI entry script (`dist/cli.js`). */
  readonly cliPath: string
  /** `process.version`. */
  readonly nodeVersion: string
  /** True when running as root (uid 0). */
  readonly isRoot: boolean
  /** The user's home directory. */
  readonly homedir: string
  /** Absolute path of the daemon entry to spawn (`dist/daemon.js` next to the CLI; `OD_DAEMON_ENTRY` overrides). */
  readonly daemonEntry: string
}

/** Subscribes to process signals; returns the unsubscribe function. */
export type SignalSubscriber = (
  signals: readonly NodeJS.Signals[],
  handler: (signal: NodeJS.Signals) => void,
) => () => void

/**
 * Everything the CLI reads from or writes to the outside world; the bin entry fills it from `process`,
 * tests pass fakes.
 */
export interface CliIo {
  readonly stdout: OutputStream
  readonly stderr: OutputStream
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  readonly runtime: RuntimeInfo
  /** How `ctx.client()` connects; unset in tests that need no daemon (then `ctx.client()` fails with exit 3). */
  readonly connect?: ConnectClient
  /** Process signals (`SIGINT` …) for commands that wait (follow modes, `daemon start --foreground`). */
  readonly onSignal?: SignalSubscriber
  /** A monotonic clock in ms, for timings such as `od ping`'s latency (default `performance.now`). */
  readonly now?: () => number
  /** Timers for spinners (default: the real ones). */
  readonly timers?: SpinnerTimers
  /** The command table (default: the built-in one); tests pass their own. */
  readonly commands?: CommandTable
}
