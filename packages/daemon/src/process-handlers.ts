/**
 * The daemon's process-level handlers: SIGTERM/SIGINT stop it, SIGHUP reloads `config.json`,
 * SIGUSR1 is ignored (so a signal cannot open the Node inspector), and uncaught errors are
 * reported instead of killing the process (see `fault-budget.ts`).
 */

/** Where signals and uncaught errors are observed (`process`, or an EventEmitter in tests). */
export interface SignalSource {
  on(event: string, listener: (...args: unknown[]) => void): unknown
  off(event: string, listener: (...args: unknown[]) => void): unknown
}

/** What to do on each. */
export interface ProcessHandlers {
  onStop(signal: 'SIGTERM' | 'SIGINT'): void
  onReload(): void
  onFault(kind: 'uncaughtException' | 'unhandledRejection', error: unknown): void
}

/**
 * Installs the handlers on `source`.
 *
 * @returns A function that removes them.
 * @example
 * ```ts
 * import { installProcessHandlers } from '@opendaemon/daemon'
 *
 * const uninstall = installProcessHandlers(process, {
 *   onStop: (signal) => console.log('stop on', signal),
 *   onReload: () => console.log('reload'),
 *   onFault: (kind, error) => console.error(kind, error),
 * })
 * uninstall()
 * ```
 * @since 0.1.0
 */
export function installProcessHandlers(source: SignalSource, handlers: ProcessHandlers): () => void {
  const listeners: [string, (...args: unknown[]) => void][] = [
    ['SIGTERM', () => handlers.onStop('SIGTERM')],
    ['SIGINT', () => handlers.onStop('SIGINT')],
    ['SIGHUP', () => handlers.onReload()],
    ['SIGUSR1', () => undefined],
    ['uncaughtException', (error) => handlers.onFault('uncaughtException', error)],
    ['unhandledRejection', (reason) => handlers.onFault('unhandledRejection', reason)],
  ]
  for (const [event, listener] of listeners) source.on(event, listener)
  return () => {
    for (const [event, listener] of listeners) source.off(event, listener)
  }
}
