/**
 * Where each child's output goes. The process manager only hands the streams over; the log-manager
 * plugin replaces {@link createFileLogSink} with its own sink (rotation, search, streaming).
 */
import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { CrashSummary } from '@opendaemon/core'
import type { Readable, Writable } from 'node:stream'

/** One attached child; `close` resolves once everything read so far is written. */
export interface AttachedLogs {
  close(): Promise<void>
  /** How the child ended; an abnormal exit makes the log manager keep a crash record (§9.7). */
  exited?(exit: LogExit): void
}

/** The exit of an attached child, as the supervisor knows it. */
export interface LogExit {
  code: number | null
  signal: string | null
  uptimeMs: number
  /** Non-zero code, a signal OD did not send, or a ready timeout. */
  abnormal: boolean
  reason: 'crash' | 'ready-timeout'
}

/** The instance whose output is attached; the log manager names files and entries from it. */
export interface LogTarget {
  id: number
  name: string
  namespace?: string
  instance?: number
  instances?: number
  pid?: number
  cwd?: string
  tags?: readonly string[]
  /** The app's log fields (`outFile`, `logType`, `maxLogSize` …) under their canonical names. */
  logs?: Readonly<Record<string, unknown>> | undefined
}

/** Receives the output of every spawned instance. */
export interface AppLogSink {
  attach(app: LogTarget, stdout: Readable, stderr: Readable): AttachedLogs
  /** The files an app logs to (shown by `od info`). */
  paths(app: LogTarget): { out: string; err: string }
  /** The newest crash record of an instance (shown by `od info`). */
  lastCrash?(app: LogTarget): CrashSummary | null
  /** Checks an app's log fields at start; throws `OD_APP_OPTION_INVALID` naming the field. */
  check?(logs: Readonly<Record<string, unknown>> | undefined): void
}

function finished(stream: Writable): Promise<void> {
  if (stream.writableFinished || stream.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    stream.once('finish', resolve)
    stream.once('close', resolve)
    stream.once('error', () => resolve())
  })
}

/**
 * Appends stdout and stderr to `<logDir>/<name>-out.log` and `<name>-err.log` (mode 0600, the
 * directory 0700), piped with backpressure so no line is lost; the files stay open until the
 * child's streams end.
 *
 * @example
 * ```ts
 * import { createFileLogSink } from '@opendaemon/plugin-process-manager'
 *
 * const sink = createFileLogSink('/tmp/od-demo/logs')
 * console.log(sink.paths({ id: 0, name: 'api' }).out) // /tmp/od-demo/logs/api-out.log
 * ```
 */
export function createFileLogSink(logDir: string): AppLogSink {
  const paths = (app: { name: string }): { out: string; err: string } => ({
    out: join(logDir, `${app.name}-out.log`),
    err: join(logDir, `${app.name}-err.log`),
  })
  return {
    paths,
    attach(app, stdout, stderr) {
      mkdirSync(logDir, { recursive: true, mode: 0o700 })
      const files = paths(app)
      const out = createWriteStream(files.out, { flags: 'a', mode: 0o600 })
      const err = createWriteStream(files.err, { flags: 'a', mode: 0o600 })
      // A failing log file must not crash the daemon; the app keeps running.
      out.on('error', () => undefined)
      err.on('error', () => undefined)
      stdout.pipe(out)
      stderr.pipe(err)
      return {
        close: async () => {
          await Promise.all([finished(out), finished(err)])
        },
      }
    },
  }
}
