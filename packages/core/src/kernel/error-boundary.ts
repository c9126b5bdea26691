import { DaemonError } from '../errors/daemon-error.js'
import { toDaemonError } from '../errors/error-info.js'
import { isShuttingDown, type KernelCore, type PluginRecord, type PluginScope } from './kernel-core.js'
import { finishDown, markDown } from './take-down.js'

/**
 * True when an error counts against a plugin's circuit breaker. A {@link DaemonError} thrown by a
 * method or hook handler is a deliberate domain answer (`OD_PROCESS_NOT_FOUND`…) and does not
 * count, except `OD_INTERNAL` and `OD_PLUGIN_TIMEOUT`. Anything else thrown (a `TypeError`, a
 * string) is a fault. Event handler failures always count (see the kernel docs).
 */
export function isPluginFault(error: unknown): boolean {
  return !(error instanceof DaemonError) || error.code === 'OD_INTERNAL' || error.code === 'OD_PLUGIN_TIMEOUT'
}

function notifyOnError(core: KernelCore, record: PluginRecord, scope: PluginScope, error: DaemonError): void {
  const warn = (hookError: unknown) =>
    core.logger.warn(`plugin ${record.name}: onError threw`, { error: hookError })
  try {
    Promise.resolve(record.plugin.onError?.(error, scope.ctx)).catch(warn)
  } catch (hookError) {
    warn(hookError)
  }
}

function trip(core: KernelCore, record: PluginRecord, error: DaemonError): void {
  core.logger.error(`plugin ${record.name}: circuit open, disabling it`, { failures: record.failures })
  const casualties = markDown(core, record, 'disabled', 'circuit-open')
  void core.queue.run(() => finishDown(core, casualties, error))
}

/**
 * The error boundary: records a failure of `record`'s code at `where` (`method "x.y"`, `hook
 * "h"`, `event handler for …`). It counts the failure, keeps it as `lastError`, logs it, tells
 * the plugin's `onError`, and opens the circuit (disables the plugin and its dependents) when
 * the breaker's threshold is reached. Failures arriving after the plugin stopped are only logged.
 *
 * @returns The failure as a {@link DaemonError} (`OD_INTERNAL` wrapping anything else).
 */
export function reportFailure(
  core: KernelCore,
  record: PluginRecord,
  error: unknown,
  where: string,
): DaemonError {
  const err = toDaemonError(error, where)
  const scope = record.scope
  if (scope === undefined) {
    core.logger.warn(`plugin ${record.name}: ${where} failed after the plugin stopped`, { error: err })
    return err
  }
  const at = core.clock.now()
  record.failures++
  record.lastError = { code: err.code, message: err.message, at }
  core.logger.error(`plugin ${record.name}: ${where} failed`, { error: err })
  notifyOnError(core, record, scope, err)
  if (record.breaker.record(at) && !isShuttingDown(core)) trip(core, record, err)
  return err
}
