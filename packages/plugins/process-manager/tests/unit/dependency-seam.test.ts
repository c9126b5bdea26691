import { createKernel, DaemonError, resolvePaths, type Kernel, type ProcessInfo } from '@opendaemon/core'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BlockedStart, DependencyCoordinator, DependencyTable } from '../../src/dependency-hooks.js'
import { createFakeSpawner, type FakeSpawner } from '../../src/fake-spawner.js'
import { createProcessManagerPlugin, type ProcessManagerPlugin } from '../../src/plugin.js'
import type { AppLogSink } from '../../src/log-sink.js'
import { drainSink } from '../helpers/supervisor-harness.js'

const TESTAPP = fileURLToPath(new URL('../fixtures/testapp.js', import.meta.url))
const app = (name: string, more: Record<string, unknown> = {}) => ({ script: TESTAPP, name, ...more })

/** A coordinator that records its calls and runs sets in the order given (dependencies first). */
function recordingCoordinator(blockedNames: string[] = []) {
  const calls: unknown[][] = []
  let checkError: DaemonError | null = null
  let table: DependencyTable | undefined
  const coordinator: DependencyCoordinator = {
    check(names, apps) {
      calls.push([
        'check',
        [...names],
        apps.map((a) => `${a.name}:${a.dependencies.map((d) => d.name).join('+')}`),
      ])
      if (checkError !== null) throw checkError
    },
    async startSet(names, view, start, options) {
      table = view
      calls.push(['startSet', [...names], options])
      const blocked: BlockedStart[] = []
      for (const name of [...names].reverse()) {
        if (blockedNames.includes(name)) {
          blocked.push({ name, error: new DaemonError('OD_DEPENDENCY_FAILED', name, 'db', 'is errored') })
        } else await start(name)
      }
      return blocked
    },
    async stopSet(names, _view, stop) {
      calls.push(['stopSet', [...names]])
      for (const name of [...names].reverse()) await stop(name)
    },
    dependents(names) {
      calls.push(['dependents', [...names]])
      return names.includes('db') ? ['api'] : []
    },
  }
  return {
    coordinator,
    calls,
    table: () => table as DependencyTable,
    failCheck: (error: DaemonError) => void (checkError = error),
  }
}

describe('process manager with a dependency coordinator', () => {
  let home: string
  let spawner: FakeSpawner
  let plugin: ProcessManagerPlugin
  const kernels: Kernel[] = []

  async function boot(logSink: AppLogSink = drainSink): Promise<Kernel> {
    plugin = createProcessManagerPlugin({
      spawner,
      logSink,
      cwd: home,
      readRss: () => Promise.resolve(null),
      baseEnv: { PATH: '/usr/bin:/bin' },
    })
    const kernel = createKernel({ paths: resolvePaths({ OD_HOME: home }, '/'), plugins: [plugin] })
    kernels.push(kernel)
    await kernel.start()
    return kernel
  }
  const names = (procs: { name: string; status?: string }[]) => procs.map((p) => `${p.name}:${p.status}`)

  beforeEach(() => {
    home = mkdtempSync('/tmp/od-')
    spawner = createFakeSpawner()
  })
  afterEach(async () => {
    for (const kernel of kernels.splice(0)) await kernel.stop()
    rmSync(home, { recursive: true, force: true })
  })

  it('the api refuses calls before the plugin is installed', () => {
    const fresh = createProcessManagerPlugin()
    expect(() => fresh.api.table()).toThrow(expect.objectContaining({ code: 'OD_PLUGIN_DISABLED' }))
  })

  it('starts a batch without a coordinator: every app at once, existing ones by name', async () => {
    const kernel = await boot()
    await kernel.call('process.start', app('db'))
    await kernel.call('process.stop', { target: 'db' })
    const procs = await kernel.call('process.start', {
      apps: [app('db'), app('api', { dependencies: ['db'] }), app('idle', { autostart: false })],
    })
    expect(names(procs)).toEqual(['db:online', 'api:online', 'idle:created'])
    await expect(kernel.call('process.start', { apps: [app('x'), app('x')] })).rejects.toMatchObject({
      code: 'OD_INVALID_PARAMS',
      message: expect.stringContaining('"x" is defined twice'),
    })
    await expect(kernel.call('process.start', { apps: [] })).rejects.toMatchObject({
      code: 'OD_INVALID_PARAMS',
    })
    await expect(kernel.call('process.restart', { target: 'db', cascade: true })).resolves.toHaveLength(1)
  })

  it('refuses a whole batch when one app has a bad log field or a missing script', async () => {
    const kernel = await boot({
      ...drainSink,
      check: (logs) => {
        if (logs?.['outFile'] === 'bad') throw new DaemonError('OD_INVALID_PARAMS', 'outFile: bad')
      },
    })
    await expect(
      kernel.call('process.start', { apps: [app('a'), app('b', { outFile: 'bad' })] }),
    ).rejects.toMatchObject({ code: 'OD_INVALID_PARAMS' })
    await expect(
      kernel.call('process.start', { apps: [app('a'), app('b', { script: `${home}/missing.js` })] }),
    ).rejects.toMatchObject({ code: 'OD_SCRIPT_NOT_FOUND' })
    expect(await kernel.call('process.list', {})).toEqual([])
  })

  it('starts the dependencies the coordinator adds to a set, every instance of them', async () => {
    const kernel = await boot()
    await kernel.call('process.start', app('db', { instances: 2 }))
    await kernel.call('process.stop', { target: 'db' })
    plugin.api.useDependencies({
      ...recordingCoordinator().coordinator,
      async startSet(names, _view, start) {
        await start('db')
        for (const name of names) await start(name)
        return []
      },
    })
    await kernel.call('process.start', app('api', { dependencies: ['db'] }))
    expect(names(await kernel.call('process.list', {}))).toEqual(['db:online', 'db:online', 'api:online'])
  })

  it('checks the graph before registering, then starts the set through the coordinator', async () => {
    const kernel = await boot()
    const rec = recordingCoordinator()
    plugin.api.useDependencies(rec.coordinator)
    await kernel.call('process.start', app('db'))
    const procs = await kernel.call('process.start', {
      apps: [app('db'), app('api', { dependencies: ['db'] })],
    })
    expect(names(procs)).toEqual(['db:online', 'api:online'])
    expect(rec.calls).toContainEqual(['check', ['db', 'api'], ['db:', 'api:db']])
    expect(rec.calls).toContainEqual(['startSet', ['db', 'api'], { expand: true }])
    const [facts] = rec
      .table()
      .apps()
      .filter((a) => a.name === 'api')
    expect(facts).toEqual({
      name: 'api',
      dependencies: [{ name: 'db', condition: 'online' }],
      dependencyTimeoutMs: 60_000,
      instances: [{ status: 'online', restartPending: false, exitCode: null }],
    })
    expect(plugin.api.table().apps()).toHaveLength(2)
    const [db] = await kernel.call('process.info', { target: 'db' })
    expect(db).toMatchObject({ dependencies: [], dependents: ['api'] })
  })

  it('a refused graph leaves the table unchanged', async () => {
    const kernel = await boot()
    const rec = recordingCoordinator()
    plugin.api.useDependencies(rec.coordinator)
    rec.failCheck(new DaemonError('OD_DEPENDENCY_CYCLE', 'a → b → a'))
    await expect(
      kernel.call('process.start', {
        apps: [app('a', { dependencies: ['b'] }), app('b', { dependencies: ['a'] })],
      }),
    ).rejects.toMatchObject({ code: 'OD_DEPENDENCY_CYCLE' })
    await expect(kernel.call('process.start', app('c', { dependencies: ['zz'] }))).rejects.toMatchObject({
      code: 'OD_DEPENDENCY_CYCLE',
    })
    expect(await kernel.call('process.list', {})).toEqual([])
  })

  it('a blocked app keeps its status with the error; a user start of it fails with the error', async () => {
    const kernel = await boot()
    const blockedNames = ['api']
    plugin.api.useDependencies(recordingCoordinator(blockedNames).coordinator)
    const procs = await kernel.call('process.start', {
      apps: [app('db'), app('api', { dependencies: ['db'] })],
    })
    const api = procs.find((p) => p.name === 'api') as ProcessInfo
    expect(api).toMatchObject({ status: 'created', error: { code: 'OD_DEPENDENCY_FAILED' } })
    await expect(kernel.call('process.start', { script: 'api' })).rejects.toMatchObject({
      code: 'OD_DEPENDENCY_FAILED',
    })
    await expect(kernel.call('process.start', app('web', { dependencies: ['api'] }))).resolves.toHaveLength(1)
    await kernel.call('process.delete', { target: 'api' })
    blockedNames.length = 0
    await kernel.call('process.start', app('api', { autostart: false }))
    expect((await kernel.call('process.list', {})).find((p) => p.name === 'api')?.error).toBeNull()
  })

  it('stops with the cascade set, restarts with cascade, deletes through stopSet', async () => {
    const kernel = await boot()
    const rec = recordingCoordinator()
    plugin.api.useDependencies(rec.coordinator)
    await kernel.call('process.start', { apps: [app('db'), app('api', { dependencies: ['db'] }), app('x')] })
    rec.calls.length = 0
    const stopped = await kernel.call('process.stop', { target: 'db' })
    expect(names(stopped)).toEqual(['db:stopped', 'api:stopped'])
    expect(rec.calls).toEqual([
      ['dependents', ['db']],
      ['stopSet', ['db', 'api']],
    ])
    await kernel.call('process.start', { script: 'api' })
    rec.calls.length = 0
    expect(names(await kernel.call('process.stop', { target: 'db', cascade: false }))).toEqual(['db:stopped'])
    await kernel.call('process.stop', { target: 'x' })
    expect(rec.calls).toEqual([
      ['stopSet', ['db']],
      ['dependents', ['x']],
      ['stopSet', ['x']],
    ])
    await kernel.call('process.start', { script: 'db' })
    rec.calls.length = 0
    const restarted = await kernel.call('process.restart', { target: 'db', cascade: true })
    expect(names(restarted)).toEqual(['db:online', 'api:online'])
    expect(rec.calls).toEqual([
      ['dependents', ['db']],
      ['startSet', ['db', 'api'], { expand: false, orderOnly: true }],
    ])
    rec.calls.length = 0
    await kernel.call('process.restart', { target: 'db' })
    expect(rec.calls).toEqual([['startSet', ['db'], { expand: false, orderOnly: true }]])
    rec.calls.length = 0
    await kernel.call('process.delete', { target: 'all', all: true })
    expect(rec.calls).toEqual([['stopSet', ['db', 'api', 'x']]])
  })

  it('resurrect starts the dumped apps through the coordinator, without expanding', async () => {
    const kernel = await boot()
    const rec = recordingCoordinator()
    plugin.api.useDependencies(rec.coordinator)
    await kernel.call('process.start', { apps: [app('db'), app('api', { dependencies: ['db'] })] })
    await kernel.call('process.save', {})
    await kernel.call('process.delete', { target: 'all', all: true })
    rec.calls.length = 0
    const { started } = await kernel.call('process.resurrect', {})
    expect(started.map((p) => p.name)).toEqual(['db', 'api'])
    expect(rec.calls).toEqual([['startSet', ['db', 'api'], { expand: false }]])
  })

  it('removing a coordinator that was replaced keeps the new one', async () => {
    const kernel = await boot()
    const first = recordingCoordinator()
    const second = recordingCoordinator()
    const removeFirst = plugin.api.useDependencies(first.coordinator)
    const removeSecond = plugin.api.useDependencies(second.coordinator)
    removeFirst()
    await kernel.call('process.start', app('a'))
    expect(second.calls).toHaveLength(2)
    removeSecond()
    await kernel.call('process.start', app('b'))
    expect(second.calls).toHaveLength(2)
  })

  it('keeps dependencies in state.json across a daemon restart', async () => {
    const kernel = await boot()
    await kernel.call('process.start', app('api', { dependencies: [{ name: 'db', condition: 'started' }] }))
    await kernel.stop()
    kernels.splice(0)
    writeFileSync(`${home}/marker`, '')
    const again = await boot()
    const [api] = await again.call('process.info', { target: 'api' })
    expect(api?.dependencies).toEqual([{ name: 'db', condition: 'started' }])
  })
})
