/**
 * The spawn spec of one instance run: the command (`resolveLaunch`), the environment rebuilt at
 * every spawn (`buildChildEnv` over the daemon's environment) and the OS options.
 */
import type { AppSpec } from './app-spec.js'
import { buildChildEnv } from './child-env.js'
import { resolveLaunch, type LaunchEnv } from './interpreter.js'
import type { SpawnSpec } from './spawner.js'
import type { InstanceIdentity } from './supervisor.js'
import { resolveAccountId } from './user-db.js'

/** What {@link buildSpawnSpec} reads from the daemon. */
export interface LaunchContext {
  /** The daemon's environment. */
  baseEnv: Readonly<Record<string, string | undefined>>
  /** OD_HOME, passed to apps so a later daemon can recognise its orphans (§6.12). */
  home: string
  launchEnv: (pathEnv: string) => LaunchEnv
}

/**
 * Build the spawn spec of an instance.
 *
 * @throws {DaemonError} the launch errors of `resolveLaunch` (`OD_SCRIPT_NOT_FOUND`, …) and
 *   `OD_APP_OPTION_INVALID` for an unknown user or group.
 * @example
 * ```ts
 * const spawnSpec = buildSpawnSpec({ id: 0, name: 'api', namespace: 'default', instance: 0 }, spec, ctx)
 * ```
 */
export function buildSpawnSpec(ident: InstanceIdentity, spec: AppSpec, ctx: LaunchContext): SpawnSpec {
  const env = buildLaunchEnv(ident, spec, ctx)
  const launch = resolveLaunch(spec, ctx.launchEnv(env['PATH'] ?? ''))
  const os = spec.os
  return {
    command: launch.command,
    args: launch.args,
    cwd: spec.cwd,
    env,
    ipc: launch.ipc,
    ...(os.uid === null ? {} : { uid: resolveAccountId(os.uid, 'user') }),
    ...(os.gid === null ? {} : { gid: resolveAccountId(os.gid, 'group') }),
    ...(os.nice === null ? {} : { nice: os.nice }),
    ...(os.umask === null ? {} : { umask: os.umask }),
    ...(os.cpuAffinity === null ? {} : { cpuAffinity: os.cpuAffinity }),
  }
}

/**
 * The environment of an instance's next spawn (what `od env` shows for a stopped instance).
 *
 * @example
 * ```ts
 * buildLaunchEnv({ id: 0, name: 'api', namespace: 'default', instance: 0 }, spec, ctx)['OD_APP_NAME'] // 'api'
 * ```
 */
export function buildLaunchEnv(
  ident: InstanceIdentity,
  spec: AppSpec,
  ctx: LaunchContext,
): Record<string, string> {
  const env = buildChildEnv({
    base: ctx.baseEnv,
    app: spec.env,
    name: ident.name,
    id: ident.id,
    namespace: ident.namespace,
    instance: ident.instance,
  })
  env['OD_INSTANCES'] = String(spec.instances)
  env['OD_HOME'] = ctx.home
  return env
}
