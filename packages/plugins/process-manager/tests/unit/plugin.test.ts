import {
  createKernel,
  resolveDaemonConfig,
  resolvePaths,
  type EventMap,
  type Kernel,
  type ProcessInfo,
} from '@opendaemon/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, unlinkSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFakeSpawner, type FakeSpawner } from '../../src/fake-spawner.js'
import { createProcessManagerPlugin, readBootId } from '../../src/plugin.js'
import { drainSink } from '../helpers/supervisor-harness.js'

const TESTAPP = fileURLToPath(new URL('../fixtures/testapp.js', import.meta.url))

describe('process-manager plugin (fake spawner)', () => {
  let home: string
  let spawner: FakeSpawner
  const kernels: Kernel[] = []

  async function boot(): Promise<Kernel> {
    const kernel = createKernel({
      paths: resolvePaths({ OD_HOME: home }, '/'),
      plugins: [
        createProcessManagerPlugin({
          spawner,
          logSink: drainSink,
          cwd: home,
          readRss: (pid) => Promise.resolve(pid * 10),
          baseEnv: { PATH: '/usr/bin:/bin' },
        }),
      ],
    })
    kernels.push(kernel)
    await kernel.start()
    return kernel
  }

  beforeEach(() => {
    home = mkdtempSync('/tmp/od-')
    spawner = createFakeSpawner()
  })
  afterEach(async () => {
    for (const kernel of kernels.splice(0)) await kernel.stop()
    rmSync(home, { recursive: true, force: true })
  })

  it('starts several instances with their own ids and instance variables', async () => {
    const kernel = await boot()
    const procs = await kernel.call('process.start', {
      script: TESTAPP,
      name: 'web',
      instances: 2,
      tags: ['a'],
    })
    expect(procs.map((p) => [p.id, p.instance, p.status, p.memory])).toEqual([
      [0, 0, 'online', 100_000],
      [1, 1, 'online', 100_010],
    ])
    expect(spawner.calls.map((c) => c.env['OD_INSTANCE_ID'])).toEqual(['0', '1'])
    expect(spawner.calls[0]?.env['PATH']).toBe('/usr/bin:/bin')
  })

  it('lists with namespace and tag filters, and info carries env keys but no values', async () => {
    const kernel = await boot()
    await kernel.call('process.start', {
      script: TESTAPP,
      name: 'a',
      namespace: 'prod',
      tags: ['web'],
      env: { TOKEN: 's3cret' },
    })
    await kernel.call('process.start', { script: TESTAPP, name: 'b' })
    expect((await kernel.call('process.list', { namespace: 'prod' })).map((p) => p.name)).toEqual(['a'])
    expect((await kernel.call('process.list', { tags: ['web', 'x'] })).map((p) => p.name)).toEqual(['a'])
    expect((await kernel.call('process.list', { tags: [] })).map((p) => p.name)).toEqual(['a', 'b'])
    const [info] = await kernel.call('process.info', { target: 'a' })
    expect(info).toMatchObject({ envKeys: ['TOKEN'], logs: { out: '/logs/a-out.log' }, desired: 'online' })
    expect(JSON.stringify(await kernel.call('process.list', {}))).not.toContain('s3cret')
    expect(JSON.stringify(info)).not.toContain('s3cret')
    const [byId] = await kernel.call('process.info', { target: 1 })
    expect(byId?.name).toBe('b')
  })

  it('refuses a duplicate name and a missing script without changing the table', async () => {
    const kernel = await boot()
    await kernel.call('process.start', { script: TESTAPP, name: 'a' })
    await expect(
      kernel.call('process.start', { script: TESTAPP, name: 'a', args: ['x'] }),
    ).rejects.toMatchObject({
      code: 'OD_PROCESS_NAME_TAKEN',
    })
    await expect(kernel.call('process.start', { script: `${home}/missing.js` })).rejects.toMatchObject({
      code: 'OD_SCRIPT_NOT_FOUND',
    })
    await expect(kernel.call('process.start', { script: TESTAPP, instances: 0 })).rejects.toMatchObject({
      code: 'OD_INVALID_INSTANCES',
    })
    await expect(
      kernel.call('process.start', { script: TESTAPP, cwd: `${home}/nope` }),
    ).rejects.toMatchObject({
      code: 'OD_APP_OPTION_INVALID',
    })
    await expect(kernel.call('process.start', { script: TESTAPP, cwd: TESTAPP })).rejects.toMatchObject({
      code: 'OD_APP_OPTION_INVALID',
    })
    await expect(kernel.call('process.start', { script: TESTAPP, cwd: '/dev/null' })).rejects.toMatchObject({
      code: 'OD_APP_OPTION_INVALID',
    })
    expect(await kernel.call('process.list', {})).toHaveLength(1)
  })

  it('guards destructive commands that match several apps with --all', async () => {
    const kernel = await boot()
    await kernel.call('process.start', { script: TESTAPP, name: 'a', tags: ['web'] })
    await kernel.call('process.start', { script: TESTAPP, name: 'b', tags: ['web'] })
    await expect(kernel.call('process.stop', { tags: ['web'] })).rejects.toMatchObject({
      code: 'OD_SELECTOR_NEEDS_ALL',
    })
    const stopped = await kernel.call('process.stop', { tags: ['web'], all: true })
    expect(stopped.map((p) => p.status)).toEqual(['stopped', 'stopped'])
    await expect(kernel.call('process.stop', {})).rejects.toMatchObject({ code: 'OD_SELECTOR_EMPTY' })
  })

  it('start <name> starts an existing stopped app; start <id> too', async () => {
    const kernel = await boot()
    await kernel.call('process.start', { script: TESTAPP, name: 'a' })
    await kernel.call('process.stop', { target: 'a' })
    expect((await kernel.call('process.start', { script: 'a' }))[0]?.status).toBe('online')
    await kernel.call('process.stop', { target: 0 })
    expect((await kernel.call('process.start', { script: '0' }))[0]?.status).toBe('online')
    expect(spawner.calls).toHaveLength(3)
  })

  it('reset clears the counters', async () => {
    const kernel = await boot()
    await kernel.call('process.start', { script: TESTAPP, name: 'a' })
    await kernel.call('process.restart', { target: 'a' })
    const [reset] = (await kernel.call('process.reset', { target: 'a' })) as ProcessInfo[]
    expect(reset?.restarts).toBe(0)
  })

  it('save refuses an empty table, then save → delete → resurrect brings the apps back', async () => {
    const kernel = await boot()
    await expect(kernel.call('process.save', {})).rejects.toMatchObject({ code: 'OD_DUMP_EMPTY' })
    await expect(kernel.call('process.resurrect', {})).rejects.toMatchObject({ code: 'OD_DUMP_NOT_FOUND' })
    expect(await kernel.call('process.save', { force: true })).toEqual({ file: `${home}/dump.json`, apps: 0 })
    await kernel.call('process.start', { script: TESTAPP, name: 'a' })
    await kernel.call('process.start', { script: TESTAPP, name: 'b' })
    await kernel.call('process.stop', { target: 'b' })
    expect(await kernel.call('process.save', {})).toEqual({ file: `${home}/dump.json`, apps: 2 })
    await kernel.call('process.delete', { target: 'all' })
    await kernel.call('process.start', { script: TESTAPP, name: 'c' })
    await kernel.call('process.delete', { target: 'c' })
    await kernel.call('process.start', { script: TESTAPP, name: 'a' })
    const result = await kernel.call('process.resurrect', {})
    expect(result.skipped).toEqual(['a'])
    expect(result.started.map((p) => [p.name, p.status])).toEqual([])
    const list = await kernel.call('process.list', {})
    expect(list.map((p) => [p.id, p.name, p.status])).toEqual([
      [3, 'a', 'online'],
      [4, 'b', 'created'],
    ])
  })

  it('resurrect starts dumped apps that were online', async () => {
    const kernel = await boot()
    await kernel.call('process.start', { script: TESTAPP, name: 'a' })
    await kernel.call('process.save', {})
    await kernel.call('process.delete', { target: 'a' })
    const result = await kernel.call('process.resurrect', {})
    expect(result.started.map((p) => [p.name, p.status])).toEqual([['a', 'online']])
  })

  it('--resurrect (resurrectOnBoot) fills an empty table from dump.json once, at boot', async () => {
    const first = await boot()
    await first.call('process.start', { script: TESTAPP, name: 'a' })
    await first.call('process.save', {})
    await first.call('process.delete', { target: 'a' })
    await first.stop()
    kernels.splice(0)
    const kernel = createKernel({
      paths: resolvePaths({ OD_HOME: home }, '/'),
      plugins: [
        createProcessManagerPlugin({ spawner, logSink: drainSink, baseEnv: {}, resurrectOnBoot: true }),
      ],
    })
    kernels.push(kernel)
    await kernel.start()
    const deadline = Date.now() + 5000
    while ((await kernel.call('process.list', {}))[0]?.status !== 'online' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect((await kernel.call('process.list', {})).map((p) => [p.name, p.status])).toEqual([['a', 'online']])
  })

  it('resurrectOnBoot from config.json leaves a table that holds apps to recovery (no duplicate)', async () => {
    const first = await boot()
    await first.call('process.start', { script: TESTAPP, name: 'a' })
    await first.call('process.save', {})
    await first.stop()
    kernels.splice(0)
    const kernel = createKernel({
      paths: resolvePaths({ OD_HOME: home }, '/'),
      config: resolveDaemonConfig({ plugins: { 'process-manager': { resurrectOnBoot: true } } }),
      plugins: [createProcessManagerPlugin({ spawner, logSink: drainSink, baseEnv: {} })],
    })
    kernels.push(kernel)
    await kernel.start()
    expect((await kernel.call('process.list', {})).map((p) => p.name)).toEqual(['a'])
  })

  it('a corrupt dump is reported as OD_STATE_CORRUPT', async () => {
    const kernel = await boot()
    writeFileSync(`${home}/dump.json`, '{ torn')
    await expect(kernel.call('process.resurrect', {})).rejects.toMatchObject({ code: 'OD_STATE_CORRUPT' })
  })

  it('a corrupt state.json is moved aside, reported, and the table starts empty', async () => {
    writeFileSync(`${home}/state.json`, '{ torn')
    const corrupt: EventMap['daemon:state-corrupt'][] = []
    const kernel = createKernel({
      paths: resolvePaths({ OD_HOME: home }, '/'),
      plugins: [createProcessManagerPlugin({ spawner, logSink: drainSink, baseEnv: {} })],
    })
    kernels.push(kernel)
    kernel.events.on('daemon:state-corrupt', (e) => void corrupt.push(e))
    await kernel.start()
    expect(corrupt).toMatchObject([
      { file: `${home}/state.json`, reason: 'invalid-json', restoredFrom: 'none' },
    ])
    expect(await kernel.call('process.list', {})).toEqual([])
    // Without PATH in the daemon's environment, a node script still runs with the daemon's node.
    expect((await kernel.call('process.start', { script: TESTAPP }))[0]?.interpreter).toBe('node')
  })

  it('restore skips an app whose script is gone, and keeps the others', async () => {
    const script = `${home}/app.js`
    copyFileSync(TESTAPP, script)
    const first = await boot()
    await first.call('process.start', { script, name: 'gone' })
    await first.call('process.start', { script: TESTAPP, name: 'kept' })
    await first.stop()
    kernels.splice(0)
    expect(readFileSync(`${home}/state.json`, 'utf8')).toContain('"shutdown": "clean"')
    unlinkSync(script)
    const second = await boot()
    const deadline = Date.now() + 5000
    while ((await second.call('process.list', {}))[0]?.status !== 'online' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect((await second.call('process.list', {})).map((p) => [p.name, p.status])).toEqual([
      ['kept', 'online'],
    ])
    expect((await second.call('process.start', { script: TESTAPP, name: 'new' }))[0]?.id).toBe(2)
  })
})

describe('readBootId', () => {
  it('reads the boot id, or null where /proc has none', () => {
    expect(readBootId(() => 'abc\n')).toBe('abc')
    expect(readBootId()).toMatch(/^[0-9a-f-]{36}$/)
    expect(
      readBootId(() => {
        throw new Error('ENOENT')
      }),
    ).toBeNull()
  })
})
