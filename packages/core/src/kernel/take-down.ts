import { DaemonError } from '../errors/daemon-error.js'
import { toErrorInfo } from '../errors/error-info.js'
import type { DisabledReason, PluginState } from '../events.js'
import { isActive, type KernelCore, type PluginRecord, type PluginScope } from './kernel-core.js'
import { withTimeout } from './with-timeout.js'

/**
 * Runs one plugin step within `ms` (default: the hook timeout); `OD_PLUGIN_TIMEOUT` names plugin
 * and step.
 */
export function runBounded<T>(
  core: KernelCore,
  plugin: string,
  step: string,
  task: () => T | PromiseLike<T>,
  ms: number = core.hookTimeoutMs,
): Promise<T> {
  return withTimeout(core.clock, ms, task, () => new DaemonError('OD_PLUGIN_TIMEOUT', plugin, step, ms))
}

/** Removes everything a scope registered and makes its context refuse new registrations. */
export function revokeScope(core: KernelCore, record: PluginRecord, scope: PluginScope): void {
  scope.revoked = true
  scope.events.dispose()
  core.methods.removeOwner(record.name)
  core.hooks.removeOwner(record.name)
  core.metrics.removeOwner(record.name)
}

/** A plugin being taken down: its former scope, and whether its `onStop` is still owed. */
export interface Casualty {
  readonly record: PluginRecord
  readonly state: 'failed' | 'disabled'
  readonly reason: DisabledReason
  /** The scope to run `onStop` with, when install had completed. */
  readonly stopScope: PluginScope | undefined
}

const isLive = (state: PluginState) => state === 'registered' || isActive(state)

function liveDependents(core: KernelCore, root: PluginRecord): PluginRecord[] {
  const down = new Set([root.name])
  let grew = true
  while (grew) {
    grew = false
    for (const record of core.records) {
      if (down.has(record.name) || !isLive(record.state)) continue
      if (record.plugin.dependencies?.some((dep) => down.has(dep)) === true) {
        down.add(record.name)
        grew = true
      }
    }
  }
  return core.records.filter((record) => record !== root && down.has(record.name))
}

/**
 * Synchronously marks `root` (`failed` or `disabled` with `reason`) and every live plugin that
 * depends on it, directly or not (`disabled`, `dependency-failed`/`dependency-disabled`), and
 * revokes their scopes so their methods, hooks, metrics and subscriptions disappear at once.
 * Returns the casualties, root first, for {@link finishDown}.
 */
export function markDown(
  core: KernelCore,
  root: PluginRecord,
  state: 'failed' | 'disabled',
  reason: DisabledReason,
): Casualty[] {
  const dependentReason: DisabledReason = state === 'failed' ? 'dependency-failed' : 'dependency-disabled'
  return [root, ...liveDependents(core, root)].map((record) => {
    const isRoot = record === root
    const scope = record.scope
    const casualty: Casualty = {
      record,
      state: isRoot ? state : 'disabled',
      reason: isRoot ? reason : dependentReason,
      stopScope: isActive(record.state) ? scope : undefined,
    }
    record.state = casualty.state
    record.disabledReason = casualty.reason
    record.scope = undefined
    if (scope !== undefined) revokeScope(core, record, scope)
    core.logger.info(`plugin ${record.name} ${casualty.state}`, { reason: casualty.reason })
    return casualty
  })
}

/**
 * The deadline of a plugin's `onStop`: its `stopTimeoutMs` when that is a finite number above the
 * hook timeout, else the hook timeout (a throwing `stopTimeoutMs` is logged).
 */
export function stopDeadlineMs(core: KernelCore, record: PluginRecord, scope: PluginScope): number {
  const { plugin } = record
  if (plugin.stopTimeoutMs === undefined) return core.hookTimeoutMs
  try {
    const ms = plugin.stopTimeoutMs(scope.ctx)
    return Number.isFinite(ms) && ms > core.hookTimeoutMs ? ms : core.hookTimeoutMs
  } catch (error) {
    core.logger.warn(`plugin ${record.name} failed in stopTimeoutMs; its onStop gets the hook timeout`, {
      error,
    })
    return core.hookTimeoutMs
  }
}

/** Runs `onStop` within {@link stopDeadlineMs}; a failure is logged, never thrown. */
export async function stopPlugin(core: KernelCore, record: PluginRecord, scope: PluginScope): Promise<void> {
  const ms = stopDeadlineMs(core, record, scope)
  try {
    await runBounded(core, record.name, 'onStop', () => record.plugin.onStop?.(scope.ctx), ms)
  } catch (error) {
    core.logger.warn(`plugin ${record.name} failed in onStop`, { error })
  }
}

/**
 * Finishes {@link markDown}: runs owed `onStop`s, dependents before the plugins they depend on,
 * and emits `plugin:disabled` for each disabled one (`error` on the root, when given).
 */
export async function finishDown(
  core: KernelCore,
  casualties: readonly Casualty[],
  error?: DaemonError,
): Promise<void> {
  for (const casualty of [...casualties].reverse()) {
    if (casualty.stopScope !== undefined) await stopPlugin(core, casualty.record, casualty.stopScope)
    if (casualty.state !== 'disabled') continue
    const withError = error !== undefined && casualty === casualties[0] ? { error: toErrorInfo(error) } : {}
    core.events.emit('plugin:disabled', {
      name: casualty.record.name,
      reason: casualty.reason,
      ...withError,
      at: core.clock.now(),
    })
  }
}
