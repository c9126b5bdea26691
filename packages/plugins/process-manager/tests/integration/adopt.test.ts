import { createKernel, resolvePaths, type Kernel, type ProcessInfo } from '@opendaemon/core'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createProcessManagerPlugin } from '../../src/plugin.js'
import { isGone, killGroups } from '../helpers/cleanup.js'
import { until } from '../helpers/until.js'

const TESTAPP = fileURLToPath(new URL('../fixtures/testapp.js', import.meta.url))

describe('od adopt with real processes', () => {
  let home: string
  let kernel: Kernel
  const children: ChildProcess[] = []
  /** Groups of managed instances started by restart commands. */
  const pgids: number[] = []

  function outsider(...args: string[]): Promise<number> {
    const child = spawn(process.execPath, [TESTAPP, '--run-forever', ...args], {
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    children.push(child)
    return new Promise((resolve) => child.stdout?.once('data', () => resolve(child.pid as number)))
  }

  async function boot(): Promise<void> {
    kernel = createKernel({
      paths: resolvePaths({ OD_HOME: home }, '/'),
      plugins: [createProcessManagerPlugin({ cwd: home, adoptPollMs: 50 })],
    })
    await kernel.start()
  }

  /** Stops the kernel (a daemon restart), runs `between`, and boots a new one on the same home. */
  async function restart(between: () => void | Promise<void> = () => undefined): Promise<void> {
    await kernel.stop()
    await between()
    await boot()
  }

  /** SIGKILL, and wait until the process has really ended. */
  function killNow(pid: number): () => Promise<void> {
    return async () => {
      process.kill(pid, 'SIGKILL')
      await until('the process gone', async () => ((await isGone(pid)) ? true : undefined))
    }
  }

  beforeEach(async () => {
    home = mkdtempSync('/tmp/od-')
    await boot()
  })
  afterEach(async () => {
    await kernel.stop()
    const groups = [...children.splice(0).map((c) => c.pid as number), ...pgids.splice(0)]
    expect(await killGroups(groups)).toEqual([])
    rmSync(home, { recursive: true, force: true })
  })

  it('lists an adopted process, refuses to restart it, and notices when it ends', async () => {
    const pid = await outsider()
    const info = await kernel.call('process.adopt', { pid, name: 'legacy', tags: ['old'] })
    expect(info).toMatchObject({ name: 'legacy', pid, status: 'online', adopted: true, tags: ['old'] })
    await expect(kernel.call('process.restart', { target: 'legacy' })).rejects.toMatchObject({
      code: 'OD_NOT_RESTARTABLE',
    })
    process.kill(pid, 'SIGKILL')
    const [gone] = await until('the exit noticed', async () => {
      const list = await kernel.call('process.list', {})
      return list[0]?.status === 'stopped' ? list : undefined
    })
    expect(gone).toMatchObject({ pid: null, exitCode: null, lastExit: { code: null, signal: null } })
    await expect(kernel.call('process.start', { script: 'legacy' })).rejects.toMatchObject({
      code: 'OD_NOT_RESTARTABLE',
    })
    expect(await kernel.call('process.delete', { target: 'legacy' })).toHaveLength(1)
  })

  it('stops an adopted process that traps SIGTERM with SIGKILL after the kill timeout; default name from the command', async () => {
    const pid = await outsider('--trap-sigterm')
    const info = await kernel.call('process.adopt', { pid, killTimeout: 300, groupKill: true })
    expect(info.name).toBe('node')
    const second = await outsider()
    expect((await kernel.call('process.adopt', { pid: second })).name).toBe(`node-${second}`)
    const [stopped] = await kernel.call('process.stop', { target: 'node' })
    expect(stopped?.status).toBe('stopped')
    expect(await isGone(pid)).toBe(true)
    expect(await kernel.call('process.delete', { target: `node-${second}` })).toHaveLength(1)
    expect(await isGone(second)).toBe(true)
  })

  it.each([
    [1, 'invalid-pid'],
    [process.pid, 'invalid-pid'],
    [process.ppid, 'invalid-pid'],
    [2 ** 22 + 1, 'not-found'],
  ])('refuses pid %i (%s)', async (pid, reason) => {
    await expect(kernel.call('process.adopt', { pid })).rejects.toMatchObject({
      code: 'OD_ADOPT_FAILED',
      data: { reason },
    })
  })

  it('refuses a process already managed, and a taken name', async () => {
    const [app] = await kernel.call('process.start', {
      script: TESTAPP,
      name: 'api',
      args: ['--run-forever'],
    })
    await expect(kernel.call('process.adopt', { pid: app?.pid as number })).rejects.toMatchObject({
      data: { reason: 'already-managed' },
    })
    const pid = await outsider()
    await expect(kernel.call('process.adopt', { pid, name: 'api' })).rejects.toMatchObject({
      code: 'OD_PROCESS_NAME_TAKEN',
    })
    await kernel.call('process.delete', { target: 'api' })
  })

  it('adopted processes are saved in dump.json and re-adopted by resurrect while they run', async () => {
    const pid = await outsider()
    await kernel.call('process.adopt', { pid, name: 'legacy' })
    expect(await kernel.call('process.save', {})).toMatchObject({ apps: 1 })
    const dump = JSON.parse(readFileSync(join(home, 'dump.json'), 'utf8')) as {
      data: { apps: { name: string; adopted: { pid: number; restartable: boolean } }[] }
    }
    expect(dump.data.apps[0]).toMatchObject({ name: 'legacy', adopted: { pid, restartable: false } })
    await restart(() => {
      rmSync(join(home, 'state.json'))
      rmSync(join(home, 'state.json.bak'))
    })
    expect(await kernel.call('process.list', {})).toEqual([])
    const { started, skipped } = await kernel.call('process.resurrect', {})
    expect([started, skipped]).toEqual([[], []])
    expect((await kernel.call('process.list', {}))[0]).toMatchObject({
      name: 'legacy',
      pid,
      status: 'online',
      adopted: true,
    })
  })

  it('resurrect registers dumped adopted processes that have ended: stopped, or started by their command', async () => {
    const watched = await outsider()
    const restartable = await outsider()
    await kernel.call('process.adopt', { pid: watched, name: 'legacy' })
    await kernel.call('process.adopt', {
      pid: restartable,
      name: 'svc',
      restartCommand: `${process.execPath} ${TESTAPP} --run-forever`,
    })
    await kernel.call('process.save', {})
    await restart(async () => {
      await killNow(watched)()
      await killNow(restartable)()
      rmSync(join(home, 'state.json'))
      rmSync(join(home, 'state.json.bak'))
    })
    const { started } = await kernel.call('process.resurrect', {})
    expect(started).toMatchObject([{ name: 'svc', status: 'online', adopted: false }])
    pgids.push(started[0]?.pid as number)
    const legacy = (await kernel.call('process.list', {})).find((p) => p.name === 'legacy')
    expect(legacy).toMatchObject({ status: 'stopped', adopted: true, lastExit: { reason: 'crash' } })
  })

  describe('across daemon restarts', () => {
    it('re-adopts a process that still runs: same id, listed, watched, stoppable', async () => {
      const pid = await outsider()
      const info = await kernel.call('process.adopt', { pid, name: 'legacy', tags: ['old'] })
      await restart()
      const [again] = await kernel.call('process.list', {})
      expect(again).toMatchObject({
        id: info.id,
        name: 'legacy',
        pid,
        status: 'online',
        adopted: true,
        tags: ['old'],
      })
      expect(again?.createdAt).toBe(info.createdAt)
      await kernel.call('process.stop', { target: 'legacy' })
      expect(await isGone(pid)).toBe(true)
    })

    it('re-adopts and keeps watching: an exit after the restart is noticed', async () => {
      const pid = await outsider()
      await kernel.call('process.adopt', { pid, name: 'legacy' })
      await restart()
      process.kill(pid, 'SIGKILL')
      await until('the exit noticed', async () => {
        const [p] = await kernel.call('process.list', {})
        return p?.status === 'stopped' ? p : undefined
      })
    })

    it('reports one that ended while no daemon ran as stopped, and still not restartable', async () => {
      const pid = await outsider()
      await kernel.call('process.adopt', { pid, name: 'legacy' })
      await restart(killNow(pid))
      const [gone] = await kernel.call('process.list', {})
      expect(gone).toMatchObject({
        name: 'legacy',
        status: 'stopped',
        pid: null,
        adopted: true,
        lastExit: { code: null, signal: null, reason: 'crash' },
      })
      await expect(kernel.call('process.start', { script: 'legacy' })).rejects.toMatchObject({
        code: 'OD_NOT_RESTARTABLE',
      })
      // Its stopped state is kept across one more restart.
      await restart()
      expect((await kernel.call('process.list', {}))[0]).toMatchObject({ status: 'stopped', adopted: true })
    })

    it('starts the restart command of one that ended while no daemon ran', async () => {
      const pid = await outsider()
      await kernel.call('process.adopt', {
        pid,
        name: 'svc',
        restartCommand: `${process.execPath} ${TESTAPP} --run-forever`,
      })
      await restart(killNow(pid))
      const managed = await until('the restart command running', async () => {
        const [p] = await kernel.call('process.list', {})
        return p?.status === 'online' ? p : undefined
      })
      expect(managed).toMatchObject({ name: 'svc', adopted: false, script: process.execPath })
      expect(managed.pid).not.toBe(pid)
      pgids.push(managed.pid as number)
    })
  })

  it('od env of an adopted process reads its /proc environ; a gone one shows nothing', async () => {
    const pid = await outsider()
    await kernel.call('process.adopt', { pid, name: 'legacy' })
    const env = await kernel.call('process.env', { target: 'legacy' })
    expect(env).toMatchObject({ name: 'legacy', running: true, secrets: [] })
    expect(env.env['PATH']).toBe(process.env['PATH'])
    process.kill(pid, 'SIGKILL')
    await until('the exit noticed', async () => {
      const [p] = await kernel.call('process.list', {})
      return p?.status === 'stopped' ? p : undefined
    })
    expect(await kernel.call('process.env', { target: 'legacy' })).toMatchObject({ running: false, env: {} })
  })

  it('keeps watching a restartable adopted process whose command no longer resolves', async () => {
    const pid = await outsider()
    const script = join(home, 'run.js')
    writeFileSync(script, 'setInterval(() => {}, 1000)\n')
    const info = await kernel.call('process.adopt', { pid, name: 'svc', restartCommand: script })
    expect(info.interpreter).toBe('node')
    await restart(() => rmSync(script))
    expect((await kernel.call('process.list', {}))[0]).toMatchObject({
      pid,
      status: 'online',
      interpreter: 'none',
    })
  })

  describe('--restart-command', () => {
    it('once the adopted process ends, runs the command without a shell as a managed instance', async () => {
      const pid = await outsider()
      const info = await kernel.call('process.adopt', {
        pid,
        name: 'svc',
        restartCommand: `${process.execPath} ${TESTAPP} --run-forever --stdout-msg "two words"`,
        cwd: home,
      })
      expect(info).toMatchObject({ adopted: true, autorestart: 'always', interpreter: 'none' })
      process.kill(pid, 'SIGKILL')
      const managed = await until('the managed instance', async () => {
        const [p] = await kernel.call('process.list', {})
        return p?.status === 'online' && p.pid !== pid ? p : undefined
      })
      pgids.push(managed.pid as number)
      expect(managed).toMatchObject({
        id: info.id,
        adopted: false,
        restarts: 1,
        cwd: home,
        args: [TESTAPP, '--run-forever', '--stdout-msg', 'two words'],
      })
      const cmdline = readFileSync(`/proc/${managed.pid}/cmdline`, 'utf8').split('\0')
      expect(cmdline[0]).toBe(process.execPath) // no /bin/sh in between
      // Persisted as a normal app now.
      await kernel.call('process.save', {})
      const dump = readFileSync(join(home, 'dump.json'), 'utf8')
      expect(dump).not.toContain('"adopted"')
    })

    it('runs a command with shell syntax through /bin/sh', async () => {
      const pid = await outsider()
      const out = join(home, 'out.log')
      await kernel.call('process.adopt', {
        pid,
        name: 'piped',
        restartCommand: `${process.execPath} ${TESTAPP} --run-forever > ${out}`,
      })
      process.kill(pid, 'SIGKILL')
      const managed = await until('the shell instance', async () => {
        const [p] = await kernel.call('process.list', {})
        return p?.status === 'online' && p.pid !== pid ? p : undefined
      })
      pgids.push(managed.pid as number)
      expect(managed.interpreter).toBe('sh')
      await until('the redirected output', () =>
        existsSync(out) && readFileSync(out, 'utf8').includes('STARTED') ? true : undefined,
      )
    })

    it('od restart of a live adopted process stops it and starts the command', async () => {
      const pid = await outsider()
      await kernel.call('process.adopt', {
        pid,
        name: 'svc',
        restartCommand: `${process.execPath} ${TESTAPP} --run-forever`,
      })
      const [restarted] = (await kernel.call('process.restart', { target: 'svc' })) as ProcessInfo[]
      pgids.push(restarted?.pid as number)
      expect(restarted).toMatchObject({ status: 'online', adopted: false, restarts: 1 })
      expect(await isGone(pid)).toBe(true)
      // A stopped restartable app starts with its command; stop and start keep working on it.
      await kernel.call('process.stop', { target: 'svc' })
      const [again] = await kernel.call('process.start', { script: 'svc' })
      pgids.push(again?.pid as number)
      expect(again?.status).toBe('online')
    })

    it('od start of a stopped adopted process runs the command; od stop first stops the adopted one', async () => {
      const pid = await outsider()
      await kernel.call('process.adopt', {
        pid,
        name: 'svc',
        restartCommand: `${process.execPath} ${TESTAPP} --run-forever`,
      })
      await kernel.call('process.start', { script: 'svc' }) // still the adopted process: nothing to do
      expect((await kernel.call('process.list', {}))[0]).toMatchObject({ pid, adopted: true })
      await kernel.call('process.stop', { target: 'svc' })
      expect(await isGone(pid)).toBe(true)
      const [started] = await kernel.call('process.start', { script: 'svc' })
      pgids.push(started?.pid as number)
      expect(started).toMatchObject({ status: 'online', adopted: false, restarts: 0 })
    })

    it('refuses a bad restart command, and adopts nothing', async () => {
      const pid = await outsider()
      await expect(
        kernel.call('process.adopt', { pid, name: 'svc', restartCommand: 'no-such-program-od --x' }),
      ).rejects.toMatchObject({ code: 'OD_SCRIPT_NOT_FOUND' })
      await expect(
        kernel.call('process.adopt', { pid, name: 'svc', restartCommand: 'node "open' }),
      ).rejects.toMatchObject({
        code: 'OD_APP_OPTION_INVALID',
      })
      await expect(
        kernel.call('process.adopt', { pid, name: 'svc', restartCommand: '' }),
      ).rejects.toMatchObject({
        code: 'OD_INVALID_PARAMS',
      })
      expect(await kernel.call('process.list', {})).toEqual([])
    })
  })
})
