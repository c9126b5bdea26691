/**
 * `daemon.pid`: what it holds, and the pure rule that says whether its writer still runs.
 */

/** Content of `daemon.pid` (one JSON line). */
export interface PidRecord {
  pid: number
  /** Start time of `pid` in clock ticks since boot (`/proc/<pid>/stat` field 22); null off Linux. */
  startTime: number | null
  /** `/proc/sys/kernel/random/boot_id` when it was written; null off Linux. */
  bootId: string | null
  version: string
  /** The socket the daemon bound. */
  socket: string
  /** Epoch ms when the daemon started. */
  startedAt: number
}

/** What is known now about the pid a record names. */
export interface HolderFacts {
  /** `kill(pid, 0)` succeeded (or failed with EPERM) and the process is not a zombie. */
  alive: boolean
  /** Its current start time, when readable. */
  startTime: number | null
  /** The current boot id, when readable. */
  bootId: string | null
}

const isTicks = (value: unknown) => value === null || (Number.isSafeInteger(value) && (value as number) >= 0)

/**
 * Parses `daemon.pid`. Anything that is not a complete record (another format, garbage, a pid
 * below 2, which `kill` would read as a process group) is `null`, that is: stale.
 *
 * @example
 * ```ts
 * import { parsePidRecord } from '@opendaemon/daemon'
 *
 * parsePidRecord('{"pid":1150,"startTime":88231,"bootId":null,"version":"0.1.0","socket":"/s","startedAt":1}')?.pid // 1150
 * ```
 * @since 0.1.0
 */
export function parsePidRecord(text: string): PidRecord | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    // A lock file that is not JSON was not written by a daemon of this format: treat it as stale.
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const r = value as Record<string, unknown>
  const ok =
    Number.isSafeInteger(r['pid']) &&
    (r['pid'] as number) > 1 &&
    isTicks(r['startTime']) &&
    (r['bootId'] === null || typeof r['bootId'] === 'string') &&
    typeof r['version'] === 'string' &&
    typeof r['socket'] === 'string' &&
    Number.isFinite(r['startedAt'])
  if (!ok) return null
  return {
    pid: r['pid'] as number,
    startTime: r['startTime'] as number | null,
    bootId: r['bootId'] as string | null,
    version: r['version'] as string,
    socket: r['socket'] as string,
    startedAt: r['startedAt'] as number,
  }
}

/**
 * Decides whether the writer of a pid record still runs. It does iff the process exists, the boot
 * is the same (when both boot ids are known) and its start time matches (when both are known): a
 * pid reused by another process after a crash is never mistaken for the daemon.
 *
 * @example
 * ```ts
 * import { judgeHolder } from '@opendaemon/daemon'
 *
 * const record = { pid: 1150, startTime: 88231, bootId: 'b', version: '0.1.0', socket: '/s', startedAt: 1 }
 * judgeHolder(record, { alive: true, startTime: 99999, bootId: 'b' }) // 'stale' (pid reused)
 * ```
 * @since 0.1.0
 */
export function judgeHolder(record: PidRecord | null, facts: HolderFacts): 'live' | 'stale' {
  if (record === null || !facts.alive) return 'stale'
  if (record.bootId !== null && facts.bootId !== null && record.bootId !== facts.bootId) return 'stale'
  if (record.startTime !== null && facts.startTime !== null && record.startTime !== facts.startTime)
    return 'stale'
  return 'live'
}

/** The line written to `daemon.pid`. */
export function formatPidRecord(record: PidRecord): string {
  return `${JSON.stringify(record)}\n`
}
