import { describe, expect, it } from 'vitest'
import { signalInstances } from '../../src/process-signal.js'
import type { Supervisor } from '../../src/supervisor-contract.js'

function sup(
  id: number,
  pid: number | null,
  pidStartTime: number | null,
  pgid: number | null = null,
): Supervisor {
  return {
    ident: { id, name: 'a', namespace: 'default', instance: 0 },
    snapshot: () => ({ pid, pgid, pidStartTime }),
  } as unknown as Supervisor
}

describe('signalInstances', () => {
  it('signals live pids (groups with group), skips stopped ones, re-checks identity', async () => {
    const kills: [number, string][] = []
    const result = await signalInstances(
      [sup(0, 10, 5, 10), sup(1, null, null), sup(2, 20, null), sup(3, 30, 7)],
      'SIGUSR2',
      true,
      {
        kill: (pid, signal) => void kills.push([pid, signal]),
        isSameProcess: (pid) => Promise.resolve(pid !== 30),
      },
    )
    expect(kills).toEqual([
      [-10, 'SIGUSR2'],
      [-20, 'SIGUSR2'],
    ])
    expect(result).toEqual([
      { id: 0, pid: 10, signal: 'SIGUSR2', sent: true },
      { id: 2, pid: 20, signal: 'SIGUSR2', sent: true },
      { id: 3, pid: 30, signal: 'SIGUSR2', sent: false },
    ])
  })

  it('reports sent: false when the process ended before the kill', async () => {
    const result = await signalInstances([sup(0, 10, 5)], 'SIGHUP', false, {
      kill: () => {
        throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' })
      },
      isSameProcess: () => Promise.resolve(true),
    })
    expect(result).toEqual([{ id: 0, pid: 10, signal: 'SIGHUP', sent: false }])
  })
})
