// Integration-test cleanup: SIGKILL every process group a test started and fail if any live
// process is left (zombies count as gone: they have exited, only their table entry remains).
import { isExitedState, listGroupMembers, readProcStat } from '../../src/proc-info.js'

async function waitEmpty(pgid: number, deadlineMs: number): Promise<number[]> {
  for (;;) {
    const members = await listGroupMembers(pgid)
    if (members.length === 0 || Date.now() > deadlineMs) return members
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Kills the groups and resolves with whatever survived (expected: nothing). */
export async function killGroups(pgids: Iterable<number>): Promise<number[]> {
  const left: number[] = []
  for (const pgid of new Set(pgids)) {
    if ((await listGroupMembers(pgid)).length === 0) continue
    try {
      process.kill(-pgid, 'SIGKILL')
    } catch {
      // ESRCH: the group emptied between the check and the kill.
    }
    left.push(...(await waitEmpty(pgid, Date.now() + 5000)))
  }
  return left
}

/** True when no live (non-zombie) process has this pid. */
export async function isGone(pid: number): Promise<boolean> {
  const stat = await readProcStat(pid)
  return stat === null || isExitedState(stat.state)
}
