import { createLogger } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import type { ProcessManager } from '../../src/process-manager.js'
import { restoreTable, shouldResume, type RecoveryDeps } from '../../src/recovery.js'
import { specFor } from '../helpers/supervisor-harness.js'
import type { PersistedInstance } from '../../src/state-file.js'

function saved(over: Partial<PersistedInstance>): PersistedInstance {
  return {
    id: 0,
    instance: 0,
    status: 'stopped',
    desired: 'online',
    resume: false,
    pid: null,
    pgid: null,
    pidStartTime: null,
    restarts: 0,
    unstableRestarts: 0,
    nextRestartAt: null,
    lastExit: null,
    error: null,
    ...over,
  }
}

describe('shouldResume', () => {
  it.each([
    [{ status: 'online' }, true],
    [{ status: 'starting' }, true],
    [{ status: 'stopping' }, true],
    [{ status: 'stopped', resume: true }, true],
    [{ status: 'stopped', nextRestartAt: 5 }, true],
    [{ status: 'stopped' }, false],
    [{ status: 'errored' }, false],
    [{ status: 'online', desired: 'stopped' }, false],
    [{ status: 'created' }, false],
  ] as const)('%j → %s', (over, expected) => {
    expect(shouldResume(saved(over))).toBe(expected)
  })
})

describe('restoreTable', () => {
  const spec = specFor({ killTimeout: 5000 })
  function run(
    instances: Partial<PersistedInstance>[],
    options: {
      same: boolean
      survivors?: number[]
      source?: 'primary' | 'backup'
      boot?: [string | null, string | null]
      resurrect?: boolean
    } = { same: true },
  ) {
    const killed: [number, string, number][] = []
    const started: number[] = []
    const lines: string[] = []
    const corrupt: unknown[] = []
    const sups = instances.map((_, i) => ({
      ident: { id: i, name: 'api', namespace: 'default', instance: i },
      spec,
      start: () => {
        started.push(i)
        return Promise.resolve()
      },
    }))
    const manager = {
      reserveIds: () => undefined,
      register: () => sups,
    } as unknown as ProcessManager
    const deps: RecoveryDeps = {
      manager,
      events: { emit: (_name: string, data: unknown) => void corrupt.push(data) } as RecoveryDeps['events'],
      logger: createLogger({ sink: (line) => void lines.push(line) }),
      now: () => 1,
      readState: () =>
        Promise.resolve({
          data: {
            kind: 'opendaemon-state',
            writtenAt: 0,
            daemon: { pid: 1, bootId: options.boot?.[0] ?? null, shutdown: null },
            nextId: 0,
            apps: [
              {
                name: 'api',
                namespace: 'default',
                spec,
                createdAt: 0,
                instances: instances.map((x) => saved(x)),
              },
            ],
          },
          source: options.source ?? 'primary',
          problems:
            options.source === 'backup'
              ? [
                  {
                    file: '/h/state.json',
                    reason: 'checksum-mismatch',
                    detail: 'x',
                    movedTo: '/h/state.json.corrupt-1',
                  },
                ]
              : [],
        }),
      isSameProcess: () => Promise.resolve(options.same),
      killGroup: (pgid, signal, grace) => {
        killed.push([pgid, signal, grace])
        return Promise.resolve(options.survivors ?? [])
      },
      recoveryKillTimeoutMs: 500,
      bootId: options.boot?.[1] ?? null,
      resurrectOnBoot: options.resurrect === true,
    }
    return { deps, killed, started, lines, corrupt }
  }

  it('replaces a live left-behind group (pgid, else pid) with a bounded grace, then starts it', async () => {
    const r = run([
      { status: 'online', pid: 10, pgid: 10, pidStartTime: 7 },
      { status: 'online', pid: 11, pgid: null, pidStartTime: 8 },
      { status: 'online', pid: 12, pidStartTime: null },
      { status: 'stopped', desired: 'stopped', pid: null },
    ])
    await restoreTable(r.deps)
    expect(r.killed).toEqual([
      [10, 'SIGTERM', 500],
      [11, 'SIGTERM', 500],
    ])
    expect(r.started.sort()).toEqual([0, 1, 2])
  })

  it('leaves a reused pid alone and reports survivors of SIGKILL', async () => {
    const reused = run([{ status: 'online', pid: 10, pidStartTime: 7 }], { same: false })
    await restoreTable(reused.deps)
    expect(reused.killed).toEqual([])
    const stuck = run([{ status: 'online', pid: 10, pidStartTime: 7 }], { same: true, survivors: [10] })
    await restoreTable(stuck.deps)
    expect(stuck.lines.join('')).toContain('processes 10 survived SIGKILL')
  })

  it('reports a corrupt primary restored from the backup', async () => {
    const r = run([], { same: true, source: 'backup' })
    await restoreTable(r.deps)
    expect(r.corrupt).toMatchObject([{ restoredFrom: 'backup', reason: 'checksum-mismatch' }])
  })

  it('after a reboot kills nothing and starts nothing unless resurrecting, with a warning', async () => {
    const apps = [{ status: 'online' as const, pid: 10, pidStartTime: 7 }]
    const idle = run(apps, { same: true, boot: ['boot-a', 'boot-b'] })
    await restoreTable(idle.deps)
    expect(idle.killed).toEqual([])
    expect(idle.started).toEqual([])
    expect(idle.lines.join('')).toContain('1 instances were online before the reboot')
    const resurrecting = run(apps, { same: true, boot: ['boot-a', 'boot-b'], resurrect: true })
    await restoreTable(resurrecting.deps)
    await Promise.resolve()
    expect(resurrecting.killed).toEqual([])
    expect(resurrecting.started).toEqual([0])
    const same = run(apps, { same: true, boot: ['boot-a', 'boot-a'] })
    await restoreTable(same.deps)
    expect(same.killed).toHaveLength(1)
  })

  it('no warning after a reboot when nothing was running', async () => {
    const r = run([{ status: 'stopped', desired: 'stopped' }], { same: true, boot: ['a', 'b'] })
    await restoreTable(r.deps)
    expect(r.lines).toEqual([])
  })
})
