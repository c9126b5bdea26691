/**
 * The daemon's logger: core's line format, with a level that `daemon.reload` can change while the
 * kernel, the IPC server and every plugin keep the logger (and its children) they were given.
 */
import {
  formatLogLine,
  LOG_LEVELS,
  systemClock,
  type Clock,
  type LogFields,
  type Logger,
  type LogLevel,
  type LogRecordLevel,
  type LogSink,
} from '@opendaemon/core'

/** A {@link Logger} whose level can be changed after creation, for it and all its children. */
export interface DaemonLogger extends Logger {
  setLevel(level: LogLevel): void
}

/** Options of {@link createDaemonLogger}. */
export interface DaemonLoggerOptions {
  level: LogLevel
  sink: LogSink
  clock?: Clock
  scope?: string
}

/**
 * Creates the daemon logger. Lines look like `2026-11-22T03:04:05.123Z INFO  [kernel] started`.
 *
 * @example
 * ```ts
 * import { createDaemonLogger } from '@opendaemon/daemon'
 *
 * const lines: string[] = []
 * const logger = createDaemonLogger({ level: 'info', sink: (line) => lines.push(line) })
 * logger.child('kernel').debug('hidden')
 * logger.setLevel('debug')
 * logger.child('kernel').debug('shown')
 * ```
 * @since 0.1.0
 */
export function createDaemonLogger(options: DaemonLoggerOptions): DaemonLogger {
  const shared = { level: options.level }
  const clock = options.clock ?? systemClock
  const root = scoped(options.scope ?? '')

  function scoped(scope: string): Logger {
    const write = (level: LogRecordLevel) => (msg: string, fields?: LogFields) => {
      if (LOG_LEVELS[level] < LOG_LEVELS[shared.level]) return
      options.sink(formatLogLine({ at: clock.now(), level, scope, msg, fields }))
    }
    return {
      get level() {
        return shared.level
      },
      scope,
      trace: write('trace'),
      debug: write('debug'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      child: (child) => scoped(scope === '' ? child : `${scope}/${child}`),
    }
  }

  return Object.assign(root, {
    setLevel(level: LogLevel) {
      shared.level = level
    },
  })
}
