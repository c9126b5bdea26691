import { createFakeClock } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { killOrphanGroup, type OrphanKillDeps } from '../../src/orphan-kill.js'

function deps(plan: { diesOn: NodeJS.Signals | 'never'; members?: number[]; killError?: string }) {
  const clock = createFakeClock()
  const sent: string[] = []
  let alive = plan.members ?? [5, 6]
  const d: OrphanKillDeps = {
    clock,
    kill(pid, signal) {
      sent.push(`${pid}:${signal}`)
      if (plan.killError !== undefined) throw Object.assign(new Error('kill'), { code: plan.killError })
      if (signal === plan.diesOn) alive = []
    },
    members: () => Promise.resolve(alive),
  }
  return { d, clock, sent }
}

async function run(d: OrphanKillDeps, clock: ReturnType<typeof createFakeClock>): Promise<number[]> {
  const result = killOrphanGroup(5, 'SIGTERM', 500, 1000, d)
  await clock.advanceAsync(2000)
  return result
}

describe('killOrphanGroup', () => {
  it('does nothing for an empty group', async () => {
    const { d, clock, sent } = deps({ diesOn: 'SIGTERM', members: [] })
    expect(await run(d, clock)).toEqual([])
    expect(sent).toEqual([])
  })

  it('stops at the first signal when the group leaves', async () => {
    const { d, clock, sent } = deps({ diesOn: 'SIGTERM' })
    expect(await run(d, clock)).toEqual([])
    expect(sent).toEqual(['-5:SIGTERM'])
  })

  it('escalates to SIGKILL after the grace', async () => {
    const { d, clock, sent } = deps({ diesOn: 'SIGKILL' })
    expect(await run(d, clock)).toEqual([])
    expect(sent).toEqual(['-5:SIGTERM', '-5:SIGKILL'])
  })

  it('reports survivors of SIGKILL', async () => {
    const { d, clock } = deps({ diesOn: 'never' })
    expect(await run(d, clock)).toEqual([5, 6])
  })

  it('ignores ESRCH and rethrows other kill errors', async () => {
    const gone = deps({ diesOn: 'never', killError: 'ESRCH' })
    expect(await run(gone.d, gone.clock)).toEqual([5, 6])
    const denied = deps({ diesOn: 'never', killError: 'EPERM' })
    await expect(killOrphanGroup(5, 'SIGTERM', 500, 1000, denied.d)).rejects.toThrow('kill')
  })
})
