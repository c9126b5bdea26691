/**
 * `od adopt <pid>` (§8.15): the checks (a real, foreign-to-the-table, signalable process that is
 * not the daemon nor its parent), the default name (the executable's basename, made unique with
 * `-<pid>`), the app definition (the restart command's, when given) and the registration of an
 * adopted watcher (`buildAdoptedSupervisor`).
 */
import {
  DaemonError,
  type AdoptParams,
  type Clock,
  type EventBus,
  type EventMap,
  type ProcessInfo,
} from '@opendaemon/core'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { buildAdoptedSupervisor } from './adopted-handover.js'
import { readProcStat } from './proc-info.js'
import { normalizeAppSpec, type AppSpec, type AppSpecContext } from './app-spec.js'
import type { AdoptProbes } from './process-manager.js'
import { parseRestartCommand } from './restart-command.js'
import type { InstanceIdentity, RestoredState, Supervisor } from './supervisor-contract.js'

/** Shared parts the manager hands to a new adopted watcher. */
export interface AdoptWiring {
  events: Pick<EventBus<EventMap>, 'emit'>
  clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>
  onChange: () => void
  /** The managed supervisor that runs the restart command once the process has ended. */
  makeManaged: (restored: RestoredState) => Supervisor
}

/** What {@link adoptProcess} needs from the manager. */
export interface AdoptContext {
  probes: AdoptProbes
  daemonPid: number
  /** The app and id managing `pid`, if any. */
  managedBy(pid: number): { name: string; id: number } | null
  nameTaken(name: string): boolean
  specContext: AppSpecContext
  /**
   * Adds the entry (new id) and returns its record; `restartable` entries are checked like a start
   * (the restart command must resolve: `OD_SCRIPT_NOT_FOUND` …) before anything is added.
   */
  add(
    spec: AppSpec,
    restartable: boolean,
    make: (ident: InstanceIdentity, wiring: AdoptWiring) => Supervisor,
  ): Promise<ProcessInfo>
}

function fail(pid: number, reason: string, detail: string): DaemonError {
  return new DaemonError('OD_ADOPT_FAILED', pid, detail, { data: { reason, pid } })
}

function defaultName(cmd: readonly string[], pid: number, taken: (name: string) => boolean): string {
  const base = basename(cmd[0] ?? '')
    .replace(/[^A-Za-z0-9_.@-]/g, '-')
    .replace(/^[^A-Za-z0-9_]+/, '')
  const name = base === '' || /^\d+$/.test(base) || base === 'all' ? `pid-${pid}` : base.slice(0, 80)
  return taken(name) ? `${name}-${pid}` : name
}

async function check(pid: number, ctx: AdoptContext): Promise<number> {
  if (!Number.isSafeInteger(pid) || pid <= 1) throw fail(pid, 'invalid-pid', 'it is not a usable process id')
  if (pid === ctx.daemonPid) throw fail(pid, 'invalid-pid', 'it is the daemon itself')
  if (pid === ctx.probes.parentPid) throw fail(pid, 'invalid-pid', "it is the daemon's own parent")
  const probe = ctx.probes.probe(pid)
  if (probe === 'ESRCH') throw fail(pid, 'not-found', `no process with pid ${pid}`)
  if (probe === 'EPERM') throw fail(pid, 'not-permitted', `process ${pid} belongs to another user`)
  const managed = ctx.managedBy(pid)
  if (managed !== null) {
    throw fail(
      pid,
      'already-managed',
      `process ${pid} is already managed as ${managed.name} (id ${managed.id})`,
    )
  }
  const startTime = await ctx.probes.startTime(pid)
  if (startTime === null) throw fail(pid, 'not-found', `no process with pid ${pid}`)
  return startTime
}

/**
 * Check and register a running process.
 *
 * @throws {DaemonError} `OD_ADOPT_FAILED` with `data.reason` (`invalid-pid`, `not-found`,
 *   `not-permitted`, `already-managed`); `OD_PROCESS_NAME_TAKEN`; `OD_APP_OPTION_INVALID`.
 * @example
 * ```ts
 * const info = await adoptProcess({ pid: 4242, name: 'legacy' }, ctx)
 * ```
 */
export async function adoptProcess(params: AdoptParams, ctx: AdoptContext): Promise<ProcessInfo> {
  const { pid } = params
  const startTime = await check(pid, ctx)
  const cmd = (await ctx.probes.cmdline(pid)) ?? []
  const name = params.name ?? defaultName(cmd, pid, (n) => ctx.nameTaken(n))
  if (ctx.nameTaken(name)) throw new DaemonError('OD_PROCESS_NAME_TAKEN', name)
  const command = params.restartCommand
  const launch =
    command === undefined
      ? { script: cmd[0] ?? `pid ${pid}`, args: cmd.slice(1), autorestart: 'never' }
      : parseRestartCommand(command)
  const spec = normalizeAppSpec(
    {
      ...launch,
      name,
      cwd: params.cwd ?? '/',
      ...(params.namespace === undefined ? {} : { namespace: params.namespace }),
      ...(params.tags === undefined ? {} : { tags: params.tags }),
      ...(params.killSignal === undefined ? {} : { killSignal: params.killSignal }),
      ...(params.killTimeout === undefined ? {} : { killTimeout: params.killTimeout }),
    },
    ctx.specContext,
  )
  return ctx.add(spec, command !== undefined, (ident, wiring) => {
    const sup = buildAdoptedSupervisor(
      ident,
      spec,
      { pid, startTime, groupKill: params.groupKill === true },
      command !== undefined,
      {
        ...wiring,
        isSameProcess: ctx.probes.isSameProcess,
        kill: ctx.probes.kill,
        pollMs: ctx.probes.pollMs,
      },
    )
    wiring.events.emit('process:adopted', { id: ident.id, name, pid, at: wiring.clock.now() })
    return sup
  })
}

/**
 * `kill(pid, 0)`: whether a process exists and may be signalled.
 *
 * @example
 * ```ts
 * probePid(process.pid) // 'ok'
 * ```
 */
export function probePid(
  pid: number,
  kill: (pid: number, signal: 0) => void = (p, s) => void process.kill(p, s),
): 'ok' | 'ESRCH' | 'EPERM' {
  try {
    kill(pid, 0)
    return 'ok'
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? 'EPERM' : 'ESRCH'
  }
}

/** The words of `/proc/<pid>/cmdline`; null when unreadable (gone, or a kernel thread). */
export async function readCmdline(
  pid: number,
  read: (path: string) => Promise<string> = (path) => readFile(path, 'utf8'),
): Promise<string[] | null> {
  try {
    const words = (await read(`/proc/${pid}/cmdline`)).split('\0').filter((w) => w !== '')
    return words.length === 0 ? null : words
  } catch {
    return null // gone meanwhile: the caller treats it as a process without a command line
  }
}

/** Start time (clock ticks after boot) of `pid`; null when it is gone. */
export async function readStartTime(pid: number): Promise<number | null> {
  return (await readProcStat(pid))?.startTicks ?? null
}
