/**
 * What `od startup`/`od install` and `od unstartup`/`od uninstall` do, shared by the four commands:
 * resolve, then print, install/remove, or print the sudo command (SPECIFICATION.md §22.4).
 */
import { DaemonError } from '@opendaemon/core'
import type { CommandContext } from '../define-command.js'
import type { Output } from '../output.js'
import { rerunCommand } from './rerun-command.js'
import { nodeStartupHost, type StartupHost } from './startup-host.js'
import { installPlan, rootedPath, uninstallPlan } from './startup-installer.js'
import type { StartupPlan } from './startup-plan.js'
import { resolveStartup, type ResolvedStartup, type StartupRequest } from './startup-request.js'
import { shellLine } from './text-escape.js'

/** Options of {@link runStartup}. */
export interface StartupOptions extends StartupRequest {
  readonly print?: boolean
  /** False for `--no-start`. */
  readonly start?: boolean
}

function passedFlags(req: StartupOptions): string[] {
  return [
    ...(req.serviceName === undefined ? [] : ['--service-name', req.serviceName]),
    ...(req.node === undefined ? [] : ['--node', req.node]),
    ...(req.delegate === true ? ['--delegate'] : []),
    ...(req.start === false ? ['--no-start'] : []),
  ]
}

function sudoLine(
  ctx: CommandContext,
  r: ResolvedStartup,
  verb: 'startup' | 'unstartup',
  extra: string[],
): string {
  const { target } = r
  return rerunCommand({
    verb,
    system: target.system,
    mode: target.mode,
    user: target.user,
    odHome: target.odHome,
    runner: { node: target.node, cli: target.cli },
    extra,
  })
}

function warnAll(out: Output, warnings: readonly string[]): void {
  if (!out.mode.json) for (const warning of warnings) out.warn(warning)
}

function verifyCommand(plan: StartupPlan, env: CommandContext['env']): StartupPlan['verify'] {
  // `systemd-analyze --user` needs the user's manager (XDG_RUNTIME_DIR); without it, check as a system unit.
  if (plan.verify === null || env['XDG_RUNTIME_DIR']) return plan.verify
  return plan.verify.filter((word) => word !== '--user')
}

/**
 * `od startup`: prints, installs, or prints the sudo command; resolves to the exit code.
 *
 * @example
 * ```ts
 * run: (ctx) => runStartup(ctx, { system: ctx.args.system, user: ctx.args.user, print: ctx.args.print })
 * ```
 */
export async function runStartup(
  ctx: CommandContext,
  req: StartupOptions,
  host: StartupHost = nodeStartupHost(ctx.env),
): Promise<number> {
  const r = await resolveStartup(req, {
    host,
    env: ctx.env,
    cwd: ctx.cwd,
    runtime: ctx.runtime,
    purpose: 'install',
  })
  const { plan, target } = r
  const shown = plan.file === null ? null : rootedPath(host.root, plan.file)
  const base = { system: plan.system, mode: plan.mode, service: plan.service, file: shown }
  const tail = { node: target.node, cli: target.cli, user: target.user, odHome: target.odHome }
  const commands = [...plan.enable, ...(req.start === false ? [] : plan.start)].map(shellLine)
  if (req.print === true || !r.canApply) {
    const command =
      req.print === true || plan.system === 'nssm' ? null : sudoLine(ctx, r, 'startup', passedFlags(req))
    const result = { ...base, installed: false, printed: req.print === true, commands, command, ...tail }
    if (ctx.out.mode.json)
      ctx.out.json({ ...result, backup: null, warnings: r.warnings, content: plan.content })
    else reportNotInstalled(ctx.out, plan, shown, command)
    warnAll(ctx.out, r.warnings)
    return 0
  }
  const done = await installPlan(
    plan,
    { root: host.root, run: host.run },
    {
      start: req.start !== false,
      verify: verifyCommand(plan, ctx.env),
    },
  )
  const warnings = [...r.warnings, ...done.warnings]
  const result = { ...base, installed: true, printed: false, commands: done.commands, command: null, ...tail }
  if (ctx.out.mode.json) ctx.out.json({ ...result, backup: done.backup, warnings, content: plan.content })
  else reportInstalled(ctx.out, r, done)
  warnAll(ctx.out, warnings)
  return 0
}

function reportNotInstalled(
  out: Output,
  plan: StartupPlan,
  file: string | null,
  command: string | null,
): void {
  if (command === null) {
    out.write(plan.content)
    if (plan.system === 'nssm') out.info('Run these commands in an administrator prompt (nssm.exe on PATH).')
    return
  }
  const who = plan.mode === 'system' ? 'root' : 'the account the service is for'
  out.info(`Installing ${file as string} (${plan.system}) needs ${who}. Run this command to install it:`)
  out.line(command)
}

function reportInstalled(
  out: Output,
  r: ResolvedStartup,
  done: { file: string; backup: string | null; commands: readonly string[] },
): void {
  out.success(`Installed ${done.file} (${r.plan.system} service ${r.plan.service}).`)
  if (done.backup !== null) out.info(`  The previous file is kept as ${done.backup}.`)
  for (const command of done.commands) out.info(`  ran: ${command}`)
  out.info(
    `The daemon now starts at boot as ${r.target.user} (OD_HOME ${r.target.odHome}) and brings back the saved apps.`,
  )
}

/**
 * `od unstartup`: stops, disables and removes the boot integration, or prints the sudo command.
 *
 * @throws {DaemonError} `OD_STARTUP_NOT_INSTALLED` when there is nothing to remove.
 * @example
 * ```ts
 * run: (ctx) => runUnstartup(ctx, { system: ctx.args.system, user: ctx.args.user })
 * ```
 */
export async function runUnstartup(
  ctx: CommandContext,
  req: StartupRequest,
  host: StartupHost = nodeStartupHost(ctx.env),
): Promise<number> {
  const r = await resolveStartup(req, {
    host,
    env: ctx.env,
    cwd: ctx.cwd,
    runtime: ctx.runtime,
    purpose: 'remove',
  })
  const { plan, target } = r
  const base = { system: plan.system, mode: plan.mode, service: plan.service, user: target.user }
  const installed = plan.file === null ? null : rootedPath(host.root, plan.file)
  if (installed !== null && !host.exists(installed)) {
    throw new DaemonError('OD_STARTUP_NOT_INSTALLED', plan.system, installed)
  }
  if (plan.file === null || !r.canApply) {
    const extra = req.serviceName === undefined ? [] : ['--service-name', req.serviceName]
    const command = plan.file === null ? null : sudoLine(ctx, r, 'unstartup', extra)
    const commands = [...plan.disable, ...plan.cleanup].map(shellLine)
    const file = installed
    if (ctx.out.mode.json) ctx.out.json({ ...base, file, removed: false, commands, command, warnings: [] })
    else if (command === null) for (const line of commands) ctx.out.line(line)
    else {
      ctx.out.info(
        `Removing ${file as string} (${plan.system}) needs ${plan.mode === 'system' ? 'root' : target.user}. Run:`,
      )
      ctx.out.line(command)
    }
    return 0
  }
  const done = await uninstallPlan(plan, { root: host.root, run: host.run })
  if (ctx.out.mode.json) {
    ctx.out.json({
      ...base,
      file: done.file,
      removed: true,
      commands: done.commands,
      command: null,
      warnings: done.warnings,
    })
  } else {
    ctx.out.success(
      `Removed ${done.file} (${plan.system} service ${plan.service}); OD_HOME, logs and the dump are kept.`,
    )
    for (const command of done.commands) ctx.out.info(`  ran: ${command}`)
  }
  warnAll(ctx.out, done.warnings)
  return 0
}
