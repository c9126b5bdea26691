/**
 * From the arguments of `od startup`/`od unstartup` to a checked target and plan (SPECIFICATION.md
 * §22.1–22.2): init system, account, paths, OD_HOME, warnings, and whether the caller may apply it.
 */
import { join, resolve } from 'node:path'
import { DaemonError } from '@opendaemon/core'
import { CliError } from '../cli-error.js'
import type { RuntimeInfo } from '../cli-io.js'
import { lookupAccount } from './account-lookup.js'
import { generateStartup } from './generate.js'
import { detectInitSystem } from './init-detect.js'
import { resolveInitSystem, type InitSystem } from './init-systems.js'
import { firstBlocker, nodeDriftWarning, savedListWarning } from './startup-checks.js'
import type { StartupHost } from './startup-host.js'
import type { StartupPlan } from './startup-plan.js'
import { buildTarget, type Account, type StartupMode, type StartupTarget } from './startup-target.js'

/** The user's request. */
export interface StartupRequest {
  readonly system?: string | undefined
  readonly user?: string | undefined
  readonly mode?: StartupMode | undefined
  readonly serviceName?: string | undefined
  readonly node?: string | undefined
  /** `--home-dir`, else the global `--home`. */
  readonly homeDir?: string | undefined
  readonly delegate?: boolean
  /** `od install`/`od uninstall`: systemd unless another init system is detected. */
  readonly preferSystemd?: boolean
}

/** What the request resolves to. */
export interface ResolvedStartup {
  readonly target: StartupTarget
  readonly plan: StartupPlan
  readonly warnings: readonly string[]
  /** Whether this caller may install or remove it (root for system mode, the user for user mode). */
  readonly canApply: boolean
}

/** The command's surroundings. */
export interface RequestContext {
  readonly host: StartupHost
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  readonly runtime: RuntimeInfo
  /** `remove` skips the checks that only matter for a new installation. */
  readonly purpose: 'install' | 'remove'
}

const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.@-]*$/

async function chooseSystem(req: StartupRequest, host: StartupHost, warnings: string[]): Promise<InitSystem> {
  if (req.system !== undefined) return resolveInitSystem(req.system)
  if (req.preferSystemd !== true) return detectInitSystem(await host.initFacts())
  let detected: InitSystem = 'systemd'
  try {
    detected = detectInitSystem(await host.initFacts())
  } catch {
    // Nothing detected: the GoPM aliases mean systemd.
  }
  if (detected !== 'systemd') warnings.push(`this machine uses ${detected}, not systemd: using ${detected}`)
  return detected
}

function chooseMode(req: StartupRequest, system: InitSystem, runtime: RuntimeInfo): StartupMode {
  if (req.mode === 'user' && system !== 'systemd' && system !== 'launchd') {
    throw new CliError('OD_USAGE', `--mode user exists for systemd and launchd only, not ${system}.`)
  }
  return req.mode ?? (system === 'launchd' && !runtime.isRoot ? 'user' : 'system')
}

function nodePath(req: StartupRequest, ctx: RequestContext): string {
  if (req.node === undefined) return ctx.host.realpath(ctx.runtime.execPath)
  // Not resolved through symlinks: a stable symlink such as /usr/local/bin/node is the point of --node.
  const node = resolve(ctx.cwd, req.node)
  if (!ctx.host.exists(node)) throw new CliError('OD_USAGE', `--node ${node} does not exist.`)
  return node
}

function checkReachable(target: StartupTarget, account: Account, host: StartupHost): void {
  if (account.uid === host.caller.uid) return
  for (const [file, need] of [
    [target.node, 'x'],
    [target.cli, 'r'],
  ] as const) {
    const blocker = firstBlocker(host.permissions(file, need), account)
    if (blocker !== null) {
      const what =
        blocker === file
          ? `it cannot ${need === 'x' ? 'run' : 'read'} it`
          : `${blocker} is not searchable by it`
      throw new DaemonError('OD_STARTUP_PATH_INACCESSIBLE', file, account.name, what)
    }
  }
}

function installWarnings(target: StartupTarget, host: StartupHost): string[] {
  const warnings = [nodeDriftWarning(target.node), savedListWarning(host.saved(target.odHome))]
  if (host.exists(join(target.odHome, 'daemon.pid'))) {
    warnings.push(
      `a daemon already runs for ${target.odHome}: the service cannot take it over while it runs; stop it first (\`od kill\`) or let the service start at the next boot`,
    )
  }
  return warnings.filter((w): w is string => w !== null)
}

/**
 * Resolves and checks a request.
 *
 * @throws {DaemonError} `OD_STARTUP_UNSUPPORTED`, `OD_STARTUP_USER_UNKNOWN`, `OD_STARTUP_PATH_INACCESSIBLE`.
 * @throws {CliError} `OD_USAGE` for a bad `--mode`, `--service-name` or `--node`.
 * @example
 * ```ts
 * const { plan, canApply } = await resolveStartup({ system: 'systemd' }, { host, env, cwd, runtime, purpose: 'install' })
 * ```
 */
export async function resolveStartup(req: StartupRequest, ctx: RequestContext): Promise<ResolvedStartup> {
  const { host, env } = ctx
  const warnings: string[] = []
  const system = await chooseSystem(req, host, warnings)
  const mode = chooseMode(req, system, ctx.runtime)
  if (req.serviceName !== undefined && !SERVICE_NAME.test(req.serviceName)) {
    throw new CliError(
      'OD_USAGE',
      `--service-name "${req.serviceName}" may hold only letters, digits and _ . @ -.`,
    )
  }
  const account = await lookupAccount(req.user ?? (env['SUDO_USER'] || host.caller.name), host.run)
  const homeDir = req.homeDir ?? (env['OD_HOME'] || undefined)
  const odHome = homeDir === undefined ? join(account.home, '.opendaemon') : resolve(ctx.cwd, homeDir)
  const target = buildTarget({
    system,
    mode,
    account,
    odHome,
    node: nodePath(req, ctx),
    cli: host.realpath(ctx.runtime.cliPath),
    serviceName: req.serviceName,
    shutdownTimeoutMs: host.shutdownTimeoutMs(odHome),
    delegate: req.delegate === true,
  })
  const plan = generateStartup(target)
  if (ctx.purpose === 'install') {
    checkReachable(target, account, host)
    warnings.push(...installWarnings(target, host), ...plan.notes)
  }
  const canApply =
    system !== 'nssm' && (mode === 'system' ? ctx.runtime.isRoot : host.caller.name === account.name)
  return { target, plan, warnings, canApply }
}
