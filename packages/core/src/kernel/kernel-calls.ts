import { DaemonError } from '../errors/daemon-error.js'
import { errorMessage, toDaemonError, toErrorInfo } from '../errors/error-info.js'
import type { HookName, HookOutcome, HookPayload, HookResult } from '../plugins/hooks.js'
import type { MetricSnapshot } from '../plugins/metrics.js'
import type { PluginHealth } from '../plugins/plugin-info.js'
import type { CallMeta } from '../rpc/methods.js'
import { isPluginFault, reportFailure } from './error-boundary.js'
import { findRecord, isActive, isShuttingDown, type KernelCore, type PluginScope } from './kernel-core.js'
import type { RegisteredMethod } from './registrations.js'
import { runBounded } from './take-down.js'

function missingMethod(core: KernelCore, method: string): DaemonError {
  const owner = core.methods.lastOwner(method)
  const record = owner === undefined ? undefined : findRecord(core, owner)
  if (record !== undefined && (record.state === 'disabled' || record.state === 'failed')) {
    return new DaemonError('OD_PLUGIN_DISABLED', record.name)
  }
  if (isShuttingDown(core)) return new DaemonError('OD_DAEMON_SHUTTING_DOWN')
  return new DaemonError('OD_METHOD_NOT_FOUND', method)
}

function parseParams(method: RegisteredMethod, params: unknown): unknown {
  try {
    return method.parse(params)
  } catch (error) {
    if (error instanceof DaemonError) throw error
    throw new DaemonError('OD_INVALID_PARAMS', `params: ${errorMessage(error)}`, { cause: error })
  }
}

/**
 * Runs an RPC method: looks it up, parses the params with its parser, then runs the handler
 * inside the owner's error boundary.
 *
 * - Unknown method: `OD_METHOD_NOT_FOUND`, or `OD_PLUGIN_DISABLED` when its plugin is disabled or
 *   failed, or `OD_DAEMON_SHUTTING_DOWN` once stopping.
 * - Parser errors are never counted against the plugin: a DaemonError passes unchanged, anything
 *   else becomes `OD_INVALID_PARAMS` (cause kept).
 * - Handler errors: DaemonErrors pass unchanged; anything else becomes `OD_INTERNAL` (cause
 *   kept). Faults ({@link isPluginFault}) of plugin methods are counted by the boundary.
 */
export async function callMethod(
  core: KernelCore,
  method: string,
  params: unknown,
  meta: CallMeta,
): Promise<unknown> {
  const entry = core.methods.get(method)
  if (entry === undefined) throw missingMethod(core, method)
  const parsed = parseParams(entry, params)
  const record = findRecord(core, entry.owner)
  try {
    return await entry.handler(parsed, meta)
  } catch (error) {
    const where = `method "${method}"`
    if (record !== undefined && isPluginFault(error)) throw reportFailure(core, record, error, where)
    throw toDaemonError(error, where)
  }
}

/**
 * Runs every handler of hook `name` one after another, in plugin load order, each within the hook
 * timeout. A failing handler never throws here: its outcome is `{ ok: false, error }`, and faults
 * count against its plugin.
 */
export async function runHook<N extends HookName>(
  core: KernelCore,
  name: N,
  payload: HookPayload<N>,
): Promise<HookOutcome<N>[]> {
  const outcomes: HookOutcome<N>[] = []
  for (const hook of core.hooks.get(name)) {
    const record = findRecord(core, hook.owner)
    // An earlier handler's failure may have disabled this plugin during this run.
    if (record?.scope === undefined) continue
    const where = `hook "${name}"`
    try {
      const value = (await runBounded(core, hook.owner, where, () => hook.handler(payload))) as HookResult<N>
      outcomes.push({ plugin: hook.owner, ok: true, value })
    } catch (error) {
      const err = isPluginFault(error) ? reportFailure(core, record, error, where) : toDaemonError(error)
      outcomes.push({ plugin: hook.owner, ok: false, error: toErrorInfo(err) })
    }
  }
  return outcomes
}

/** Collects every metric concurrently; a failing or late `collect` is left out (and counted). */
export async function collectMetrics(core: KernelCore): Promise<MetricSnapshot[]> {
  const collected = await Promise.all(
    core.metrics.list().map(async ({ owner, def }): Promise<MetricSnapshot | undefined> => {
      const where = `metric "${def.name}"`
      try {
        const value = await runBounded(core, owner, where, () => def.collect())
        const samples = typeof value === 'number' ? [{ labels: {}, value }] : [...value]
        return { name: def.name, type: def.type, help: def.help, plugin: owner, samples }
      } catch (error) {
        const record = findRecord(core, owner)
        if (record === undefined) core.logger.warn(`kernel ${where} failed`, { error })
        else reportFailure(core, record, error, where)
        return undefined
      }
    }),
  )
  return collected.filter((snapshot) => snapshot !== undefined)
}

/**
 * Runs the `healthCheck` of every running plugin concurrently, each within the hook timeout. A
 * plugin without one is healthy; `false`, a throw or a timeout is unhealthy (not counted as a
 * failure: the watchdog decides what to do).
 */
export async function runHealthChecks(core: KernelCore): Promise<PluginHealth[]> {
  const running = core.records.filter((record) => isActive(record.state))
  return Promise.all(
    running.map(async (record): Promise<PluginHealth> => {
      const ctx = (record.scope as PluginScope).ctx // running plugins always hold a scope
      try {
        const healthy = await runBounded(
          core,
          record.name,
          'healthCheck',
          () => record.plugin.healthCheck?.(ctx) ?? true,
        )
        return { name: record.name, healthy: healthy === true }
      } catch (error) {
        return { name: record.name, healthy: false, error: toErrorInfo(error) }
      }
    }),
  )
}
