// process.env, process.signal, the hard reset and the shutdown budget, with real processes.
import {
  createKernel,
  resolveDaemonConfig,
  resolvePaths,
  type Kernel,
  type ProcessInfo,
} from '@opendaemon/core'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createProcessManagerPlugin } from '../../src/plugin.js'
import { readEnviron } from '../../src/process-env.js'
import { isGone, killGroups } from '../helpers/cleanup.js'
import { until } from '../helpers/until.js'

const TESTAPP = fileURLToPath(new URL('../fixtures/testapp.js', import.meta.url))

const read = (file: string): string => (existsSync(file) ? readFileSync(file, 'utf8') : '')

describe('process.env, process.signal and the hard reset with real processes', () => {
  let home: string
  let kernel: Kernel
  const pgids = new Set<number>()

  function boot(hookTimeoutMs?: number): Kernel {
    const config = resolveDaemonConfig(hookTimeoutMs === undefined ? undefined : { hookTimeoutMs })
    kernel = createKernel({
      config,
      paths: resolvePaths({ OD_HOME: home }, '/'),
      plugins: [createProcessManagerPlugin({ cwd: home, baseEnv: { PATH: process.env['PATH'] } })],
    })
    return kernel
  }

  async function start(params: Record<string, unknown>): Promise<ProcessInfo[]> {
    // Online once it printed STARTED: its signal handlers are installed by then.
    const procs = await kernel.call('process.start', { script: TESTAPP, readyPattern: '^STARTED', ...params })
    for (const p of procs) if (p.pgid !== null) pgids.add(p.pgid)
    return procs
  }

  beforeEach(async () => {
    home = mkdtempSync('/tmp/od-')
    await boot().start()
  })
  afterEach(async () => {
    await kernel.stop()
    expect(await killGroups([...pgids])).toEqual([])
    pgids.clear()
    rmSync(home, { recursive: true, force: true })
  })

  it('od env: the environment the instance really got, sorted, secret-looking values masked', async () => {
    const [app] = await start({
      name: 'api',
      args: ['--run-forever'],
      env: { PORT: '8080', API_TOKEN: 'tok-123', DB_PASSWORD: 'hunter2' },
    })
    const result = await kernel.call('process.env', { target: 'api' })
    // Node's spawn adds its IPC channel variables itself; everything else is what OD built.
    const environ = (await readEnviron(app?.pid as number)) as Record<string, string>
    const real = Object.fromEntries(Object.entries(environ).filter(([k]) => !k.startsWith('NODE_CHANNEL_')))
    expect(result).toMatchObject({ id: app?.id, name: 'api', instance: 0, running: true, secrets: [] })
    expect(result.masked).toEqual(['API_TOKEN', 'DB_PASSWORD'])
    expect(Object.keys(result.env)).toEqual(Object.keys(real).sort())
    expect(result.env).toMatchObject({ PORT: '8080', API_TOKEN: '••••••', OD_APP_NAME: 'api', OD_HOME: home })
    const plain = await kernel.call('process.env', { target: app?.id as number, showPlain: true })
    expect(plain.env).toEqual(Object.fromEntries(Object.entries(real).sort(([a], [b]) => (a < b ? -1 : 1))))
    expect(plain.masked).toEqual([])
  })

  it('od env name:i picks an instance; a stopped one shows what its next start gets', async () => {
    await start({ name: 'web', instances: 2, args: ['--run-forever'] })
    const second = await kernel.call('process.env', { target: 'web:1' })
    expect(second).toMatchObject({
      instance: 1,
      running: true,
      env: { OD_INSTANCE_ID: '1', NODE_APP_INSTANCE: '1' },
    })
    await kernel.call('process.stop', { target: 'web' })
    const stopped = await kernel.call('process.env', { target: 'web' })
    expect(stopped).toMatchObject({
      instance: 0,
      running: false,
      env: { OD_APP_NAME: 'web', OD_INSTANCES: '2' },
    })
  })

  it('od env refuses an unknown app or instance and a target spanning several apps', async () => {
    await start({ name: 'one', args: ['--run-forever'] })
    await start({ name: 'two', args: ['--run-forever'] })
    await expect(kernel.call('process.env', { target: 'nope' })).rejects.toMatchObject({
      code: 'OD_PROCESS_NOT_FOUND',
    })
    await expect(kernel.call('process.env', { target: 'one:3' })).rejects.toMatchObject({
      code: 'OD_PROCESS_NOT_FOUND',
      message: expect.stringContaining('instance 3 of "one"') as unknown,
    })
    await expect(kernel.call('process.env', { target: 'all' })).rejects.toMatchObject({
      code: 'OD_INVALID_PARAMS',
    })
    await expect(kernel.call('process.env', {} as never)).rejects.toMatchObject({ code: 'OD_INVALID_PARAMS' })
  })

  it('od signal: the app traps SIGUSR2 (by name, short name and number) and keeps running', async () => {
    const marks = join(home, 'marks')
    const [app] = await start({ name: 'trap', args: ['--mark-signals', marks] })
    const pid = app?.pid as number
    expect(await kernel.call('process.signal', { target: 'trap', signal: 'SIGUSR2' })).toEqual([
      { id: app?.id, pid, signal: 'SIGUSR2', sent: true },
    ])
    await until('the SIGUSR2 mark', () => (read(marks).includes(`SIGUSR2 ${pid}`) ? true : undefined))
    await kernel.call('process.signal', { target: 'trap', signal: 'usr1' })
    await until('the SIGUSR1 mark', () => (read(marks).includes(`SIGUSR1 ${pid}`) ? true : undefined))
    const [byNumber] = await kernel.call('process.signal', {
      target: app?.id as number,
      signal: 1,
      group: true,
    })
    expect(byNumber?.signal).toBe('SIGHUP')
    await until('the SIGHUP mark', () => (read(marks).includes(`SIGHUP ${pid}`) ? true : undefined))
    expect((await kernel.call('process.list', {}))[0]).toMatchObject({ status: 'online', pid, restarts: 0 })
  })

  it('od signal with an unknown signal changes nothing; stopped instances are skipped', async () => {
    const marks = join(home, 'marks')
    await start({ name: 'trap', args: ['--mark-signals', marks] })
    for (const signal of ['SIGFOO', 'usr3', 0, 99, '']) {
      await expect(kernel.call('process.signal', { target: 'trap', signal })).rejects.toMatchObject({
        code: 'OD_INVALID_SIGNAL',
      })
    }
    await expect(kernel.call('process.signal', { target: 'trap' } as never)).rejects.toMatchObject({
      code: 'OD_INVALID_PARAMS',
    })
    expect(read(marks)).toBe('')
    await kernel.call('process.stop', { target: 'trap' })
    expect(await kernel.call('process.signal', { target: 'trap', signal: 'USR2' })).toEqual([])
  })

  it('od signal honours the --all guard', async () => {
    await start({ name: 'a', tags: ['x'], args: ['--run-forever'] })
    await start({ name: 'b', tags: ['x'], args: ['--run-forever'] })
    await expect(kernel.call('process.signal', { tags: ['x'], signal: 'SIGUSR2' })).rejects.toMatchObject({
      code: 'OD_SELECTOR_NEEDS_ALL',
    })
    // SIGWINCH is ignored by node by default: both keep running.
    const sent = await kernel.call('process.signal', { tags: ['x'], all: true, signal: 'WINCH' })
    expect(sent.map((s) => s.sent)).toEqual([true, true])
  })

  it('od reset --hard: refuses without the exact confirmation, then deletes everything and resets ids', async () => {
    const apps = [
      ...(await start({ name: 'a', instances: 2, args: ['--run-forever'] })),
      ...(await start({ name: 'b', args: ['--run-forever'] })),
    ]
    await kernel.call('process.save', {})
    await kernel.call('process.save', {}) // leaves dump.json.bak behind
    for (const confirm of [undefined, 'reset', 'RESET ']) {
      const params = confirm === undefined ? { hard: true } : { hard: true, confirm }
      await expect(kernel.call('process.reset', params as never)).rejects.toMatchObject({
        code: 'OD_CONFIRM_REQUIRED',
      })
    }
    await expect(
      kernel.call('process.reset', { hard: false, confirm: 'RESET' } as never),
    ).rejects.toMatchObject({
      code: 'OD_INVALID_PARAMS',
    })
    await expect(
      kernel.call('process.reset', { hard: true, confirm: 'RESET', target: 'a' } as never),
    ).rejects.toMatchObject({ code: 'OD_INVALID_PARAMS' })
    expect(await kernel.call('process.list', {})).toHaveLength(3)

    expect(await kernel.call('process.reset', { hard: true, confirm: 'RESET' })).toEqual({
      reset: true,
      deleted: 3,
    })
    expect(await kernel.call('process.list', {})).toEqual([])
    for (const app of apps) expect(await isGone(app.pid as number)).toBe(true)
    const dump = JSON.parse(read(join(home, 'dump.json'))) as { data: { apps: unknown[] } }
    expect(dump.data.apps).toEqual([])
    const state = JSON.parse(read(join(home, 'state.json'))) as { data: { apps: unknown[]; nextId: number } }
    expect(state.data).toMatchObject({ apps: [], nextId: 0 })
    expect(existsSync(join(home, 'dump.json.bak'))).toBe(false)
    expect((await start({ name: 'fresh', args: ['--run-forever'] }))[0]?.id).toBe(0)
    // An empty table resets too.
    await kernel.call('process.delete', { target: 'fresh' })
    expect(await kernel.call('process.reset', { hard: true, confirm: 'RESET' })).toEqual({
      reset: true,
      deleted: 0,
    })
  })

  it('gives the daemon shutdown the apps kill timeout, not the 10 s hook timeout', async () => {
    await kernel.stop()
    await boot(200).start() // a hook timeout far below the app's graceful shutdown
    const [app] = await start({ name: 'slow', args: ['--slow-shutdown', '700'], killTimeout: 3000 })
    const exits: { code: number | null; signal: string | null }[] = []
    kernel.events.on('process:exited', (e) => void exits.push({ code: e.code, signal: e.signal }))
    await kernel.stop()
    expect(exits).toEqual([{ code: 0, signal: null }])
    expect(await isGone(app?.pid as number)).toBe(true)
  })
})
