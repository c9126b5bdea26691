/**
 * Reading facts about live processes from Linux `/proc`: identity (pid + start time, so a reused
 * pid is never mistaken for the old process), process-group members, RSS and CPU time. Linux only;
 * every function takes the filesystem as a parameter so tests can feed it sample files.
 */
import { readFile, readdir } from 'node:fs/promises'
import { parseBootTime, parseProcStat, parseVmRss, type ProcStat } from './proc-stat.js'

/** The two reads this module needs. */
export interface ProcFs {
  readFile(path: string): Promise<string>
  readdir(path: string): Promise<string[]>
}

/** The real `/proc`. */
export const nodeProcFs: ProcFs = {
  readFile: (path) => readFile(path, 'utf8'),
  readdir: (path) => readdir(path),
}

async function readOrNull(fs: ProcFs, path: string): Promise<string | null> {
  try {
    return await fs.readFile(path)
  } catch {
    // The process is gone (ENOENT/ESRCH) or hidden from us (EACCES): both mean "no data".
    return null
  }
}

/**
 * Read and parse `/proc/<pid>/stat`.
 *
 * @returns The stat, or `null` when no such process is visible.
 * @example
 * ```ts
 * import { readProcStat } from '@opendaemon/plugin-process-manager'
 *
 * const me = await readProcStat(process.pid)
 * console.log(me?.startTicks, me?.pgid)
 * ```
 */
export async function readProcStat(pid: number, fs: ProcFs = nodeProcFs): Promise<ProcStat | null> {
  const text = await readOrNull(fs, `/proc/${pid}/stat`)
  return text === null ? null : parseProcStat(text)
}

/** Zombies (Z) and dead tasks (X) have exited; only their table entry is left. */
export function isExitedState(state: string): boolean {
  return state === 'Z' || state === 'X'
}

/**
 * True when `pid` is a live process that started at `startTicks`: the check that stops a reused
 * pid from being adopted, signalled or counted as the old process.
 *
 * @example
 * ```ts
 * import { isSameProcess, readProcStat } from '@opendaemon/plugin-process-manager'
 *
 * const stat = await readProcStat(process.pid)
 * await isSameProcess(process.pid, stat?.startTicks ?? -1) // true
 * ```
 */
export async function isSameProcess(
  pid: number,
  startTicks: number,
  fs: ProcFs = nodeProcFs,
): Promise<boolean> {
  const stat = await readProcStat(pid, fs)
  return stat !== null && !isExitedState(stat.state) && stat.startTicks === startTicks
}

/**
 * The live (not zombie) members of process group `pgid`, ascending, found by scanning `/proc`.
 * A process that exits during the scan is simply left out.
 *
 * @example
 * ```ts
 * import { listGroupMembers } from '@opendaemon/plugin-process-manager'
 *
 * const pids = await listGroupMembers(process.pid)
 * ```
 */
export async function listGroupMembers(pgid: number, fs: ProcFs = nodeProcFs): Promise<number[]> {
  const entries = await fs.readdir('/proc')
  const pids = entries.filter((name) => /^\d+$/.test(name)).map(Number)
  const stats = await Promise.all(pids.map((pid) => readProcStat(pid, fs)))
  return stats
    .filter((s): s is ProcStat => s !== null && s.pgid === pgid && !isExitedState(s.state))
    .map((s) => s.pid)
    .sort((a, b) => a - b)
}

/**
 * Resident memory of `pid` in bytes (`VmRSS`).
 *
 * @returns Bytes, or `null` when the process is gone or reports no RSS (a zombie).
 * @example
 * ```ts
 * import { readRssBytes } from '@opendaemon/plugin-process-manager'
 *
 * console.log(await readRssBytes(process.pid))
 * ```
 */
export async function readRssBytes(pid: number, fs: ProcFs = nodeProcFs): Promise<number | null> {
  const text = await readOrNull(fs, `/proc/${pid}/status`)
  return text === null ? null : parseVmRss(text)
}

/**
 * CPU time used by `pid` so far (user + system), in clock ticks; feed two of these to `cpuPercent`.
 *
 * @example
 * ```ts
 * import { readCpuTicks } from '@opendaemon/plugin-process-manager'
 *
 * console.log(await readCpuTicks(process.pid))
 * ```
 */
export async function readCpuTicks(pid: number, fs: ProcFs = nodeProcFs): Promise<number | null> {
  const stat = await readProcStat(pid, fs)
  return stat === null ? null : stat.utimeTicks + stat.stimeTicks
}

/**
 * The boot time of the machine in epoch seconds (`btime` in `/proc/stat`).
 *
 * @example
 * ```ts
 * import { readBootTime } from '@opendaemon/plugin-process-manager'
 *
 * console.log(await readBootTime())
 * ```
 */
export async function readBootTime(fs: ProcFs = nodeProcFs): Promise<number | null> {
  const text = await readOrNull(fs, '/proc/stat')
  return text === null ? null : parseBootTime(text)
}
