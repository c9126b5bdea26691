import { createKernel, resolvePaths, type DaemonError, type Kernel, type ProcessInfo } from '@opendaemon/core'
import { createProcessManagerPlugin } from '@opendaemon/plugin-process-manager'
import { mkdtempSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDependencyResolverPlugin } from '../../src/plugin.js'

const TESTAPP = fileURLToPath(new URL('../../../process-manager/tests/fixtures/testapp.js', import.meta.url))

function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false // ESRCH: the group is gone
  }
}

describe('dependency resolver with the process manager and real apps', () => {
  let home: string
  let kernel: Kernel
  const pgids = new Set<number>()

  const app = (name: string, more: Record<string, unknown> = {}) => ({
    script: TESTAPP,
    name,
    args: ['--run-forever'],
    ...more,
  })
  /** A database that is ready (IPC 'ready') only after `ms`. */
  const slowDb = (ms: number, more: Record<string, unknown> = {}) =>
    app('db', { args: ['--run-forever', '--ready-after', String(ms)], waitReady: true, ...more })

  async function call<T>(method: string, params: unknown): Promise<T> {
    const result = (await kernel.call(method as never, params as never)) as T
    for (const p of [result].flat() as ProcessInfo[]) if (p?.pgid) pgids.add(p.pgid)
    return result
  }
  const list = () => call<ProcessInfo[]>('process.list', {})
  const byName = (procs: ProcessInfo[], name: string) => procs.find((p) => p.name === name) as ProcessInfo

  beforeEach(async () => {
    home = mkdtempSync('/tmp/od-')
    kernel = createKernel({
      paths: resolvePaths({ OD_HOME: home }, '/'),
      plugins: [createProcessManagerPlugin({ cwd: home }), createDependencyResolverPlugin()],
    })
    await kernel.start()
  })
  afterEach(async () => {
    for (const p of await list()) if (p.pgid !== null) pgids.add(p.pgid)
    await kernel.stop()
    expect([...pgids].filter(alive)).toEqual([])
    pgids.clear()
    rmSync(home, { recursive: true, force: true })
  })

  it('starts a set in order: api spawns only after db is online', async () => {
    // The order of the process manager's own state events, not timestamps: `startedAt` comes from the
    // kernel's process start time (clock ticks), too coarse to compare with `onlineAt` to the millisecond.
    const seen: { step: string; at: number }[] = []
    const off = kernel.events.on(
      'process:state',
      (e) => void seen.push({ step: `${e.name}:${e.to}`, at: e.at }),
    )
    const procs = await call<ProcessInfo[]>('process.start', {
      apps: [app('api', { dependencies: ['db'] }), slowDb(400), app('cache')],
    })
    off()
    expect(procs.map((p) => [p.name, p.status])).toEqual([
      ['api', 'online'],
      ['db', 'online'],
      ['cache', 'online'],
    ])
    const index = (step: string): number => seen.findIndex((s) => s.step === step)
    const at = (step: string): number => seen[index(step)]?.at as number
    expect(index('db:online')).toBeGreaterThan(-1)
    expect(index('api:starting')).toBeGreaterThan(index('db:online'))
    expect(at('db:online') - at('db:starting')).toBeGreaterThanOrEqual(400)
    // Independent apps do not wait: cache spawned before db was ready.
    expect(index('cache:starting')).toBeGreaterThan(-1)
    expect(index('cache:starting')).toBeLessThan(index('db:online'))
  })

  it('refuses a cycle before anything starts', async () => {
    const error = await call('process.start', {
      apps: [app('api', { dependencies: ['worker'] }), app('worker', { dependencies: ['api'] }), app('free')],
    }).catch((e: DaemonError) => e)
    expect(error).toMatchObject({
      code: 'OD_DEPENDENCY_CYCLE',
      message: 'Dependency cycle: api → worker → api. Remove one of these dependencies.',
    })
    expect(await list()).toEqual([])
  })

  it('refuses an unknown dependency, naming the app and the missing name', async () => {
    const error = await call('process.start', app('api', { dependencies: ['cache'] })).catch(
      (e: DaemonError) => e,
    )
    expect(error).toMatchObject({ code: 'OD_DEPENDENCY_UNKNOWN' })
    expect((error as Error).message).toContain('api depends on "cache"')
    expect(await list()).toEqual([])
  })

  it('a user start of an app starts its stopped dependencies first', async () => {
    await call('process.start', { apps: [slowDb(200), app('api', { dependencies: ['db'] })] })
    await call('process.stop', { target: 'all', all: true })
    expect((await list()).map((p) => p.status)).toEqual(['stopped', 'stopped'])
    const [api] = await call<ProcessInfo[]>('process.start', { script: 'api' })
    const [db] = await call<(ProcessInfo & { onlineAt: number })[]>('process.info', { target: 'db' })
    expect(db?.status).toBe('online')
    // Causal, same clock: db's onlineAt is set before the transition that lets api spawn. (Not db.startedAt +
    // 200: startedAt is taken after spawn() returns, which a loaded machine can delay past the app's own start.)
    expect(api?.startedAt as number).toBeGreaterThanOrEqual(db?.onlineAt as number)
  })

  it('waits for a dependency another request is still starting', async () => {
    const dbStart = call<ProcessInfo[]>('process.start', slowDb(300))
    const deadline = Date.now() + 5000
    while ((await list())[0]?.status !== 'starting') {
      if (Date.now() > deadline) throw new Error('db never reached starting')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const [api] = await call<ProcessInfo[]>('process.start', app('api', { dependencies: ['db'] }))
    const [db] = await call<{ onlineAt: number }[]>('process.info', { target: 'db' })
    expect(api?.startedAt as number).toBeGreaterThanOrEqual(db?.onlineAt as number)
    expect((await dbStart)[0]?.status).toBe('online')
  })

  it('stops dependents first: od stop db stops api before db', async () => {
    await call('process.start', { apps: [app('db'), app('api', { dependencies: ['db'] }), app('cache')] })
    const order: string[] = []
    kernel.events.on('process:stopped', (e) => void order.push(e.name))
    const stopped = await call<ProcessInfo[]>('process.stop', { target: 'db' })
    expect(stopped.map((p) => [p.name, p.status])).toEqual([
      ['db', 'stopped'],
      ['api', 'stopped'],
    ])
    expect(order).toEqual(['api', 'db'])
    expect(byName(await list(), 'cache').status).toBe('online')
  })

  it('cascade: false stops only the app', async () => {
    await call('process.start', { apps: [app('db'), app('api', { dependencies: ['db'] })] })
    await call('process.stop', { target: 'db', cascade: false })
    expect((await list()).map((p) => [p.name, p.status])).toEqual([
      ['db', 'stopped'],
      ['api', 'online'],
    ])
  })

  it('restart --cascade restarts the dependents after the app is online again', async () => {
    const before = await call<ProcessInfo[]>('process.start', {
      apps: [app('db'), app('api', { dependencies: ['db'] }), app('other')],
    })
    const after = await call<ProcessInfo[]>('process.restart', { target: 'db', cascade: true })
    expect(after.map((p) => p.name)).toEqual(['db', 'api'])
    const db = byName(after, 'db')
    const api = byName(after, 'api')
    expect(api.pid).not.toBe(byName(before, 'api').pid)
    expect(api.startedAt as number).toBeGreaterThanOrEqual(db.startedAt as number)
    expect(byName(await list(), 'other').pid).toBe(byName(before, 'other').pid)
  })

  it('restart without cascade leaves the dependents alone', async () => {
    const before = await call<ProcessInfo[]>('process.start', {
      apps: [app('db'), app('api', { dependencies: ['db'] })],
    })
    await call('process.restart', { target: 'db' })
    expect(byName(await list(), 'api').pid).toBe(byName(before, 'api').pid)
  })

  it('blocks a dependent whose dependency errored; the others start', async () => {
    const procs = await call<ProcessInfo[]>('process.start', {
      apps: [
        // Never ready: it exits before it could count as online.
        app('db', { args: ['--crash-after', '0'], autorestart: 'never', waitReady: true }),
        app('api', { dependencies: ['db'] }),
        app('cache'),
      ],
    })
    const api = byName(procs, 'api')
    expect(api.status).toBe('created')
    expect(api.pid).toBeNull()
    expect(api.error?.code).toBe('OD_DEPENDENCY_FAILED')
    expect(byName(procs, 'cache').status).toBe('online')
  })

  it('deletes dependents first and shows the graph and the dependencies in info', async () => {
    await call('process.start', { apps: [app('db'), app('api', { dependencies: ['db'] })] })
    const [info] = await call<{ dependencies: unknown; dependents: unknown }[]>('process.info', {
      target: 'db',
    })
    expect(info).toMatchObject({ dependencies: [], dependents: ['api'] })
    const graph = await call<{ order: string[][] }>('deps.graph', {})
    expect(graph.order).toEqual([['db'], ['api']])
    const order: string[] = []
    kernel.events.on('process:deleted', (e) => void order.push(e.name))
    await call('process.delete', { target: 'all', all: true })
    expect(order).toEqual(['api', 'db'])
  })
})
