/**
 * The outside world the IPC layer needs, as small structural interfaces so the daemon can pass its
 * own clock and logger (any object with these methods fits).
 */

/** Timers and time. `setTimeout` handles are opaque and only ever passed back to `clearTimeout`. */
export interface IpcClock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** Structured log lines (message plus JSON fields). */
export interface IpcLogger {
  debug(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
}

/**
 * Real clock for the IPC layer. Its timers are unref'd: IPC housekeeping never keeps a process alive.
 *
 * @example
 * ```ts
 * import { ipcSystemClock } from '@opendaemon/core'
 *
 * const handle = ipcSystemClock.setTimeout(() => {}, 1000)
 * ipcSystemClock.clearTimeout(handle)
 * ```
 * @since 0.1.0
 */
export const ipcSystemClock: IpcClock = Object.freeze({
  now: () => Date.now(),
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout),
})

/**
 * Logger that drops everything (the default when none is given).
 *
 * @example
 * ```ts
 * import { silentIpcLogger } from '@opendaemon/core'
 *
 * silentIpcLogger.warn('ignored')
 * ```
 */
export const silentIpcLogger: IpcLogger = Object.freeze({
  debug: () => undefined,
  warn: () => undefined,
})
