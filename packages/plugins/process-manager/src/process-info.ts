/**
 * Turning an instance (its app definition plus its supervisor's snapshot) into the plain JSON
 * records of `process.list` and `process.info`. Never includes env values.
 */
import type { ProcessDetail, ProcessInfo } from '@opendaemon/core'
import type { AppSpec } from './app-spec.js'
import type { InstanceIdentity, InstanceState } from './supervisor.js'

/** The facts of one instance that the records are built from. */
export interface InstanceView {
  ident: InstanceIdentity
  spec: AppSpec
  /** What runs the script (`node`, `python3`, `none`, `sh`). */
  interpreter: string
  createdAt: number
  state: InstanceState
  /** RSS in bytes, when sampled. */
  memory: number | null
  /** Registered with `od adopt`. */
  adopted: boolean
}

/**
 * The `process.list` record of an instance.
 *
 * @example
 * ```ts
 * const info = toProcessInfo(view, Date.now())
 * console.log(info.status, info.pid)
 * ```
 */
export function toProcessInfo(view: InstanceView, now: number): ProcessInfo {
  const { ident, spec, state } = view
  return {
    id: ident.id,
    name: ident.name,
    namespace: ident.namespace,
    tags: [...spec.tags],
    instance: ident.instance,
    instances: spec.instances,
    mode: 'fork',
    status: state.status,
    pid: state.pid,
    pgid: state.pgid,
    startedAt: state.startedAt,
    uptimeMs: state.startedAt === null ? 0 : Math.max(0, now - state.startedAt),
    restarts: state.restarts,
    unstableRestarts: state.unstableRestarts,
    nextRestartAt: state.nextRestartAt,
    exitCode: state.lastExit?.code ?? null,
    signal: state.lastExit?.signal ?? null,
    lastExit: state.lastExit,
    script: spec.script,
    interpreter: view.interpreter,
    args: [...spec.args],
    cwd: spec.cwd,
    autorestart: spec.restart.autorestart,
    adopted: view.adopted,
    createdAt: view.createdAt,
    memory: view.memory,
    cpu: null,
    error: state.error,
  }
}

/**
 * The `process.info` record: the list record plus definition, policy, log paths and recent exits.
 * Env appears as key names only (§5.11).
 */
export function toProcessDetail(
  view: InstanceView,
  now: number,
  logs: { out: string; err: string },
  dependents: readonly string[] = [],
): ProcessDetail {
  const { spec, state } = view
  return {
    ...toProcessInfo(view, now),
    desired: state.desired,
    pidStartTime: state.pidStartTime,
    onlineAt: state.onlineAt,
    interpreterArgs: [...spec.interpreterArgs],
    envKeys: Object.keys(spec.env).sort(),
    killSignal: spec.killSignal,
    killTimeoutMs: spec.killTimeoutMs,
    maxMemoryBytes: spec.maxMemoryBytes,
    waitReady: spec.waitReady,
    readyPattern: spec.readyPattern,
    listenTimeoutMs: spec.listenTimeoutMs,
    restartPolicy: { ...spec.restart, stopExitCodes: [...spec.restart.stopExitCodes] },
    logs,
    history: [...state.history],
    dependencies: (spec.dependencies ?? []).map((dep) => ({ ...dep })),
    dependents: [...dependents],
  }
}
