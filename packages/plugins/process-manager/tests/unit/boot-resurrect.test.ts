import { createLogger } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { resurrectAtBoot, type BootResurrectDeps } from '../../src/boot-resurrect.js'
import type { RecoveredJson } from '../../src/persistence/atomic-json.js'
import type { ProcessManager } from '../../src/process-manager.js'
import type { DumpData } from '../../src/state-file.js'
import { specFor } from '../helpers/supervisor-harness.js'

function harness(tableApps: number, dump: RecoveredJson<DumpData>, startFails = false) {
  const lines: string[] = []
  const registered: string[] = []
  const started: string[] = []
  const manager = {
    apps: () => Array.from({ length: tableApps }, (_, i) => ({ name: `t${i}` })),
    register: (spec: { name: string }) => {
      registered.push(spec.name)
      return [
        {
          ident: { id: registered.length - 1 },
          start: () => {
            started.push(spec.name)
            return startFails ? Promise.reject(new Error('spawn failed')) : Promise.resolve()
          },
        },
      ]
    },
    list: () => Promise.resolve([]),
    startSupervisors: (sups: { start: () => Promise<void> }[]) =>
      Promise.all(sups.map((sup) => sup.start())).then(() => undefined),
  } as unknown as ProcessManager
  const deps: BootResurrectDeps = {
    manager,
    logger: createLogger({ sink: (line) => void lines.push(line) }),
    now: () => 5,
    readDump: () => Promise.resolve(dump),
    dumpFile: '/h/dump.json',
  }
  return { deps, lines, registered, started }
}

const spec = { ...specFor({}), name: 'api' }
const dumpWith = (desired: 'online' | 'stopped'): RecoveredJson<DumpData> => ({
  data: { apps: [{ name: 'api', desired, spec }] } as unknown as DumpData,
  source: 'primary',
  problems: [],
})

describe('resurrectAtBoot', () => {
  it('leaves a table that holds apps alone: recovery already brought them back', async () => {
    const h = harness(1, dumpWith('online'))
    expect(await resurrectAtBoot(h.deps)).toEqual({ action: 'skipped', reason: 'table-not-empty' })
    expect(h.registered).toEqual([])
  })

  it('registers and starts the dumped apps of an empty table, without waiting for them', async () => {
    const h = harness(0, dumpWith('online'))
    const outcome = await resurrectAtBoot(h.deps)
    expect(outcome).toMatchObject({ action: 'resurrecting', apps: 1 })
    expect(h.registered).toEqual(['api'])
    if (outcome.action === 'resurrecting') await outcome.done
    expect(h.started).toEqual(['api'])
    expect(h.lines.join('')).toContain('restoring 1 apps from /h/dump.json')
  })

  it('registers an app saved as stopped without starting it', async () => {
    const h = harness(0, dumpWith('stopped'))
    const outcome = await resurrectAtBoot(h.deps)
    if (outcome.action === 'resurrecting') await outcome.done
    expect(h.registered).toEqual(['api'])
    expect(h.started).toEqual([])
  })

  it('logs a failed start instead of failing the boot', async () => {
    const h = harness(0, dumpWith('online'), true)
    const outcome = await resurrectAtBoot(h.deps)
    if (outcome.action === 'resurrecting') await outcome.done
    expect(h.lines.join('')).toContain('restoring the dump failed')
  })

  it('a missing dump is a note, not an error', async () => {
    const h = harness(0, { data: null, source: 'none', problems: [] } as unknown as RecoveredJson<DumpData>)
    expect(await resurrectAtBoot(h.deps)).toEqual({ action: 'skipped', reason: 'no-dump' })
    expect(h.lines.join('')).toContain('no /h/dump.json to restore')
  })

  it('an unusable dump is logged and boot goes on', async () => {
    const h = harness(0, {
      data: null,
      source: 'none',
      problems: [{ file: '/h/dump.json', reason: 'invalid-json', detail: 'x', movedTo: null }],
    } as unknown as RecoveredJson<DumpData>)
    expect(await resurrectAtBoot(h.deps)).toEqual({ action: 'skipped', reason: 'dump-unusable' })
    expect(h.lines.join('')).toContain('is unusable (invalid-json)')
  })
})
