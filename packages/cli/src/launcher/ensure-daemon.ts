import type * as ChildProcessModule from 'node:child_process'
import type { ChildProcess, SpawnOptions } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { Readable } from 'node:stream'
import { DaemonError, importModule, type OdPaths } from '@opendaemon/core/client'
import { daemonEnv } from './daemon-env.js'
import { probeDaemon, type DaemonIdentity } from './probe-daemon.js'
import { readinessOutcome, type StartOutcome } from './readiness-line.js'

/** Starts a child process: `child_process.spawn`, or a fake in tests. */
export type SpawnDaemon = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess

/** Options of {@link ensureDaemon} and {@link launchDaemon}. */
export interface LaunchOptions {
  /** Absolute path of the daemon entry (`dist/daemon.js` next to the CLI). */
  readonly daemonEntry: string
  /** The Node.js binary (`process.execPath`). */
  readonly execPath: string
  /** The caller's environment; the daemon gets its allowlisted part (§8.5). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The socket the user chose (`--socket`, `OD_SOCKET`); passed on as `OD_SOCKET`. */
  readonly socket?: string | undefined
  /** Extra arguments of the daemon entry (`--resurrect`). Default none. */
  readonly daemonArgs?: readonly string[]
  /** How long to wait for the readiness line. Default 10 000 ms. */
  readonly timeoutMs?: number
  readonly spawn?: SpawnDaemon
  /** Asks whether a daemon answers (default {@link probeDaemon}). */
  readonly probe?: (socketPath: string) => Promise<DaemonIdentity | null>
}

/** What {@link ensureDaemon} found or did. */
export interface EnsureResult {
  /** True when this call started the daemon. */
  readonly started: boolean
  /** The daemon's pid; `null` only when an answering daemon did not say (it refused the probe). */
  readonly pid: number | null
}

/** The default deadline for a daemon to report ready. */
export const START_TIMEOUT_MS = 10_000

/**
 * Makes sure a daemon runs for `paths`: nothing happens when its socket answers; otherwise
 * {@link launchDaemon} starts one. When two callers race on a cold OD_HOME, the daemons' pid lock
 * lets exactly one start; the other caller learns the winner's pid (`exists <pid>`).
 *
 * @example
 * ```ts
 * const { started, pid } = await ensureDaemon(paths, {
 *   daemonEntry: '/usr/lib/node_modules/opendaemon/dist/daemon.js',
 *   execPath: process.execPath,
 *   env: process.env,
 * })
 * ```
 */
export async function ensureDaemon(paths: OdPaths, options: LaunchOptions): Promise<EnsureResult> {
  const running = await (options.probe ?? probeDaemon)(paths.socketPath)
  if (running !== null) return { started: false, pid: running.pid }
  const outcome = await launchDaemon(paths, options)
  return { started: outcome.kind === 'ready', pid: outcome.pid }
}

/**
 * Spawns a detached daemon (`<node> <daemonEntry>`, own session, stdio ignored, a pipe on fd 3) and
 * waits for its one readiness line. The child is unref'd: the CLI may exit while the daemon runs on.
 *
 * @throws {DaemonError} The daemon's own error (`error <CODE> <message>`), `OD_DAEMON_START_FAILED` when
 *   it exits or closes the pipe without a line, `OD_TIMEOUT` when no line comes within `timeoutMs`.
 * @example
 * ```ts
 * const outcome = await launchDaemon(paths, { daemonEntry, execPath: process.execPath, env: process.env })
 * console.log(outcome.kind, outcome.pid) // 'ready' 1150, or 'exists' 1149 when another start won
 * ```
 */
export async function launchDaemon(paths: OdPaths, options: LaunchOptions): Promise<StartOutcome> {
  if (!existsSync(options.daemonEntry)) {
    throw new DaemonError(
      'OD_DAEMON_START_FAILED',
      `the daemon entry ${options.daemonEntry} does not exist (reinstall opendaemon, or fix OD_DAEMON_ENTRY)`,
    )
  }
  const spawn =
    options.spawn ??
    ((await importModule('node:child_process')) as unknown as typeof ChildProcessModule).spawn
  const child = spawn(options.execPath, [options.daemonEntry, ...(options.daemonArgs ?? [])], {
    detached: true,
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    env: daemonEnv(options.env, paths.home, options.socket),
  })
  return awaitReadiness(child, options.timeoutMs ?? START_TIMEOUT_MS)
}

function awaitReadiness(child: ChildProcess, timeoutMs: number): Promise<StartOutcome> {
  const pipe = child.stdio[3] as Readable
  return new Promise((resolve, reject) => {
    let buffered = ''
    let pipeEnded = false
    let exited = false
    const finish = (outcome: StartOutcome | DaemonError): void => {
      clearTimeout(timer)
      pipe.off('data', onData)
      pipe.off('end', onEnd)
      pipe.destroy()
      child.off('exit', onExit)
      child.off('error', onError)
      child.unref()
      if (outcome instanceof DaemonError) reject(outcome)
      else resolve(outcome)
    }
    const onData = (chunk: string): void => {
      buffered += chunk
      const end = buffered.indexOf('\n')
      if (end !== -1) finish(readinessOutcome(buffered.slice(0, end)))
    }
    // The line may arrive after 'exit' ("exists <pid>", then exit 0): decide only once both the pipe
    // has ended and the process has exited.
    const onEnd = (): void => {
      if (buffered !== '') return finish(readinessOutcome(buffered))
      pipeEnded = true
      if (exited) finish(exitedEarly(child))
    }
    const onExit = (): void => {
      exited = true
      if (pipeEnded) finish(exitedEarly(child))
    }
    const onError = (err: Error): void =>
      finish(
        new DaemonError('OD_DAEMON_START_FAILED', `cannot run ${child.spawnfile} (${err.message})`, {
          cause: err,
        }),
      )
    const timer = setTimeout(
      () => finish(new DaemonError('OD_TIMEOUT', 'Starting the daemon', timeoutMs)),
      timeoutMs,
    )
    pipe.setEncoding('utf8')
    pipe.on('data', onData)
    pipe.on('end', onEnd)
    pipe.on('error', () => undefined) // an 'end' or the exit follows and explains the failure
    child.on('exit', onExit)
    child.on('error', onError)
  })
}

function exitedEarly(child: ChildProcess): DaemonError {
  const how =
    child.signalCode !== null
      ? `was killed by ${child.signalCode}`
      : `exited with code ${String(child.exitCode)}`
  return new DaemonError('OD_DAEMON_START_FAILED', `the daemon ${how} before it was ready`)
}
