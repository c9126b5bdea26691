import { toDaemonError, type Clock, type DaemonWarning, type Logger } from '@opendaemon/core'

export type { DaemonWarning }

/** The last warnings of this daemon run. */
export interface WarningLog {
  /** Logs `error` at warn level and keeps it (the oldest is dropped past the limit). */
  add(error: unknown): void
  list(): DaemonWarning[]
}

/** Warnings `daemon.status` keeps. */
export const MAX_WARNINGS = 50

/**
 * Creates the warning log of a daemon run.
 *
 * @example
 * ```ts
 * import { createLogger, DaemonError, systemClock } from '@opendaemon/core'
 * import { createWarningLog } from '@opendaemon/daemon'
 *
 * const warnings = createWarningLog(systemClock, createLogger())
 * warnings.add(new DaemonError('OD_PLUGIN_LOAD_FAILED', '/x.mjs', 'it has no default export'))
 * warnings.list()[0]?.code // 'OD_PLUGIN_LOAD_FAILED'
 * ```
 * @since 0.1.0
 */
export function createWarningLog(clock: Clock, logger: Logger, limit = MAX_WARNINGS): WarningLog {
  let warnings: DaemonWarning[] = []
  return {
    add(error) {
      const err = toDaemonError(error)
      logger.warn(err.message, { code: err.code })
      warnings = [...warnings, { code: err.code, message: err.message, at: clock.now() }].slice(-limit)
    },
    list: () => warnings.map((warning) => ({ ...warning })),
  }
}
