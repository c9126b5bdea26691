import { readFileSync } from 'node:fs'
import { DaemonError } from '@opendaemon/core/client'

/** How {@link waitForPidExit} looks and waits; tests pass fakes. */
export interface PidWatch {
  isAlive(pid: number): boolean
  sleep(ms: number): Promise<void>
  now(): number
}

/** The system calls {@link isProcessAlive} makes; tests pass fakes. */
export interface ProcessLookup {
  /** `kill(pid, 0)`: throws `ESRCH` when there is no such process. */
  signal(pid: number): void
  /** `/proc/<pid>/stat`; throws where there is no /proc. */
  readStat(pid: number): string
}

const systemLookup: ProcessLookup = {
  signal: (pid) => void process.kill(pid, 0),
  readStat: (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8'),
}

/**
 * Whether process `pid` still runs: `kill(pid, 0)` succeeds (or fails with `EPERM`) and, on Linux, it is
 * not a zombie waiting to be reaped.
 *
 * @example
 * ```ts
 * isProcessAlive(process.pid) // true
 * ```
 */
export function isProcessAlive(pid: number, lookup: ProcessLookup = systemLookup): boolean {
  try {
    lookup.signal(pid)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  let stat: string
  try {
    stat = lookup.readStat(pid)
  } catch {
    // No /proc (macOS, BSD) or the process just ended: kill(0) answered, so trust it.
    return true
  }
  // Field 3 is the state; the command name before it is in parentheses and may contain spaces.
  const close = stat.lastIndexOf(')')
  return stat.slice(close + 2, close + 3) !== 'Z'
}

/** The real {@link PidWatch}. */
export const systemPidWatch: PidWatch = {
  isAlive: (pid) => isProcessAlive(pid),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
}

/**
 * Resolves once `pid` is gone, checking every `intervalMs` (spec §6.8: the CLI polls the daemon pid
 * every 20 ms after `daemon.shutdown`).
 *
 * @throws {DaemonError} `OD_TIMEOUT` when it still runs after `timeoutMs`.
 * @example
 * ```ts
 * await waitForPidExit(1150, { timeoutMs: 30_000 })
 * ```
 */
export async function waitForPidExit(
  pid: number,
  options: { timeoutMs: number; intervalMs?: number; watch?: PidWatch },
): Promise<void> {
  const watch = options.watch ?? systemPidWatch
  const deadline = watch.now() + options.timeoutMs
  while (watch.isAlive(pid)) {
    if (watch.now() >= deadline) {
      throw new DaemonError('OD_TIMEOUT', `Waiting for the daemon (pid ${pid}) to exit`, options.timeoutMs)
    }
    await watch.sleep(options.intervalMs ?? 20)
  }
}
