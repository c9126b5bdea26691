/**
 * The daemon process entry (`node dist/daemon.js [--foreground] [--resurrect] [--home <dir>]`): argument and
 * OD_HOME resolution, the readiness pipe to the launcher, signals, uncaught errors, and the exit
 * code. It never calls `process.exit`; the bin entry does, with the code this resolves to.
 */
import { homedir } from 'node:os'
import { resolvePaths, toDaemonError, type DaemonError, type OdPaths } from '@opendaemon/core'
import { parseDaemonArgs } from './daemon-args.js'
import { startDaemon, type Daemon } from './daemon.js'
import { createDeferred } from './deferred.js'
import { createFaultBudget } from './fault-budget.js'
import { foregroundLine } from './foreground-output.js'
import { installProcessHandlers, type SignalSource } from './process-handlers.js'
import { openReadinessPipe, type ReadinessReporter } from './readiness.js'

type Env = Readonly<Record<string, string | undefined>>

/** The outside world of {@link runDaemonMain}; every field has a real default. */
export interface DaemonMainDeps {
  /** Default: the pipe on fd 3 when there is one. */
  readiness?: ReadinessReporter | null
  /** Default: `process`. */
  signals?: SignalSource
  stdout?: (text: string) => void
  stderr?: (text: string) => void
  homedir?: () => string
  cwd?: () => string
  start?: typeof startDaemon
}

function exitCodeOf(error: DaemonError): number {
  return error.code === 'OD_CONFIG_INVALID' || error.code === 'OD_USAGE' ? 2 : 1
}

function defaultStdout(): (text: string) => void {
  // A closed stdout (the terminal went away) must not turn every log line into an uncaught error.
  process.stdout.on('error', () => undefined)
  return (text) => void process.stdout.write(text)
}

/**
 * Runs the daemon process until it stops and resolves with its exit code: 0 after a clean stop
 * (or when another daemon already runs and the launcher was told `exists`), 1 on a start failure,
 * a fatal error or a forced stop (second SIGTERM/SIGINT), 2 for an invalid `config.json` or usage.
 *
 * Without `--foreground` and without a readiness pipe (started by hand) it runs in the foreground
 * too: log lines also go to stdout.
 *
 * @example
 * ```ts
 * import { runDaemonMain } from '@opendaemon/daemon'
 *
 * const code = await runDaemonMain(process.argv, process.env)
 * process.exit(code)
 * ```
 * @since 0.1.0
 */
export async function runDaemonMain(
  argv: readonly string[],
  env: Env,
  deps: DaemonMainDeps = {},
): Promise<number> {
  const stderr = deps.stderr ?? ((text: string) => void process.stderr.write(text))
  const readiness = deps.readiness !== undefined ? deps.readiness : openReadinessPipe()
  const fail = (error: unknown): number => {
    const err = toDaemonError(error)
    readiness?.report({ kind: 'error', code: err.code, message: err.message })
    stderr(`opendaemon daemon: ${err.message}\n`)
    return exitCodeOf(err)
  }
  let paths: OdPaths
  let foreground: boolean
  let resurrect: boolean
  try {
    const args = parseDaemonArgs(argv.slice(2))
    foreground = args.foreground || readiness === null
    resurrect = args.resurrect
    paths = resolvePaths(
      { OD_HOME: args.home ?? env['OD_HOME'], OD_SOCKET: env['OD_SOCKET'] },
      (deps.homedir ?? homedir)(),
      (deps.cwd ?? (() => process.cwd()))(),
    )
  } catch (error) {
    return fail(error)
  }
  const write = foreground ? (deps.stdout ?? defaultStdout()) : undefined
  const journald = Boolean(env['JOURNAL_STREAM'])
  const supervisor = superviseProcess(deps.signals ?? process, stderr)
  const started = (deps.start ?? startDaemon)({
    home: paths.home,
    socketPath: paths.socketPath,
    resurrect,
    ...(write === undefined
      ? {}
      : { logMirror: (line: string) => write(`${foregroundLine(line, journald)}\n`) }),
    onReady: (pid) => readiness?.report({ kind: 'ready', pid }),
  })
  const served = started.then(
    (daemon) => supervisor.run(daemon),
    (error: unknown) => {
      const err = toDaemonError(error)
      if (err.code !== 'OD_DAEMON_ALREADY_RUNNING' || readiness === null) return fail(err)
      readiness.report({ kind: 'exists', pid: (err.data as { pid: number }).pid })
      return 0
    },
  )
  // A second stop signal ends the process even while the daemon still boots.
  const code = await Promise.race([served, supervisor.forced])
  supervisor.uninstall()
  return code
}

interface Supervisor {
  /** Serves signals for `daemon` until it stops; resolves with the exit code. */
  run(daemon: Daemon): Promise<number>
  /** Resolves with 1 when a second stop signal forces the exit. */
  readonly forced: Promise<number>
  uninstall(): void
}

/**
 * Signals and uncaught errors around one daemon. A stop signal that arrives while the daemon
 * boots is honoured once it is up; a second one during shutdown forces the exit (code 1).
 */
function superviseProcess(signals: SignalSource, stderr: (text: string) => void): Supervisor {
  let daemon: Daemon | undefined
  let stopRequested = false
  let exitCode = 0
  const forced = createDeferred<number>()
  const budget = createFaultBudget()

  function stop(reason: 'signal' | 'fatal'): void {
    if (reason === 'fatal') exitCode = 1
    if (daemon === undefined) {
      stopRequested = true
      return
    }
    void daemon.stop({ reason })
  }

  const uninstall = installProcessHandlers(signals, {
    onStop(signal) {
      if (!stopRequested) {
        stop('signal')
        stopRequested = true
        return
      }
      daemon?.logger.error(`second ${signal} during shutdown: forcing the exit`)
      daemon?.abandon()
      forced.resolve(1)
    },
    onReload() {
      daemon?.reload().catch((error: unknown) => daemon?.warn(error))
    },
    onFault(kind, error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
      if (daemon === undefined) stderr(`opendaemon daemon: ${kind}: ${detail}\n`)
      else daemon.logger.error(`${kind} (the daemon keeps running)`, { error: detail })
      if (!budget.record()) return
      daemon?.logger.error('too many uncaught errors; shutting down')
      stop('fatal')
    },
  })

  return {
    async run(started) {
      daemon = started
      if (stopRequested) void started.stop({ reason: exitCode === 1 ? 'fatal' : 'signal' })
      return started.stopped.then(() => exitCode)
    },
    forced: forced.promise,
    uninstall,
  }
}
