import { createKernel, resolvePaths, type Kernel, type ProcessInfo } from '@opendaemon/core'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createProcessManagerPlugin } from '../../src/plugin.js'
import { nodeSpawner, type Spawner } from '../../src/spawner.js'
import { isGone, killGroups } from '../helpers/cleanup.js'
import { until } from '../helpers/until.js'

const TESTAPP = fileURLToPath(new URL('../fixtures/testapp.js', import.meta.url))

describe('process-manager plugin with real processes', () => {
  let home: string
  const kernels: Kernel[] = []
  const pgids = new Set<number>()

  function boot(spawner: Spawner = nodeSpawner): Kernel {
    const kernel = createKernel({
      paths: resolvePaths({ OD_HOME: home }, '/'),
      plugins: [createProcessManagerPlugin({ spawner, cwd: home })],
    })
    kernels.push(kernel)
    return kernel
  }

  async function started(
    kernel: Kernel,
    params: Parameters<Kernel['call']>[1] & object,
  ): Promise<ProcessInfo[]> {
    const procs = (await kernel.call('process.start', params as never)) as ProcessInfo[]
    for (const p of procs) if (p.pgid !== null) pgids.add(p.pgid)
    return procs
  }

  beforeEach(() => {
    home = mkdtempSync('/tmp/od-')
  })
  afterEach(async () => {
    for (const kernel of kernels.splice(0)) await kernel.stop()
    expect(await killGroups([...pgids])).toEqual([])
    pgids.clear()
    rmSync(home, { recursive: true, force: true })
  })

  it('starts, lists, stops, restarts and deletes a real app', async () => {
    const kernel = boot()
    await kernel.start()
    const [app] = await started(kernel, { script: TESTAPP, name: 'api', args: ['--run-forever'] })
    expect(app).toMatchObject({ name: 'api', status: 'online', interpreter: 'node', restarts: 0 })
    const list = await kernel.call('process.list', {})
    expect(list.map((p) => [p.name, p.status])).toEqual([['api', 'online']])
    expect(list[0]?.memory).toBeGreaterThan(0)

    const [stopped] = await kernel.call('process.stop', { target: 'api' })
    expect(stopped?.status).toBe('stopped')
    expect(await isGone(app?.pid as number)).toBe(true)

    const [again] = await kernel.call('process.restart', { target: 'api' })
    expect(again?.status).toBe('online')
    pgids.add(again?.pgid as number)
    expect(again?.pid).not.toBe(app?.pid)

    expect(await kernel.call('process.delete', { target: 'api' })).toEqual([
      { id: 0, name: 'api', deleted: true },
    ])
    expect(await isGone(again?.pid as number)).toBe(true)
    expect(await kernel.call('process.list', {})).toEqual([])
  })

  it('restarts a crashing app with a new pid', async () => {
    const kernel = boot()
    await kernel.start()
    const [app] = await started(kernel, { script: TESTAPP, name: 'crashy', args: ['--crash-after', '300'] })
    const next = await until('a restart', async () => {
      const [p] = await kernel.call('process.list', {})
      return p !== undefined && p.restarts >= 1 && p.status === 'online' ? p : undefined
    })
    pgids.add(next.pgid as number)
    expect(next.pid).not.toBe(app?.pid)
    expect(next.lastExit).toMatchObject({ code: 1, reason: 'crash' })
  })

  it('escalates to SIGKILL for a SIGTERM-trapping app and kills its grandchild', async () => {
    const kernel = boot()
    await kernel.start()
    const [app] = await started(kernel, {
      script: TESTAPP,
      name: 'stubborn',
      args: ['--trap-sigterm', '--spawn-grandchild'],
      killTimeout: 300,
    })
    const log = `${home}/logs/stubborn-out.log`
    const grandchild = await until('the grandchild', () => {
      const m = existsSync(log) ? /GRANDCHILD (\d+)/.exec(readFileSync(log, 'utf8')) : null
      return m === null ? undefined : Number(m[1])
    })
    await kernel.call('process.stop', { target: 'stubborn' })
    expect(await isGone(app?.pid as number)).toBe(true)
    expect(await isGone(grandchild)).toBe(true)
    expect(readFileSync(log, 'utf8')).toContain('SIGTERM ignored')
    expect(statSync(log).mode & 0o777).toBe(0o600)
  })

  it('persists the table and replaces a left-behind instance after the daemon died', async () => {
    // The first daemon "dies": its children no longer report exits (as with a SIGKILLed daemon).
    const deaf: Spawner = {
      spawn: async (spec) => ({ ...(await nodeSpawner.spawn(spec)), onExit: () => () => undefined }),
    }
    const first = boot(deaf)
    await first.start()
    const [old] = await started(first, { script: TESTAPP, name: 'keeper', args: ['--run-forever'] })
    await until('state.json with the online app', () => {
      const text = existsSync(`${home}/state.json`) ? readFileSync(`${home}/state.json`, 'utf8') : ''
      return text.includes(`"pid": ${old?.pid}`) && text.includes('"status": "online"') ? true : undefined
    })
    kernels.splice(kernels.indexOf(first), 1) // dropped without stopping its apps

    const second = boot()
    const t0 = Date.now()
    await second.start()
    const fresh = await until('the replacement online', async () => {
      const [p] = await second.call('process.list', {})
      return p?.status === 'online' && p.pid !== old?.pid ? p : undefined
    })
    pgids.add(fresh.pgid as number)
    expect(Date.now() - t0).toBeLessThan(1000)
    expect(fresh).toMatchObject({ id: old?.id, name: 'keeper' })
    expect(await isGone(old?.pid as number)).toBe(true)
    expect(await second.call('process.list', {})).toHaveLength(1)
  })

  it('brings apps back after a clean daemon stop, and keeps user-stopped apps stopped', async () => {
    const first = boot()
    await first.start()
    await started(first, { script: TESTAPP, name: 'up', args: ['--run-forever'] })
    await started(first, { script: TESTAPP, name: 'down', args: ['--run-forever'] })
    await first.call('process.stop', { target: 'down' })
    await first.stop()
    kernels.splice(kernels.indexOf(first), 1)

    const second = boot()
    await second.start()
    const procs = await until('up online', async () => {
      const list = await second.call('process.list', {})
      return list.find((p) => p.name === 'up')?.status === 'online' ? list : undefined
    })
    for (const p of procs) if (p.pgid !== null) pgids.add(p.pgid)
    expect(procs.map((p) => [p.name, p.status])).toEqual([
      ['up', 'online'],
      ['down', 'stopped'],
    ])
  })

  it('readiness: --wait-ready waits for process.send("ready"), --ready-pattern for a stdout line', async () => {
    const kernel = boot()
    await kernel.start()
    const t0 = Date.now()
    const [viaIpc] = await started(kernel, {
      script: TESTAPP,
      name: 'ipc',
      args: ['--run-forever', '--ready-after', '400'],
      waitReady: true,
    })
    expect(viaIpc?.status).toBe('online')
    expect(Date.now() - t0).toBeGreaterThanOrEqual(350)
    const [viaLine] = await started(kernel, {
      script: TESTAPP,
      name: 'line',
      args: ['--run-forever', '--ready-after', '300'],
      readyPattern: '^READY$',
    })
    expect(viaLine?.status).toBe('online')
  })

  it('runs several instances with their instance variables', async () => {
    const kernel = boot()
    await kernel.start()
    const procs = await started(kernel, {
      script: TESTAPP,
      name: 'multi',
      instances: 2,
      args: ['--run-forever', '--print-env', 'OD_INSTANCE_ID'],
    })
    expect(procs.map((p) => [p.id, p.instance, p.status])).toEqual([
      [0, 0, 'online'],
      [1, 1, 'online'],
    ])
    const log = await until('both instances logged', () => {
      const text = readFileSync(`${home}/logs/multi-out.log`, 'utf8')
      return text.includes('OD_INSTANCE_ID=0') && text.includes('OD_INSTANCE_ID=1') ? text : undefined
    })
    expect(log).toContain('ENV OD_INSTANCE_ID=1')
  })

  it('restarts an app whose RSS exceeds max-memory', async () => {
    const kernel = boot()
    await kernel.start()
    const [app] = await started(kernel, {
      script: TESTAPP,
      name: 'hog',
      args: ['--run-forever', '--alloc-mb', '120'],
      maxMemory: '80M',
    })
    const next = await until('a max-memory restart', async () => {
      const [p] = await kernel.call('process.list', {})
      return p?.lastExit?.reason === 'max-memory' ? p : undefined
    })
    if (next.pgid !== null) pgids.add(next.pgid)
    expect(next.pid).not.toBe(app?.pid)
    expect(await isGone(app?.pid as number)).toBe(true)
  })

  it('#4 delete during a crash loop leaves no process and no entry (10 trials)', async () => {
    const spawned: number[] = []
    const recording: Spawner = {
      spawn: async (spec) => {
        const child = await nodeSpawner.spawn(spec)
        spawned.push(child.pid)
        pgids.add(child.pgid)
        return child
      },
    }
    const kernel = boot(recording)
    await kernel.start()
    for (let trial = 0; trial < 10; trial++) {
      await started(kernel, {
        script: TESTAPP,
        name: `loop${trial}`,
        args: ['--crash-after', '20'],
        maxRestarts: 0,
      })
      await new Promise((resolve) => setTimeout(resolve, 30 + trial * 17))
      await kernel.call('process.delete', { target: 'all' })
      expect(await kernel.call('process.list', {})).toEqual([])
      const count = spawned.length
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(spawned).toHaveLength(count)
      for (const pid of spawned) expect(await isGone(pid)).toBe(true)
    }
    expect(spawned.length).toBeGreaterThan(10)
  })
})
