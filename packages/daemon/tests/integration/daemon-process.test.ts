import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { connectClient } from '@opendaemon/core'
import { afterEach, describe, expect, it } from 'vitest'
import { nodeProcessProbe } from '../../src/process-probe.js'
import { formatPidRecord } from '../../src/pid-record.js'
import { createSpawner, isAlive } from '../support/spawned-daemon.js'
import { createTempHomes, waitFor } from '../support/temp-home.js'

const homes = createTempHomes()
const spawner = createSpawner()
afterEach(async () => {
  await spawner.cleanup()
  homes.cleanup()
})

const ping = async (home: string) => {
  const client = await connectClient({
    socketPath: join(home, 'od.sock'),
    tokenPath: join(home, 'auth-token'),
  })
  try {
    return await client.request<{ pong: boolean }>('daemon.ping')
  } finally {
    await client.close()
  }
}

const pidOf = (home: string) =>
  (JSON.parse(readFileSync(join(home, 'daemon.pid'), 'utf8')) as { pid: number }).pid

describe('the daemon process', () => {
  it('writes `ready <pid>` once the socket answers, with private files', async () => {
    const home = homes.make()
    const daemon = spawner.start({ OD_HOME: home })
    expect(await daemon.readiness).toBe(`ready ${daemon.pid}`)
    expect(await ping(home)).toMatchObject({ pong: true })
    expect(statSync(home).mode & 0o777).toBe(0o700)
    expect(statSync(join(home, 'od.sock')).mode & 0o777).toBe(0o600)
    expect(statSync(join(home, 'auth-token')).mode & 0o777).toBe(0o600)
    expect(statSync(join(home, 'daemon.log')).mode & 0o777).toBe(0o600)
    expect(pidOf(home)).toBe(daemon.pid)
    expect(readFileSync(join(home, 'daemon.log'), 'utf8')).toContain(`ready pid=${daemon.pid}`)
    expect(daemon.stdout()).toBe('') // detached: nothing on stdout
  })

  it('answers `exists <pid>` and exits 0 when a daemon already runs', async () => {
    const home = homes.make()
    const first = spawner.start({ OD_HOME: home })
    expect(await first.readiness).toBe(`ready ${first.pid}`)
    const second = spawner.start({ OD_HOME: home })
    expect(await second.readiness).toBe(`exists ${first.pid}`)
    expect(await second.exit).toEqual({ code: 0, signal: null })
    expect(isAlive(first.pid)).toBe(true)
  })

  it('starts exactly one daemon when two start at once', async () => {
    const home = homes.make()
    const racers = [spawner.start({ OD_HOME: home }), spawner.start({ OD_HOME: home })]
    const lines = await Promise.all(racers.map((r) => r.readiness))
    const winner = racers[lines.findIndex((line) => line.startsWith('ready '))]
    expect(winner).toBeDefined()
    expect(lines.sort()).toEqual([`exists ${winner?.pid}`, `ready ${winner?.pid}`].sort())
    const loser = racers.find((r) => r !== winner)
    expect(await loser?.exit).toEqual({ code: 0, signal: null })
    expect(pidOf(home)).toBe(winner?.pid)
    expect(await ping(home)).toMatchObject({ pong: true })
  })

  it('takes over the lock of a dead daemon', async () => {
    const home = homes.make()
    const gone = spawner.start({ OD_HOME: home })
    expect(await gone.readiness).toMatch(/^ready /)
    gone.child.kill('SIGKILL')
    await gone.exit
    const pidFile = join(home, 'daemon.pid')
    expect(existsSync(pidFile)).toBe(true)
    expect(statSync(join(home, 'od.sock')).isSocket()).toBe(true)
    const next = spawner.start({ OD_HOME: home })
    expect(await next.readiness).toBe(`ready ${next.pid}`)
    expect(pidOf(home)).toBe(next.pid)
    expect(await ping(home)).toMatchObject({ pong: true })
  })

  it('takes over a lock whose pid now belongs to another process', async () => {
    const home = homes.make()
    const me = await nodeProcessProbe.facts(process.pid)
    const record = {
      pid: process.pid,
      startTime: (me.startTime ?? 0) + 1,
      bootId: me.bootId,
      version: '0.1.0',
      socket: join(home, 'od.sock'),
      startedAt: 1,
    }
    writeFileSync(join(home, 'daemon.pid'), formatPidRecord(record))
    const daemon = spawner.start({ OD_HOME: home })
    expect(await daemon.readiness).toBe(`ready ${daemon.pid}`)
    expect(pidOf(home)).toBe(daemon.pid)
  })

  it('stops on SIGTERM with exit 0 and removes the socket and the pid file', async () => {
    const home = homes.make()
    const daemon = spawner.start({ OD_HOME: home })
    expect(await daemon.readiness).toMatch(/^ready /)
    daemon.child.kill('SIGTERM')
    expect(await daemon.exit).toEqual({ code: 0, signal: null })
    expect(existsSync(join(home, 'od.sock'))).toBe(false)
    expect(existsSync(join(home, 'daemon.pid'))).toBe(false)
    expect(readFileSync(join(home, 'daemon.log'), 'utf8')).toMatch(/stopped reason=signal/)
  })

  it('reports an invalid config.json as `error OD_CONFIG_INVALID …` and exits 2', async () => {
    const home = homes.make()
    writeFileSync(join(home, 'config.json'), '{"ipc":{"maxConnections":"many"}}')
    const daemon = spawner.start({ OD_HOME: home })
    expect(await daemon.readiness).toMatch(/^error OD_CONFIG_INVALID .*config\.json: ipc\.maxConnections/)
    expect(await daemon.exit).toEqual({ code: 2, signal: null })
    expect(existsSync(join(home, 'daemon.pid'))).toBe(false)
  })

  it('logs to stdout in the foreground without a readiness pipe', async () => {
    const home = homes.make()
    const daemon = spawner.start({ OD_HOME: home }, ['--foreground'], { readinessPipe: false })
    await waitFor('the ready line', () => daemon.stdout().includes('[daemon] ready'))
    expect(await ping(home)).toMatchObject({ pong: true })
    daemon.child.kill('SIGINT')
    expect(await daemon.exit).toEqual({ code: 0, signal: null })
  })

  it('reloads config.json on SIGHUP', async () => {
    const home = homes.make()
    const daemon = spawner.start({ OD_HOME: home })
    expect(await daemon.readiness).toMatch(/^ready /)
    writeFileSync(join(home, 'config.json'), '{"logLevel":"debug"}')
    daemon.child.kill('SIGHUP')
    await waitFor('the reload', () =>
      readFileSync(join(home, 'daemon.log'), 'utf8').includes('configuration reloaded changed=["logLevel"]'),
    )
    expect(isAlive(daemon.pid)).toBe(true)
  })

  it('forces the exit (1) on a second SIGTERM while plugins stop', async () => {
    const home = homes.make()
    const stuck = fileURLToPath(new URL('../fixtures/plugins/stuck-stop.mjs', import.meta.url))
    const config = { pluginModules: [stuck], hookTimeoutMs: 60_000, shutdownTimeoutMs: 60_000 }
    writeFileSync(join(home, 'config.json'), JSON.stringify(config))
    const daemon = spawner.start({ OD_HOME: home })
    expect(await daemon.readiness).toMatch(/^ready /)
    daemon.child.kill('SIGTERM')
    await waitFor('the shutdown', () =>
      readFileSync(join(home, 'daemon.log'), 'utf8').includes('shutting down'),
    )
    daemon.child.kill('SIGTERM')
    expect(await daemon.exit).toEqual({ code: 1, signal: null })
    expect(existsSync(join(home, 'od.sock'))).toBe(false)
    expect(existsSync(join(home, 'daemon.pid'))).toBe(false)
    expect(readFileSync(join(home, 'daemon.log'), 'utf8')).toContain('second SIGTERM during shutdown')
  })
})
