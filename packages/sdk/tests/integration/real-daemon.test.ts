import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OpenDaemon } from '../../src/open-daemon.js'
import { daemonBuilt, realDaemons, type RealDaemons } from '../support/real-daemon.js'

describe.skipIf(!daemonBuilt)('OpenDaemon against the real daemon (packages/daemon/dist/main.js)', () => {
  let daemons: RealDaemons
  const clients: OpenDaemon[] = []
  const client = (options: ConstructorParameters<typeof OpenDaemon>[0] = {}): OpenDaemon => {
    const od = new OpenDaemon({ home: daemons.home, ...options })
    clients.push(od)
    return od
  }

  beforeEach(() => {
    daemons = realDaemons()
  })
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((od) => od.disconnect()))
    await daemons.stop()
  })

  it('calls the built-in methods with their typed results', async () => {
    const pid = await daemons.start()
    const od = client()
    await od.connect()
    expect(od.daemon?.pid).toBe(pid)
    const status = await od.status()
    expect(status).toMatchObject({ pid, state: 'running', home: daemons.home })
    expect(await od.version()).toMatchObject({ version: status.version, node: process.version })
    expect(await od.ping()).toMatchObject({ pong: true })
    expect(Array.isArray(await od.plugins())).toBe(true)
    await expect(od.pluginInfo('no-such-plugin')).rejects.toMatchObject({ code: 'OD_PLUGIN_NOT_FOUND' })
  })

  it('delivers daemon events: another client connecting', async () => {
    await daemons.start()
    const od = client()
    await od.connect()
    const seen = od.waitFor('ipc:client:connected', (e) => e.client.name === 'second', { timeoutMs: 5_000 })
    await od.ping()
    await client({ clientName: 'second' }).ping()
    expect((await seen).client).toMatchObject({ name: 'second' })
  })

  it('reconnects to a restarted daemon and subscribes again', async () => {
    const first = await daemons.start()
    const od = client({ reconnect: { initialDelayMs: 20, maxDelayMs: 100 } })
    od.on('ipc:*', () => undefined)
    await od.connect()
    const disconnected = od.waitFor('client:disconnected', undefined, { timeoutMs: 5_000 })
    await daemons.kill(first)
    await disconnected
    const reconnected = od.waitFor('client:reconnected', undefined, { timeoutMs: 10_000 })
    const second = await daemons.start()
    expect((await reconnected).pid).toBe(second)
    const seen = od.waitFor('ipc:client:connected', (e) => e.client.name === 'probe', { timeoutMs: 5_000 })
    await od.ping()
    await client({ clientName: 'probe' }).ping()
    await seen
  })

  it('shuts the daemon down', async () => {
    const pid = await daemons.start()
    const od = client({ reconnect: false })
    const gone = od.waitFor('client:disconnected', undefined, { timeoutMs: 10_000 })
    expect(await od.shutdown()).toMatchObject({ stopping: true, pid })
    await gone
  })
})
