/**
 * The real {@link ProcessProbe}: `kill(pid, 0)` plus `/proc` (start time, zombie state, boot id).
 */
import { readFile } from 'node:fs/promises'
import { isExitedState, nodeProcFs, readProcStat, type ProcFs } from '@opendaemon/plugin-process-manager'
import type { HolderFacts } from './pid-record.js'
import type { ProcessProbe } from './pid-lock.js'

const BOOT_ID_FILE = '/proc/sys/kernel/random/boot_id'

/**
 * The boot id (`/proc/sys/kernel/random/boot_id`), or `null` where there is none.
 *
 * @example
 * ```ts
 * import { readBootId } from '@opendaemon/daemon'
 *
 * const bootId = await readBootId()
 * ```
 * @since 0.1.0
 */
export async function readBootId(path = BOOT_ID_FILE): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).trim()
  } catch {
    // Not Linux (or /proc hidden): lock decisions then rest on the pid and start time alone.
    return null
  }
}

/** True when a signal could be sent to `pid` (EPERM: it exists but belongs to someone else). */
function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * A probe giving facts about a pid for {@link judgeHolder}: alive (and not a zombie), its start
 * time (`null` when `/proc` cannot tell) and the boot id.
 *
 * @example
 * ```ts
 * import { createProcessProbe } from '@opendaemon/daemon'
 *
 * const facts = await createProcessProbe().facts(process.pid) // { alive: true, startTime: …, bootId: … }
 * ```
 * @since 0.1.0
 */
export function createProcessProbe(procFs: ProcFs = nodeProcFs): ProcessProbe {
  return {
    async facts(pid: number): Promise<HolderFacts> {
      const bootId = await readBootId()
      if (pid < 2 || !signalable(pid)) return { alive: false, startTime: null, bootId }
      const stat = await readProcStat(pid, procFs)
      if (stat !== null && isExitedState(stat.state)) return { alive: false, startTime: null, bootId }
      return { alive: true, startTime: stat?.startTicks ?? null, bootId }
    },
  }
}

/** The probe on the real `/proc`. */
export const nodeProcessProbe: ProcessProbe = createProcessProbe()
