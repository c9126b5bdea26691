/**
 * Applying a {@link StartupPlan}: write the boot file (verified first when the plan says how), run the
 * enable/start commands; or stop, disable and remove it. The I/O edge of `od startup`/`od unstartup`.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { chmodSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { DaemonError } from '@opendaemon/core'
import type { RunCommand } from './command-runner.js'
import type { StartupCommand, StartupPlan } from './startup-plan.js'
import { shellLine } from './text-escape.js'

/** Where the installer writes and how it runs commands. */
export interface InstallerIo {
  /** Prefix of every file path (`OD_STARTUP_ROOT`; `/` normally). */
  readonly root: string
  readonly run: RunCommand
}

/** Options of {@link installPlan}. */
export interface InstallOptions {
  /** Run the start commands too (false for `--no-start`). */
  readonly start: boolean
  /** The verify command to run on the file before it is installed, or null. */
  readonly verify: StartupCommand | null
}

/** What the installer did. */
export interface ApplyResult {
  /** The file written or removed (with the root prefix). */
  readonly file: string
  /** The previous, different file kept as `<file>.bak`, or null. */
  readonly backup: string | null
  /** The commands run, as shell lines. */
  readonly commands: readonly string[]
  readonly warnings: readonly string[]
}

/** `file` under `root`. */
export function rootedPath(root: string, file: string): string {
  return root === '/' || root === '' ? file : join(root, file)
}

const TOOL_HINTS: Readonly<Record<string, string>> = {
  systemctl: 'Is this a systemd machine? Name the init system it uses, e.g. `opendaemon startup openrc`.',
  'systemd-analyze': 'Install systemd, or name another init system.',
}

async function runChecked(io: InstallerIo, argv: StartupCommand): Promise<string> {
  const result = await io.run(argv)
  const line = shellLine(argv)
  const tool = argv[0] as string
  if (result.code === 127) {
    throw new DaemonError(
      'OD_STARTUP_TOOL_MISSING',
      tool,
      TOOL_HINTS[tool] ?? 'Install it, or name another init system.',
    )
  }
  if (result.code !== 0) {
    const stderr = result.stderr.trim() || '(no output)'
    throw new DaemonError('OD_STARTUP_COMMAND_FAILED', line, result.code, stderr, {
      data: { command: argv, exitCode: result.code, stderr },
    })
  }
  return line
}

async function verifyContent(
  io: InstallerIo,
  plan: StartupPlan,
  file: string,
  verify: StartupCommand,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'od-verify-'))
  try {
    const copy = join(dir, basename(file))
    writeFileSync(copy, plan.content, { mode: plan.fileMode })
    const result = await io.run(verify.map((word) => (word === plan.file ? copy : word)))
    // No systemd-analyze: nothing to verify with (it is optional).
    if (result.code === 127 || result.code === 0) return
    const output = `${result.stderr}${result.stdout}`.trim().split(copy).join(file)
    throw new DaemonError('OD_STARTUP_VERIFY_FAILED', file, output, { data: { output } })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function writeAtomically(file: string, content: string, mode: number): void {
  const tmp = `${file}.tmp-${process.pid}`
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(tmp, content, { mode })
    chmodSync(tmp, mode)
    renameSync(tmp, file)
  } catch (err) {
    try {
      unlinkSync(tmp)
    } catch {
      // The temporary file was never written.
    }
    throw permissionError(file, err)
  }
}

/** The content of `file` when it is a regular file (a directory in its place is no backup). */
function regularFileContent(file: string): string | null {
  try {
    return statSync(file).isFile() ? readFileSync(file, 'utf8') : null
  } catch {
    return null // nothing there (or not reachable): nothing to back up
  }
}

function permissionError(file: string, err: unknown): DaemonError {
  // fs messages start with the errno code: "EACCES: permission denied, open '…'".
  return new DaemonError('OD_STARTUP_PERMISSION', file, (err as Error).message, { cause: err })
}

/**
 * Installs: verify a copy, keep a different existing file as `.bak`, write atomically, then run the
 * enable (and start) commands in order.
 *
 * @throws {DaemonError} `OD_STARTUP_VERIFY_FAILED`, `OD_STARTUP_PERMISSION`, `OD_STARTUP_TOOL_MISSING`,
 *   `OD_STARTUP_COMMAND_FAILED`.
 * @example
 * ```ts
 * const done = await installPlan(plan, { root: '/', run: execRunner(process.env) }, { start: true, verify: plan.verify })
 * ```
 */
export async function installPlan(
  plan: StartupPlan,
  io: InstallerIo,
  options: InstallOptions,
): Promise<ApplyResult> {
  const file = rootedPath(io.root, plan.file as string)
  if (options.verify !== null) await verifyContent(io, plan, file, options.verify)
  let backup: string | null = null
  const previous = regularFileContent(file)
  if (previous !== null && previous !== plan.content) {
    backup = `${file}.bak`
    try {
      copyFileSync(file, backup)
    } catch (err) {
      throw permissionError(backup, err)
    }
  }
  writeAtomically(file, plan.content, plan.fileMode)
  const commands: string[] = []
  for (const argv of [...plan.enable, ...(options.start ? plan.start : [])])
    commands.push(await runChecked(io, argv))
  return { file, backup, commands, warnings: [] }
}

/**
 * Uninstalls: stop and disable (failures become warnings: the service may already be stopped), remove
 * the file, then the cleanup commands (`systemctl daemon-reload`).
 *
 * @throws {DaemonError} `OD_STARTUP_NOT_INSTALLED` when the file does not exist; `OD_STARTUP_PERMISSION`.
 */
export async function uninstallPlan(plan: StartupPlan, io: InstallerIo): Promise<ApplyResult> {
  const file = rootedPath(io.root, plan.file as string)
  if (!existsSync(file)) throw new DaemonError('OD_STARTUP_NOT_INSTALLED', plan.system, file)
  const commands: string[] = []
  const warnings: string[] = []
  const lenient = async (argv: StartupCommand): Promise<void> => {
    const result = await io.run(argv)
    commands.push(shellLine(argv))
    if (result.code !== 0)
      warnings.push(`\`${shellLine(argv)}\` failed (exit ${result.code}): ${result.stderr.trim()}`)
  }
  for (const argv of plan.disable) await lenient(argv)
  try {
    unlinkSync(file)
  } catch (err) {
    throw permissionError(file, err)
  }
  for (const argv of plan.cleanup) await lenient(argv)
  return { file, backup: null, commands, warnings }
}
