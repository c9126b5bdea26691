import { createKernel, resolvePaths, type Kernel } from '@opendaemon/core'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createProcessManagerPlugin } from '../../src/plugin.js'
import { isGone, killGroups } from '../helpers/cleanup.js'

const TESTAPP = fileURLToPath(new URL('../fixtures/testapp.js', import.meta.url))

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await fn()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('od adopt with real processes', () => {
  let home: string
  let kernel: Kernel
  const children: ChildProcess[] = []

  function outsider(...args: string[]): Promise<number> {
    const child = spawn(process.execPath, [TESTAPP, '--run-forever', ...args], {
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    children.push(child)
    return new Promise((resolve) => child.stdout?.once('data', () => resolve(child.pid as number)))
  }

  beforeEach(async () => {
    home = mkdtempSync('/tmp/od-')
    kernel = createKernel({
      paths: resolvePaths({ OD_HOME: home }, '/'),
      plugins: [createProcessManagerPlugin({ cwd: home, adoptPollMs: 50 })],
    })
    await kernel.start()
  })
  afterEach(async () => {
    await kernel.stop()
    expect(await killGroups(children.splice(0).map((c) => c.pid as number))).toEqual([])
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

  it('adopted processes are not written to state.json or dump.json', async () => {
    const pid = await outsider()
    await kernel.call('process.adopt', { pid, name: 'legacy' })
    await expect(kernel.call('process.save', {})).rejects.toMatchObject({ code: 'OD_DUMP_EMPTY' })
  })
})
