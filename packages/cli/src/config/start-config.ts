/**
 * `od start <config>` / `od start` (discovery): load and validate the whole file, then send every
 * app in one `process.start { apps }` request. The daemon checks the dependency graph before
 * anything starts and starts the apps in dependency order, independent ones in parallel (§11.3).
 * An app already in the table is started by name if it is not online: `od start <file>` never
 * restarts anything (§10.14 mode 'start').
 */
import { DaemonError, type ProcessInfo } from '@opendaemon/core'
import type { LoadedAppConfig } from '@opendaemon/plugin-config-manager'
import type { CommandContext } from '../define-command.js'
import { printProcesses } from '../process/process-table.js'
import { printConfigWarnings } from './config-report.js'
import { loadConfigFile } from './config-loader.js'

/** What `od start` passes when its target is a config file. */
export interface ConfigStartOptions {
  /** `null`: discover the config in the current directory. */
  readonly file: string | null
  readonly only: readonly string[] | null
  readonly profile: string | null
  /** Flags given with the file, applied to every app. */
  readonly overlay: Readonly<Record<string, unknown>>
}

/** Refuses to start anything before the secret manager exists to resolve `{ secret }` references. */
function checkSecrets(config: LoadedAppConfig): void {
  const ref = config.apps.flatMap((app) => app.secrets)[0]
  if (ref !== undefined) throw new DaemonError('OD_SECRET_MANAGER_UNAVAILABLE', ref.path, ref.secret)
}

/**
 * Run `od start` for a config file; resolves to the exit code.
 *
 * @throws {DaemonError} `OD_CONFIG_INVALID` listing every error (nothing started), loading errors,
 *   `OD_SECRET_MANAGER_UNAVAILABLE`.
 * @example
 * ```ts
 * return startFromConfig(ctx, { file: 'ecosystem.config.js', only: null, profile: null, overlay: {} })
 * ```
 */
export async function startFromConfig(ctx: CommandContext, options: ConfigStartOptions): Promise<number> {
  const { out } = ctx
  const config = await loadConfigFile(
    {
      file: options.file,
      cwd: ctx.cwd,
      profile: options.profile,
      only: options.only,
      overlay: options.overlay,
    },
    ctx.runtime,
  )
  printConfigWarnings(out, config)
  if (config.errors.length > 0) {
    const { configInvalidError } = await import('@opendaemon/plugin-config-manager')
    throw configInvalidError(config.file, config.errors)
  }
  checkSecrets(config)
  const client = await ctx.client()
  const apps = config.apps.map((app) => app.request)
  const procs = (await client.call('process.start', { apps })) as ProcessInfo[]
  if (!out.mode.quiet || out.mode.json) printProcesses(out, procs)
  const failed = procs.filter((p) => p.status === 'errored' || (p.error !== null && p.status !== 'online'))
  for (const p of failed) {
    const what = p.status === 'errored' ? 'failed to start' : 'was not started'
    out.error(`${p.name} (id ${p.id}) ${what}: ${p.error?.message ?? 'errored'}`)
  }
  return failed.length > 0 ? 1 : 0
}
