import { createEventBus, createFakeClock, type EventMap } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { createStartGate, expandStartSet } from '../../src/start-gate.js'
import { fakeTable, type FakeTable } from '../support/fake-table.js'

function setup(table: FakeTable) {
  const clock = createFakeClock(1000)
  const events = createEventBus<EventMap>()
  const gate = createStartGate({ clock, events, onStateChange: (l) => table.onStateChange(l) })
  const started: string[] = []
  /** Starts an app: it goes online at once unless `hold` names it (the test settles it). */
  const starter =
    (hold: Record<string, (settle: () => void) => void> = {}) =>
    async (name: string) => {
      started.push(name)
      table.set(name, 'starting')
      const custom = hold[name]
      if (custom === undefined) table.set(name, 'online')
      else await new Promise<void>((resolve) => custom(resolve))
    }
  return { clock, events, gate, started, starter }
}

describe('start gate', () => {
  it('starts independent apps at once and a dependent after its dependency is online', async () => {
    const table = fakeTable({ api: ['db'], db: [], cache: [] })
    const { gate, started, starter } = setup(table)
    let finishDb = (): void => undefined
    const run = gate.start(['api', 'db', 'cache'], table, starter({ db: (settle) => (finishDb = settle) }), {
      expand: false,
    })
    await Promise.resolve()
    await Promise.resolve()
    expect(started).toEqual(['db', 'cache'])
    table.set('db', 'online')
    finishDb()
    expect(await run).toEqual([])
    expect(started).toEqual(['db', 'cache', 'api'])
    expect(table.listeners()).toBe(0)
  })

  it('orders a diamond: the top starts last, once both branches are online', async () => {
    const table = fakeTable({ top: ['left', 'right'], left: ['base'], right: ['base'], base: [] })
    const { gate, started, starter } = setup(table)
    await gate.start(['top', 'left', 'right', 'base'], table, starter(), { expand: false })
    expect(started[0]).toBe('base')
    expect(started.slice(1, 3).sort()).toEqual(['left', 'right'])
    expect(started[3]).toBe('top')
  })

  it('emits resolved, waiting and satisfied with the wait time', async () => {
    const table = fakeTable({ api: ['db'], db: [] })
    const { gate, starter, events, clock } = setup(table)
    const resolved: EventMap['deps:resolved'][] = []
    const satisfied: EventMap['deps:satisfied'][] = []
    const waiting: EventMap['deps:waiting'][] = []
    events.on('deps:resolved', (e) => void resolved.push(e))
    events.on('deps:waiting', (e) => void waiting.push(e))
    events.on('deps:satisfied', (e) => void satisfied.push(e))
    let finish = (): void => undefined
    const run = gate.start(['api', 'db'], table, starter({ db: (settle) => (finish = settle) }), {
      expand: false,
    })
    await clock.advanceAsync(250)
    table.set('db', 'online')
    finish()
    await run
    expect(resolved).toEqual([{ apps: ['api', 'db'], levels: 2, order: [['db'], ['api']], at: 1000 }])
    expect(waiting).toEqual([{ name: 'api', waitingFor: ['db'], at: 1000 }])
    expect(satisfied).toEqual([{ name: 'api', waitedMs: 250, at: 1250 }])
  })

  it('waits for a dependency outside the set that is still starting', async () => {
    const table = fakeTable({ api: ['db'], db: [] })
    table.set('db', 'starting')
    const { gate, started, starter } = setup(table)
    const run = gate.start(['api'], table, starter(), { expand: false })
    await Promise.resolve()
    expect(started).toEqual([])
    table.set('db', 'stopped', { restartPending: true }) // a crash blip: keep waiting
    table.set('db', 'online')
    expect(await run).toEqual([])
    expect(started).toEqual(['api'])
  })

  it('expands the set with dependencies that are not running, transitively', async () => {
    const table = fakeTable({ gateway: ['api'], api: ['db'], db: [], cache: [] })
    const { gate, started, starter } = setup(table)
    await gate.start(['gateway'], table, starter(), { expand: true })
    expect(started).toEqual(['db', 'api', 'gateway'])
  })

  it('blocks a dependent of an errored dependency at once, and its own dependents as blocked', async () => {
    const table = fakeTable({ gateway: ['api'], api: ['db'], db: [], other: [] })
    const { gate, started, events } = setup(table)
    const blockedEvents: EventMap['deps:blocked'][] = []
    events.on('deps:blocked', (e) => void blockedEvents.push(e))
    const blocked = await gate.start(
      ['gateway', 'api', 'db', 'other'],
      table,
      async (name) => {
        started.push(name)
        table.set(name, name === 'db' ? 'errored' : 'online')
      },
      { expand: false },
    )
    expect(started.sort()).toEqual(['db', 'other'])
    expect(blocked.map((b) => [b.name, b.error.code, b.error.data])).toEqual([
      ['api', 'OD_DEPENDENCY_FAILED', { dependency: 'db', condition: 'online', reason: 'errored' }],
      ['gateway', 'OD_DEPENDENCY_FAILED', { dependency: 'api', condition: 'online', reason: 'blocked' }],
    ])
    expect(blocked[0]?.error.message).toContain('api was not started: its dependency "db" is errored')
    expect(blocked[1]?.error.message).toContain('"api" was blocked by its own dependencies')
    expect(blockedEvents.map((e) => [e.name, e.reason, e.error.code])).toEqual([
      ['api', 'errored', 'OD_DEPENDENCY_FAILED'],
      ['gateway', 'blocked', 'OD_DEPENDENCY_FAILED'],
    ])
  })

  it('blocks when a dependency stays stopped', async () => {
    const table = fakeTable({ api: ['db'], db: [] }, { status: 'stopped' })
    const { gate, starter } = setup(table)
    const [blocked] = await gate.start(['api'], table, starter(), { expand: false })
    expect(blocked?.error.message).toContain('"db" is stopped')
  })

  it('blocks when a dependency has left the table', async () => {
    const table = fakeTable({ api: ['gone'] })
    const { gate, starter } = setup(table)
    const [blocked] = await gate.start(['api'], table, starter(), { expand: false })
    expect(blocked?.error.data).toEqual({ dependency: 'gone', condition: 'online', reason: 'missing' })
    expect(blocked?.error.message).toContain('is not in the process table')
  })

  it('blocks after dependencyTimeout, naming the dependency still pending', async () => {
    const table = fakeTable({ api: ['db', 'cache'], db: [], cache: [] }, { timeoutMs: 5000 })
    table.set('db', 'online')
    table.set('cache', 'starting')
    const { gate, starter, clock } = setup(table)
    const run = gate.start(['api'], table, starter(), { expand: false })
    await clock.advanceAsync(4999)
    expect(table.listeners()).toBe(1)
    await clock.advanceAsync(1)
    const [blocked] = await run
    expect(blocked?.error.data).toEqual({ dependency: 'cache', condition: 'online', reason: 'timeout' })
    expect(blocked?.error.message).toContain('was not online within 5000 ms')
  })

  it('with dependencyTimeout 0 waits forever, even through an errored dependency', async () => {
    const table = fakeTable({ api: ['db'], db: [] }, { timeoutMs: 0 })
    table.set('db', 'errored')
    const { gate, started, starter, clock } = setup(table)
    const run = gate.start(['api'], table, starter(), { expand: false })
    await clock.advanceAsync(10 * 60_000)
    expect(started).toEqual([])
    expect(clock.pendingTimers()).toBe(0)
    table.set('db', 'online')
    expect(await run).toEqual([])
    expect(started).toEqual(['api'])
  })

  it('honours the condition of each dependency: started and completed', async () => {
    const table = fakeTable({
      api: [
        { name: 'migrate', condition: 'completed' },
        { name: 'log', condition: 'started' },
      ],
      migrate: [],
      log: [],
    })
    table.set('log', 'starting')
    const { gate, started } = setup(table)
    const run = gate.start(
      ['api', 'migrate'],
      table,
      async (name) => {
        started.push(name)
        table.set(name, 'online')
      },
      { expand: false },
    )
    await Promise.resolve()
    await Promise.resolve()
    expect(started).toEqual(['migrate'])
    table.set('migrate', 'stopped', { exitCode: 0 })
    await run
    expect(started).toEqual(['migrate', 'api'])
  })

  it('with orderOnly waits only for dependencies inside the set', async () => {
    const table = fakeTable({ api: ['db', 'cache'], db: [], cache: [] }, { status: 'stopped' })
    const { gate, started, starter } = setup(table)
    expect(await gate.start(['api', 'db'], table, starter(), { expand: false, orderOnly: true })).toEqual([])
    expect(started).toEqual(['db', 'api'])
  })

  it('starts apps on a cycle without waiting for each other (a hand-edited state file)', async () => {
    const table = fakeTable({ a: ['b'], b: ['a'] }, { status: 'online' })
    const { gate, started, starter } = setup(table)
    expect(await gate.start(['a', 'b'], table, starter(), { expand: false })).toEqual([])
    expect(started).toEqual(['a', 'b'])
  })

  it('rethrows a start failure after the whole set settled; dependents judge the state', async () => {
    const table = fakeTable({ api: ['db'], db: [], cache: [] })
    const { gate, started } = setup(table)
    const run = gate.start(
      ['api', 'db', 'cache'],
      table,
      async (name) => {
        started.push(name)
        if (name === 'db') {
          table.set('db', 'errored')
          throw new Error('spawn exploded')
        }
        table.set(name, 'online')
      },
      { expand: false },
    )
    await expect(run).rejects.toThrow('spawn exploded')
    expect(started.sort()).toEqual(['cache', 'db'])
  })
})

describe('expandStartSet', () => {
  it('adds idle dependencies only, after the requested names', () => {
    const table = fakeTable({ api: ['db', 'cache'], db: [], cache: [], gateway: ['api'] })
    table.set('cache', 'online')
    expect(expandStartSet(['gateway'], table.apps())).toEqual(['gateway', 'api', 'db'])
    expect(expandStartSet(['api', 'db'], table.apps())).toEqual(['api', 'db'])
  })

  it('skips names that are not in the table', () => {
    expect(expandStartSet(['api'], fakeTable({ api: ['ghost'] }).apps())).toEqual(['api'])
  })
})
