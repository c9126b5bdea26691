import '../support/fixture-methods.js'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { connectClient, definePlugin, VERSION, type DaemonStatus, type PluginInfo } from '@opendaemon/core'
import { afterEach, describe, expect, it } from 'vitest'
import { createDaemonHarness } from '../support/test-daemon.js'
import { waitFor } from '../support/temp-home.js'

const harness = createDaemonHarness()
afterEach(() => harness.cleanup())

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/plugins/${name}`, import.meta.url))

const healthy = definePlugin({ name: 'healthy', version: '1.0.0', description: 'Works', install() {} })
const badInstall = definePlugin({
  name: 'bad-install',
  version: '1.0.0',
  description: 'Throws in install',
  install() {
    throw new Error('install exploded')
  },
})
const badStart = definePlugin({
  name: 'bad-start',
  version: '1.0.0',
  description: 'Throws in onStart',
  install() {},
  onStart() {
    throw new Error('start exploded')
  },
})
const badHandler = definePlugin({
  name: 'bad-handler',
  version: '1.0.0',
  description: 'Its method throws',
  install(ctx) {
    ctx.registerMethod('fixture.boom', {
      description: 'Always throws',
      params: () => ({}),
      handler: () => {
        throw new TypeError('handler exploded')
      },
    })
  },
})

describe('a daemon serving over its socket', () => {
  it('answers daemon.status, daemon.ping and daemon.version', async () => {
    const daemon = await harness.start()
    const client = await harness.connect(daemon)
    const status = await client.request<DaemonStatus>('daemon.status')
    expect(Object.keys(status).sort()).toEqual(
      [
        'eventLoopLagMs',
        'heapUsed',
        'home',
        'node',
        'pid',
        'plugins',
        'rss',
        'socketPath',
        'startedAt',
        'state',
        'uptimeMs',
        'version',
        'warnings',
        'watchdog',
      ].sort(),
    )
    expect(status).toMatchObject({
      pid: process.pid,
      version: VERSION,
      state: 'running',
      home: daemon.paths.home,
      socketPath: daemon.paths.socketPath,
      node: process.version,
      plugins: { total: 3, ready: 3 }, // the built-in log manager, process manager and dependency resolver
      watchdog: { unhealthyPlugins: [] },
      warnings: [],
    })
    expect(status.rss).toBeGreaterThan(0)
    expect(status.heapUsed).toBeGreaterThan(0)
    expect(await client.request('daemon.ping')).toEqual({
      pong: true,
      at: expect.any(Number),
      pid: status.pid,
      uptimeMs: expect.any(Number),
      version: VERSION,
    })
    expect(await client.request('daemon.version')).toMatchObject({ version: VERSION, node: process.version })
    expect(daemon.state).toBe('running')
    expect(daemon.server.listening).toBe(true)
  })

  it('creates the home 0700, the socket and the token 0600, and writes daemon.pid and daemon.log', async () => {
    const home = join(harness.home(), 'nested')
    const daemon = await harness.start({ home })
    expect(statSync(home).mode & 0o777).toBe(0o700)
    expect(statSync(daemon.paths.socketPath).mode & 0o777).toBe(0o600)
    expect(statSync(daemon.paths.tokenFile).mode & 0o777).toBe(0o600)
    expect(statSync(daemon.paths.pidFile).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(daemon.paths.pidFile, 'utf8'))).toMatchObject({
      pid: process.pid,
      version: VERSION,
      socket: daemon.paths.socketPath,
    })
    expect(readFileSync(daemon.paths.logFile, 'utf8')).toMatch(/INFO  \[daemon\] ready pid=/)
  })

  it('isolates plugins that fail in install, onStart or a handler', async () => {
    const daemon = await harness.start({ plugins: [healthy, badInstall, badStart, badHandler] })
    const client = await harness.connect(daemon)
    for (let i = 0; i < 5; i++) {
      await expect(client.request('fixture.boom')).rejects.toMatchObject({ code: 'OD_INTERNAL' })
    }
    await expect(client.request('fixture.boom')).rejects.toMatchObject({ code: 'OD_PLUGIN_DISABLED' })
    const plugins = await client.request<PluginInfo[]>('plugin.list')
    const byName = Object.fromEntries(plugins.map((p) => [p.name, p]))
    expect(byName['healthy']?.state).toBe('ready')
    expect(byName['bad-install']).toMatchObject({ state: 'failed', disabledReason: 'install-failed' })
    expect(byName['bad-start']).toMatchObject({ state: 'failed', disabledReason: 'start-failed' })
    expect(byName['bad-handler']).toMatchObject({ state: 'disabled', disabledReason: 'circuit-open' })
    expect(await client.request('daemon.ping')).toMatchObject({ pong: true })
    const status = await client.request<DaemonStatus>('daemon.status')
    // The four fixtures plus the built-in log and process managers and the dependency resolver, which keep working.
    expect(status.plugins).toMatchObject({ total: 7, ready: 4, failed: 2, disabled: 1 })
    expect(byName['process-manager']?.state).toBe('ready')
  })

  it('runs plugin.info, plugin.disable and plugin.enable', async () => {
    const daemon = await harness.start({ plugins: [healthy] })
    const client = await harness.connect(daemon)
    expect(await client.request('plugin.info', { name: 'healthy' })).toMatchObject({
      name: 'healthy',
      dependents: [],
    })
    await expect(client.request('plugin.info', { name: 'nope' })).rejects.toMatchObject({
      code: 'OD_PLUGIN_NOT_FOUND',
    })
    await expect(client.request('plugin.info', { name: 'healthy', x: 1 })).rejects.toMatchObject({
      code: 'OD_INVALID_PARAMS',
    })
    expect(await client.request('plugin.disable', { name: 'healthy' })).toMatchObject([{ state: 'disabled' }])
    expect(await client.request('plugin.enable', { name: 'healthy' })).toMatchObject([{ state: 'ready' }])
  })

  it('delivers subscribed events, after the subscribe response', async () => {
    const daemon = await harness.start({ plugins: [healthy] })
    const client = await harness.connect(daemon)
    const received: { event: string; data: unknown }[] = []
    client.onNotification((method, params) => {
      if (method === 'event') received.push(params as { event: string; data: unknown })
    })
    expect(await client.request('event.subscribe', { events: ['plugin:*', 'ipc:client:connected'] })).toEqual(
      {
        events: ['plugin:*', 'ipc:client:connected'],
      },
    )
    await client.request('plugin.disable', { name: 'healthy' })
    const other = await harness.connect(daemon)
    await other.request('daemon.ping')
    await waitFor('the events', () => received.some((e) => e.event === 'ipc:client:connected'))
    expect(received.map((e) => e.event)).toEqual(['plugin:disabled', 'ipc:client:connected'])
    expect(received[0]?.data).toMatchObject({ name: 'healthy', reason: 'user' })
    expect(await client.request('event.unsubscribe', {})).toEqual({ events: [] })
  })

  it('ends the subscriptions of a closed connection', async () => {
    const daemon = await harness.start({ plugins: [healthy] })
    const client = await harness.connect(daemon)
    await client.request('event.subscribe', { events: ['*'] })
    expect(daemon.kernel.events.listenerCount('*')).toBe(1)
    await client.close()
    await waitFor('the subscription to end', () => daemon.kernel.events.listenerCount('*') === 0)
  })

  it('reloads config.json, and keeps the old one when the new one is invalid', async () => {
    const daemon = await harness.start()
    const client = await harness.connect(daemon)
    const events: string[] = []
    client.onNotification((_method, params) => events.push((params as { event: string }).event))
    await client.request('event.subscribe', { events: ['daemon:config:reloaded'] })
    writeFileSync(daemon.paths.configFile, JSON.stringify({ logLevel: 'debug', ipc: { maxConnections: 9 } }))
    expect(await client.request('daemon.reload')).toEqual({
      changed: ['ipc', 'logLevel'],
      at: expect.any(Number),
    })
    expect(daemon.logger.level).toBe('debug')
    await waitFor('the reload event', () => events.includes('daemon:config:reloaded'))
    writeFileSync(daemon.paths.configFile, '{"logLevel": 42}')
    await expect(client.request('daemon.reload')).rejects.toMatchObject({ code: 'OD_CONFIG_INVALID' })
    expect(daemon.logger.level).toBe('debug')
    expect(readFileSync(daemon.paths.logFile, 'utf8')).toMatch(
      /take effect at the next daemon start keys=\["ipc"\]/,
    )
  })

  it('rejects a wrong or missing token with OD_AUTH_FAILED', async () => {
    const daemon = await harness.start()
    const wrong = connectClient({ socketPath: daemon.paths.socketPath, token: 'f'.repeat(64) }).then((c) =>
      c.request('daemon.ping'),
    )
    await expect(wrong).rejects.toMatchObject({ code: 'OD_AUTH_FAILED' })
    const missing = connectClient({
      socketPath: daemon.paths.socketPath,
      tokenPath: join(daemon.paths.home, 'nope'),
    })
    await expect(missing).rejects.toMatchObject({ code: 'OD_AUTH_FAILED' })
    expect(await (await harness.connect(daemon)).request('daemon.ping')).toMatchObject({ pong: true })
  })

  it('loads user plugin modules and reports the ones that fail', async () => {
    const home = harness.home()
    writeFileSync(
      join(home, 'config.json'),
      JSON.stringify({ pluginModules: [fixture('good.mjs'), '/nope/x.mjs'] }),
    )
    const daemon = await harness.start({ home })
    const client = await harness.connect(daemon)
    expect(await client.request('fixture.echo', { a: 1 })).toEqual({ a: 1 })
    const status = await client.request<DaemonStatus>('daemon.status')
    expect(status.warnings).toEqual([
      {
        code: 'OD_PLUGIN_LOAD_FAILED',
        message: expect.stringContaining('/nope/x.mjs'),
        at: expect.any(Number),
      },
    ])
  })

  it('reports unhealthy plugins in daemon.status.watchdog', async () => {
    const home = harness.home()
    writeFileSync(join(home, 'config.json'), JSON.stringify({ watchdog: { intervalMs: 10 } }))
    const sick = definePlugin({ ...healthy, name: 'sick', healthCheck: () => false })
    const daemon = await harness.start({ home, plugins: [sick] })
    const status = await waitFor('the watchdog', () => {
      const s = daemon.status()
      return s.watchdog.unhealthyPlugins.length > 0 ? s : undefined
    })
    expect(status.watchdog).toMatchObject({ unhealthyPlugins: ['sick'], checkedAt: expect.any(Number) })
  })

  it('mirrors log lines and warns about a readable home', async () => {
    const home = harness.home()
    const { chmodSync } = await import('node:fs')
    chmodSync(home, 0o755)
    const lines: string[] = []
    const daemon = await harness.start({ home, logMirror: (line) => lines.push(line) })
    expect(lines.some((line) => line.includes('[daemon] ready'))).toBe(true)
    expect(daemon.status().warnings.map((w) => w.code)).toEqual(['OD_HOME_INSECURE'])
    daemon.warn(new Error('something odd'))
    expect(daemon.status().warnings.map((w) => w.code)).toEqual(['OD_HOME_INSECURE', 'OD_INTERNAL'])
  })
})
