/**
 * Pure parsers for Linux `/proc` files (proc(5)); the reads live in `proc-info.ts`.
 */

/** The parts of `/proc/<pid>/stat` the process manager uses. */
export interface ProcStat {
  pid: number
  /** The command name (up to 15 bytes; may contain spaces and parentheses). */
  comm: string
  /** R running, S sleeping, D disk sleep, Z zombie, T stopped, t tracing stop, X dead, I idle. */
  state: string
  ppid: number
  /** Process group id. */
  pgid: number
  /** Session id. */
  sid: number
  /** User-mode CPU time in clock ticks. */
  utimeTicks: number
  /** Kernel-mode CPU time in clock ticks. */
  stimeTicks: number
  /** Start time in clock ticks after boot: with the pid, it identifies one process for ever. */
  startTicks: number
}

/**
 * Linux's USER_HZ: `/proc` reports times in ticks of 1/100 s on every mainstream architecture
 * (x86, arm64, riscv, ppc64); the kernel's internal HZ does not leak into these files.
 */
export const CLOCK_TICKS_PER_SECOND = 100

/**
 * Parse `/proc/<pid>/stat`. The command name sits in parentheses and may itself contain spaces and
 * `)`, so the fields after it are found from the *last* `)`.
 *
 * @returns The fields, or `null` when the text is not a stat line.
 * @example
 * ```ts
 * import { parseProcStat } from '@opendaemon/plugin-process-manager'
 *
 * const line = '42 (my (odd) app) S 1 42 42 0 -1 4194560 100 0 0 0 7 3 0 0 20 0 1 0 1234 1000 200 18446744073709551615'
 * parseProcStat(line)?.startTicks // 1234
 * ```
 */
export function parseProcStat(text: string): ProcStat | null {
  const open = text.indexOf('(')
  const close = text.lastIndexOf(')')
  if (open < 1 || close < open) return null
  const pid = Number(text.slice(0, open).trim())
  const rest = text
    .slice(close + 1)
    .trim()
    .split(/\s+/)
  const num = (i: number): number => Number(rest[i])
  const stat: ProcStat = {
    pid,
    comm: text.slice(open + 1, close),
    state: rest[0] as string,
    ppid: num(1),
    pgid: num(2),
    sid: num(3),
    utimeTicks: num(11),
    stimeTicks: num(12),
    startTicks: num(19),
  }
  const numbers = [
    stat.pid,
    stat.ppid,
    stat.pgid,
    stat.sid,
    stat.utimeTicks,
    stat.stimeTicks,
    stat.startTicks,
  ]
  if (!/^[A-Za-z]$/.test(stat.state) || !numbers.every(Number.isSafeInteger)) return null
  return stat
}

/**
 * Resident set size from `/proc/<pid>/status` (`VmRSS:  1234 kB`), in bytes.
 *
 * @returns Bytes, or `null` when the line is absent (kernel threads, zombies).
 * @example
 * ```ts
 * import { parseVmRss } from '@opendaemon/plugin-process-manager'
 *
 * parseVmRss('Name:\tnode\nVmRSS:\t   51200 kB\n') // 52428800
 * ```
 */
export function parseVmRss(status: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)
  return match === null ? null : Number(match[1]) * 1024
}

/**
 * Boot time (`btime`, epoch seconds) from `/proc/stat`.
 *
 * @example
 * ```ts
 * import { parseBootTime } from '@opendaemon/plugin-process-manager'
 *
 * parseBootTime('cpu  1 2 3\nbtime 1763780000\n') // 1763780000
 * ```
 */
export function parseBootTime(procStat: string): number | null {
  const match = /^btime\s+(\d+)$/m.exec(procStat)
  return match === null ? null : Number(match[1])
}

/**
 * When a process started, in epoch ms, from its start ticks and the boot time.
 *
 * @example
 * ```ts
 * import { startedAtMs } from '@opendaemon/plugin-process-manager'
 *
 * startedAtMs(250, 1_700_000_000) // 1700000002500
 * ```
 */
export function startedAtMs(startTicks: number, bootTimeSec: number): number {
  return bootTimeSec * 1000 + Math.round((startTicks * 1000) / CLOCK_TICKS_PER_SECOND)
}

/** CPU time used so far, sampled at a moment. */
export interface CpuSample {
  /** utime + stime, in clock ticks. */
  ticks: number
  /** When the sample was taken (epoch ms). */
  atMs: number
}

/**
 * CPU use between two samples, in percent of one core (200 = two cores busy), rounded to 0.1.
 *
 * @example
 * ```ts
 * import { cpuPercent } from '@opendaemon/plugin-process-manager'
 *
 * cpuPercent({ ticks: 100, atMs: 0 }, { ticks: 150, atMs: 1000 }) // 50
 * ```
 */
export function cpuPercent(previous: CpuSample, next: CpuSample): number {
  const elapsedMs = next.atMs - previous.atMs
  if (elapsedMs <= 0 || next.ticks < previous.ticks) return 0
  const busyMs = ((next.ticks - previous.ticks) * 1000) / CLOCK_TICKS_PER_SECOND
  return Math.round((busyMs / elapsedMs) * 1000) / 10
}
