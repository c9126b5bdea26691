import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { definePlugin } from '@opendaemon/core'
import { afterEach, describe, expect, it } from 'vitest'
import { startDaemon } from '../../src/daemon.js'
import { createDaemonHarness } from '../support/test-daemon.js'
import { waitFor } from '../support/temp-home.js'

const harness = createDaemonHarness()
afterEach(() => harness.cleanup())

function deferred() {
  let resolve: () => void = () => undefined
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('starting a daemon', () => {
  it('refuses a second daemon for the same home with OD_DAEMON_ALREADY_RUNNING', async () => {
    const daemon = await harness.start()
    await expect(startDaemon({ home: daemon.paths.home })).rejects.toMatchObject({
      code: 'OD_DAEMON_ALREADY_RUNNING',
      data: { pid: process.pid },
    })
    expect(existsSync(daemon.paths.pidFile)).toBe(true)
  })

  it('refuses an invalid config.json, naming the file, and releases the lock', async () => {
    const home = harness.home()
    writeFileSync(join(home, 'config.json'), '{"watchdog":{"intervalMs":-1}}')
    const attempt = startDaemon({ home })
    await expect(attempt).rejects.toMatchObject({ code: 'OD_CONFIG_INVALID' })
    await expect(attempt).rejects.toThrow(`${home}/config.json: watchdog.intervalMs`)
    expect(existsSync(join(home, 'daemon.pid'))).toBe(false)
    expect(readFileSync(join(home, 'daemon.log'), 'utf8')).toMatch(
      /ERROR \[daemon\] the daemon could not start/,
    )
  })

  it('fails to boot on an invalid plugin set and cleans up the socket and the lock', async () => {
    const home = harness.home()
    const twin = definePlugin({ name: 'twin', version: '1', description: '', install() {} })
    await expect(startDaemon({ home, plugins: [twin, twin] })).rejects.toMatchObject({
      code: 'OD_PLUGIN_DUPLICATE',
    })
    expect(existsSync(join(home, 'daemon.pid'))).toBe(false)
    expect(existsSync(join(home, 'od.sock'))).toBe(false)
  })

  it('replaces a stale socket left by a killed daemon', async () => {
    const home = harness.home()
    const socketPath = join(home, 'od.sock')
    const script = `require('net').createServer().listen(${JSON.stringify(socketPath)}, () => process.kill(process.pid, 'SIGKILL'))`
    await once(spawn(process.execPath, ['-e', script]), 'exit')
    expect(statSync(socketPath).isSocket()).toBe(true)
    const daemon = await harness.start({ home })
    expect(await (await harness.connect(daemon)).request('daemon.ping')).toMatchObject({ pong: true })
    expect(readFileSync(daemon.paths.logFile, 'utf8')).toContain('removed a stale socket')
  })

  it('refuses a socket another server answers on (OD_SOCKET_IN_USE) and leaves it alone', async () => {
    const home = harness.home()
    const other = createServer()
    const socketPath = join(home, 'od.sock')
    await new Promise<void>((resolve) => other.listen(socketPath, resolve))
    try {
      await expect(startDaemon({ home })).rejects.toMatchObject({ code: 'OD_SOCKET_IN_USE' })
      expect(statSync(socketPath).isSocket()).toBe(true)
    } finally {
      await new Promise((resolve) => other.close(resolve))
    }
  })

  it('refuses a socket path taken by a regular file', async () => {
    const home = harness.home()
    writeFileSync(join(home, 'od.sock'), 'not a socket')
    await expect(startDaemon({ home })).rejects.toThrow(/exists and is not a socket/)
    expect(readFileSync(join(home, 'od.sock'), 'utf8')).toBe('not a socket')
  })

  it('binds the socket before plugins start, and holds requests until the daemon is ready', async () => {
    const gate = deferred()
    const installed = deferred()
    const slow = definePlugin({
      name: 'slow',
      version: '1',
      description: 'Starts slowly',
      install: () => installed.resolve(),
      onStart: () => gate.promise,
    })
    const readyCalls: number[] = []
    const starting = harness.start({ plugins: [slow], onReady: (pid) => readyCalls.push(pid) })
    await installed.promise
    const home = harness.lastHome() as string
    const client = await harness.connect({
      paths: { socketPath: join(home, 'od.sock'), tokenFile: join(home, 'auth-token') },
    })
    let answered = false
    const ping = client.request('daemon.ping').then((result) => {
      answered = true
      return result
    })
    await client.ping()
    expect(answered).toBe(false)
    expect(readyCalls).toEqual([])
    gate.resolve()
    expect(await ping).toMatchObject({ pong: true })
    await starting
    expect(readyCalls).toEqual([process.pid])
  })
})

describe('stopping a daemon', () => {
  it('answers daemon.shutdown, then stops and removes the socket and the pid file', async () => {
    const daemon = await harness.start()
    const client = await harness.connect(daemon)
    expect(await client.request('daemon.shutdown')).toEqual({ stopping: true, pid: process.pid })
    await daemon.stopped
    expect(daemon.state).toBe('stopped')
    expect(existsSync(daemon.paths.socketPath)).toBe(false)
    expect(existsSync(daemon.paths.pidFile)).toBe(false)
    expect(existsSync(daemon.paths.tokenFile)).toBe(true)
    await waitFor('the connection to close', () => client.closed)
    expect(readFileSync(daemon.paths.logFile, 'utf8')).toMatch(/stopped reason=request/)
  })

  it('honours daemon.shutdown sent while plugins run onReady', async () => {
    const gate = deferred()
    const readying = deferred()
    const lateReady = definePlugin({
      name: 'late-ready',
      version: '1',
      description: 'Slow onReady',
      install() {},
      onReady: () => {
        readying.resolve()
        return gate.promise
      },
    })
    const starting = harness.start({ plugins: [lateReady] })
    await readying.promise
    const home = harness.lastHome() as string
    const client = await harness.connect({
      paths: { socketPath: join(home, 'od.sock'), tokenFile: join(home, 'auth-token') },
    })
    expect(await client.request('daemon.shutdown')).toMatchObject({ stopping: true })
    gate.resolve()
    const daemon = await starting
    await daemon.stopped
    expect(daemon.state).toBe('stopped')
    expect(readFileSync(daemon.paths.logFile, 'utf8')).not.toContain('running pid=')
  })

  it('refuses new requests with OD_DAEMON_SHUTTING_DOWN while plugins stop', async () => {
    const gate = deferred()
    const stopping = deferred()
    const lingering = definePlugin({
      name: 'lingering',
      version: '1',
      description: 'Stops slowly',
      install() {},
      onStop: () => {
        stopping.resolve()
        return gate.promise
      },
    })
    const daemon = await harness.start({ plugins: [lingering] })
    const client = await harness.connect(daemon)
    const stopped = daemon.stop()
    await stopping.promise
    await expect(client.request('daemon.ping')).rejects.toMatchObject({ code: 'OD_DAEMON_SHUTTING_DOWN' })
    gate.resolve()
    await stopped
    expect(daemon.stop()).toBe(stopped)
  })

  it('gives up on plugins that overrun the shutdown budget', async () => {
    const stuck = definePlugin({
      name: 'stuck',
      version: '1',
      description: '',
      install() {},
      onStop: () => new Promise(() => {}),
    })
    const daemon = await harness.start({ plugins: [stuck] })
    await daemon.stop({ timeoutMs: 20 })
    expect(existsSync(daemon.paths.pidFile)).toBe(false)
    expect(readFileSync(daemon.paths.logFile, 'utf8')).toMatch(/plugins did not stop cleanly; exiting anyway/)
  })

  it("gives a plugin's onStop the budget it declares beyond the hook timeout", async () => {
    const home = harness.home()
    writeFileSync(join(home, 'config.json'), JSON.stringify({ hookTimeoutMs: 100 }))
    const done: string[] = []
    const draining = definePlugin({
      name: 'draining',
      version: '1',
      description: '',
      install() {},
      stopTimeoutMs: () => 5_000,
      onStop: () => new Promise<void>((resolve) => setTimeout(() => resolve(void done.push('drained')), 300)),
    })
    const daemon = await harness.start({ home, plugins: [draining] })
    await daemon.stop()
    expect(done).toEqual(['drained'])
    const log = readFileSync(daemon.paths.logFile, 'utf8')
    expect(log).not.toContain('did not finish onStop')
    expect(log).not.toContain('may need up to')
  })

  it('warns when a plugin may need longer than the shutdown budget', async () => {
    const greedy = definePlugin({
      name: 'greedy',
      version: '1',
      description: '',
      install() {},
      stopTimeoutMs: () => 60_000,
    })
    const daemon = await harness.start({ plugins: [greedy] })
    await daemon.stop({ timeoutMs: 2_000 })
    expect(readFileSync(daemon.paths.logFile, 'utf8')).toContain(
      'but the shutdown budget is 2000 ms; raise shutdownTimeoutMs in config.json',
    )
  })

  it('abandons synchronously on a forced exit', async () => {
    const daemon = await harness.start()
    daemon.abandon()
    expect(existsSync(daemon.paths.socketPath)).toBe(false)
    expect(existsSync(daemon.paths.pidFile)).toBe(false)
    expect(readFileSync(daemon.paths.logFile, 'utf8')).toContain('forced exit')
  })
})
