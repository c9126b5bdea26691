// Adopted apps in restoreTable (state.json) and resurrect (dump.json), against a fake manager.
import { createLogger } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import type { AdoptedRecord, ProcessManager } from '../../src/process-manager.js'
import { resurrect, restoreTable, type RecoveryDeps } from '../../src/recovery.js'
import type { PersistedAdoption, PersistedInstance } from '../../src/state-file.js'
import { specFor } from '../helpers/supervisor-harness.js'

const spec = specFor({ name: 'svc' })
const adoption = (restartable: boolean): PersistedAdoption => ({
  pid: 4242,
  startTime: 99,
  groupKill: false,
  adoptedAt: 5,
  restartable,
})
const instance = (over: Partial<PersistedInstance> = {}): PersistedInstance => ({
  id: 4,
  instance: 0,
  status: 'online',
  desired: 'online',
  resume: false,
  pid: 4242,
  pgid: null,
  pidStartTime: 99,
  restarts: 0,
  unstableRestarts: 0,
  nextRestartAt: null,
  lastExit: null,
  error: null,
  ...over,
})

function fakeManager() {
  const restored: { app: AdoptedRecord; saved: PersistedInstance | undefined; alive: boolean }[] = []
  const started: number[] = []
  const manager = {
    reserveIds: () => undefined,
    apps: () => [],
    list: () => Promise.resolve([]),
    startSupervisors: async (sups: { start(): Promise<void> }[]) => {
      await Promise.all(sups.map((sup) => sup.start()))
    },
    restoreAdopted(app: AdoptedRecord, saved: PersistedInstance | undefined, alive: boolean) {
      restored.push({ app, saved, alive })
      return {
        ident: { id: saved?.id ?? 9, name: 'svc', namespace: 'default', instance: 0 },
        start: () => {
          started.push(saved?.id ?? 9)
          return Promise.resolve()
        },
      }
    },
  } as unknown as ProcessManager
  return { manager, restored, started }
}

function restore(
  app: { adopted: PersistedAdoption; instances: PersistedInstance[] },
  options: { alive: boolean; boot?: [string, string] },
) {
  const fake = fakeManager()
  const lines: string[] = []
  const deps: RecoveryDeps = {
    manager: fake.manager,
    events: { emit: () => undefined } as unknown as RecoveryDeps['events'],
    logger: createLogger({ sink: (line) => void lines.push(line) }),
    now: () => 1,
    readState: () =>
      Promise.resolve({
        data: {
          kind: 'opendaemon-state',
          writtenAt: 0,
          daemon: { pid: 1, bootId: options.boot?.[0] ?? null, shutdown: null },
          nextId: 5,
          apps: [{ name: 'svc', namespace: 'default', spec, createdAt: 3, ...app }],
        },
        source: 'primary',
        problems: [],
      }),
    isSameProcess: () => Promise.resolve(options.alive),
    killGroup: () => Promise.resolve([]),
    recoveryKillTimeoutMs: 500,
    bootId: options.boot?.[1] ?? null,
    resurrectOnBoot: false,
  }
  return { ...fake, lines, done: restoreTable(deps) }
}

describe('restoreTable with adopted apps', () => {
  it('re-adopts a live process (same id) and starts nothing', async () => {
    const r = restore({ adopted: adoption(true), instances: [instance()] }, { alive: true })
    await r.done
    expect(r.restored).toEqual([
      {
        app: expect.objectContaining({ name: 'svc', createdAt: 3, adopted: adoption(true) }) as unknown,
        saved: instance(),
        alive: true,
      },
    ])
    expect(r.started).toEqual([])
  })

  it('registers a gone one stopped, logs it, and starts its restart command when it was running', async () => {
    const r = restore({ adopted: adoption(true), instances: [instance()] }, { alive: false })
    await r.done
    expect(r.restored[0]?.alive).toBe(false)
    expect(r.started).toEqual([4])
    expect(r.lines.join('\n')).toContain('svc: the adopted process 4242 has ended')
  })

  it.each([
    ['without a restart command', adoption(false), [instance()]],
    ['that a user had stopped', adoption(true), [instance({ status: 'stopped', desired: 'stopped' })]],
  ])('does not start one %s', async (_what, adopted, instances) => {
    const r = restore({ adopted, instances }, { alive: false })
    await r.done
    expect(r.started).toEqual([])
  })

  it('never trusts a pid after a reboot, and does not start without --resurrect', async () => {
    const r = restore({ adopted: adoption(true), instances: [instance()] }, { alive: true, boot: ['a', 'b'] })
    await r.done
    expect(r.restored[0]?.alive).toBe(false)
    expect(r.started).toEqual([])
  })

  it('starts a restartable one recorded without instances (hand-edited file)', async () => {
    const r = restore({ adopted: adoption(true), instances: [] }, { alive: false })
    await r.done
    expect(r.restored[0]?.saved).toBeUndefined()
    expect(r.started).toEqual([9])
  })
})

describe('resurrect with adopted apps', () => {
  const dump = (desired: 'online' | 'stopped', restartable: boolean) => ({
    data: {
      kind: 'opendaemon-dump' as const,
      writtenAt: 0,
      apps: [{ name: 'svc', spec, desired, adopted: adoption(restartable) }],
    },
    source: 'primary' as const,
    problems: [],
  })

  it('re-adopts a live process; the default check (a boot) says it is gone', async () => {
    const live = fakeManager()
    await resurrect(live.manager, dump('online', true), '/h/dump.json', 7, () => Promise.resolve(true))
    expect(live.restored[0]).toMatchObject({ alive: true, saved: undefined, app: { createdAt: 7 } })
    expect(live.started).toEqual([])
    const boot = fakeManager()
    await resurrect(boot.manager, dump('online', true), '/h/dump.json', 7)
    expect(boot.restored[0]?.alive).toBe(false)
    expect(boot.started).toEqual([9])
  })

  it.each([
    ['online', false],
    ['stopped', true],
  ] as const)('does not start a gone one (desired %s, restartable %s)', async (desired, restartable) => {
    const r = fakeManager()
    await resurrect(r.manager, dump(desired, restartable), '/h/dump.json', 7)
    expect(r.restored).toHaveLength(1)
    expect(r.started).toEqual([])
  })
})
