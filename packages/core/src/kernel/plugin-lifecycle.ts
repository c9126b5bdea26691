import { DaemonError } from '../errors/daemon-error.js'
import { errorMessage, toErrorInfo } from '../errors/error-info.js'
import type { DisabledReason, PluginState } from '../events.js'
import type { PluginInfo } from '../plugins/plugin-info.js'
import {
  findRecord,
  isActive,
  isShuttingDown,
  toPluginInfo,
  type KernelCore,
  type PluginRecord,
  type PluginScope,
} from './kernel-core.js'
import { createPluginScope } from './plugin-context.js'
import { finishDown, markDown, revokeScope, runBounded, stopPlugin } from './take-down.js'

/** The steps that bring a plugin up, in order. */
export type ActivationStep = 'install' | 'onStart' | 'onReady'

const ACTIVATION_STEPS: readonly ActivationStep[] = ['install', 'onStart', 'onReady']
const BEFORE: { readonly [S in ActivationStep]: PluginState } = {
  install: 'registered',
  onStart: 'installed',
  onReady: 'started',
}
const AFTER = { install: 'installed', onStart: 'started', onReady: 'ready' } as const

const isLive = (state: PluginState) => state === 'registered' || isActive(state)
const isDependencyReason = (reason: DisabledReason | undefined) =>
  reason === 'dependency-disabled' || reason === 'dependency-failed'

function emitStep(core: KernelCore, record: PluginRecord, step: ActivationStep): void {
  const at = core.clock.now()
  const name = record.name
  if (step === 'install') core.events.emit('plugin:installed', { name, version: record.plugin.version, at })
  else if (step === 'onStart') core.events.emit('plugin:started', { name, at })
  else core.events.emit('plugin:ready', { name, at })
}

async function fail(
  core: KernelCore,
  record: PluginRecord,
  step: ActivationStep,
  error: unknown,
): Promise<void> {
  const err =
    error instanceof DaemonError
      ? error
      : new DaemonError('OD_PLUGIN_FAILED', record.name, step, errorMessage(error), { cause: error })
  const at = core.clock.now()
  record.failure = err
  record.lastError = { code: err.code, message: err.message, at }
  core.logger.error(`plugin ${record.name} failed in ${step}`, { error: err })
  core.events.emit('plugin:failed', { name: record.name, step, error: toErrorInfo(err), at })
  await finishDown(
    core,
    markDown(core, record, 'failed', step === 'install' ? 'install-failed' : 'start-failed'),
  )
}

/**
 * Runs one activation step of `record` if the plugin is exactly at the state before it. On
 * success the plugin moves on and `plugin:installed|started|ready` is emitted; a throw or timeout
 * marks it `failed` (and takes its dependents down). Returns true when the step completed.
 */
export async function advance(
  core: KernelCore,
  record: PluginRecord,
  step: ActivationStep,
): Promise<boolean> {
  if (record.state !== BEFORE[step]) return false
  if (step === 'install') record.scope = createPluginScope(core, record)
  const scope = record.scope as PluginScope
  try {
    await runBounded(core, record.name, step, () => record.plugin[step]?.(scope.ctx))
  } catch (error) {
    if (record.scope === scope) await fail(core, record, step, error)
    return false
  }
  // The circuit may have opened while the step ran; then the plugin is already down.
  if (record.scope !== scope) return false
  record.state = AFTER[step]
  emitStep(core, record, step)
  return true
}

/** Runs `step` for every plugin, in load order. */
export async function runPhase(core: KernelCore, step: ActivationStep): Promise<void> {
  for (const record of core.records) await advance(core, record, step)
}

/** Stops every running plugin in reverse load order: registrations removed, then `onStop`. */
export async function stopAll(core: KernelCore): Promise<void> {
  for (const record of [...core.records].reverse()) {
    if (!isActive(record.state)) continue
    const scope = record.scope as PluginScope
    record.state = 'stopped'
    record.scope = undefined
    revokeScope(core, record, scope)
    await stopPlugin(core, record, scope)
    core.events.emit('plugin:stopped', { name: record.name, at: core.clock.now() })
  }
}

function requireRecord(core: KernelCore, name: string): PluginRecord {
  const record = findRecord(core, name)
  if (record === undefined) throw new DaemonError('OD_PLUGIN_NOT_FOUND', name)
  if (isShuttingDown(core)) throw new DaemonError('OD_DAEMON_SHUTTING_DOWN')
  return record
}

const firstDownDependency = (core: KernelCore, record: PluginRecord) =>
  (record.plugin.dependencies ?? []).find(
    (dep) => !core.records.some((r) => r.name === dep && isLive(r.state)),
  )

/** Resets `record` and, once the kernel has booted, runs install → onStart → onReady. */
async function bringUp(core: KernelCore, record: PluginRecord): Promise<boolean> {
  record.state = 'registered'
  record.disabledReason = undefined
  record.failure = undefined
  record.failures = 0
  record.breaker.reset()
  if (core.machine.state !== 'starting') {
    for (const step of ACTIVATION_STEPS) if (!(await advance(core, record, step))) return false
  }
  core.events.emit('plugin:enabled', { name: record.name, at: core.clock.now() })
  return true
}

/**
 * Enables a disabled or failed plugin with a fresh context, then every plugin that was disabled
 * only because a dependency was down and whose dependencies are all up again. Before boot it only
 * marks them `registered`.
 *
 * @returns The named plugin first, then the revived dependents.
 * @throws {DaemonError} `OD_PLUGIN_NOT_FOUND`, `OD_PLUGIN_DEPENDENCY_MISSING` (a dependency is
 * not running), the activation error (`OD_PLUGIN_FAILED`, `OD_PLUGIN_TIMEOUT`, …) or
 * `OD_DAEMON_SHUTTING_DOWN`.
 */
export async function enablePlugin(core: KernelCore, name: string): Promise<PluginInfo[]> {
  const record = requireRecord(core, name)
  if (isLive(record.state)) return [toPluginInfo(record)]
  const missing = firstDownDependency(core, record)
  if (missing !== undefined) throw new DaemonError('OD_PLUGIN_DEPENDENCY_MISSING', name, missing)
  if (!(await bringUp(core, record))) {
    throw record.state === 'failed'
      ? (record.failure as DaemonError)
      : new DaemonError('OD_PLUGIN_DISABLED', name)
  }
  const revived: PluginRecord[] = []
  for (const other of core.records) {
    if (other.state !== 'disabled' || !isDependencyReason(other.disabledReason)) continue
    if (firstDownDependency(core, other) !== undefined) continue
    revived.push(other)
    await bringUp(core, other)
  }
  return [record, ...revived].map(toPluginInfo)
}

/**
 * Disables a plugin (`reason: 'user'`) and every plugin depending on it: registrations are removed
 * at once, then `onStop` runs (dependents first) and `plugin:disabled` is emitted for each.
 *
 * @returns The named plugin first, then the dependents taken down with it.
 */
export async function disablePlugin(core: KernelCore, name: string): Promise<PluginInfo[]> {
  const record = requireRecord(core, name)
  if (!isLive(record.state)) {
    if (record.state !== 'disabled' || record.disabledReason !== 'user') {
      record.state = 'disabled'
      record.disabledReason = 'user'
      core.events.emit('plugin:disabled', { name, reason: 'user', at: core.clock.now() })
    }
    return [toPluginInfo(record)]
  }
  const casualties = markDown(core, record, 'disabled', 'user')
  await finishDown(core, casualties)
  return casualties.map((casualty) => toPluginInfo(casualty.record))
}
