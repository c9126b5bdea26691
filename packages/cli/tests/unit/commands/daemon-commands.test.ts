import { spawnSync } from 'node:child_process'
import { DaemonError } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import type { ClientLike } from '../../../src/client-like.js'
import { builtinCommands } from '../../../src/commands/index.js'
import { main } from '../../../src/main.js'
import { fakeClient } from '../../support/fake-client.js'
import { capture, fakeIo } from '../../support/fake-io.js'
import { status } from '../../support/daemon-fixtures.js'

const notRunning = (): Promise<never> =>
  Promise.reject(new DaemonError('OD_DAEMON_NOT_RUNNING', '/home/ada/.opendaemon/od.sock'))

async function run(
  argv: string[],
  connect: () => Promise<ClientLike>,
  extra: Parameters<typeof fakeIo>[0] = {},
) {
  let ticks = 0
  const io = fakeIo({ commands: builtinCommands, connect, now: () => (ticks += 0.25), ...extra })
  const code = await main(argv, io)
  return { code, out: io.stdout.text, err: io.stderr.text }
}

function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid as number
}

const pingResult = { pong: true, at: 1, pid: 1150, uptimeMs: 310_000, version: '0.1.0' }

describe('od ping', () => {
  it('prints pid, uptime and version of a running daemon', async () => {
    const client = fakeClient({ 'daemon.ping': pingResult })
    const r = await run(['ping'], () => Promise.resolve(client))
    expect(r).toMatchObject({
      code: 0,
      out: 'OpenDaemon daemon running (pid 1150, uptime 5m 10s, version 0.1.0)\n',
    })
    expect(client.calls.map((c) => c.method)).toEqual(['daemon.ping'])
  })

  it('prints the JSON shape with the measured latency', async () => {
    const client = fakeClient({ 'daemon.ping': pingResult })
    const r = await run(['ping', '--json'], () => Promise.resolve(client))
    expect(JSON.parse(r.out)).toEqual({
      running: true,
      pid: 1150,
      uptime: '5m 10s',
      uptimeMs: 310_000,
      version: '0.1.0',
      home: '/home/ada/.opendaemon',
      socket: '/home/ada/.opendaemon/od.sock',
      latencyMs: 0.25,
    })
  })

  it('says the daemon is not running and exits 3, without starting one', async () => {
    let autoStart: boolean | undefined
    const connect = (request?: { autoStart: boolean }) => ((autoStart = request?.autoStart), notRunning())
    const r = await run(['ping'], connect as () => Promise<ClientLike>)
    expect(r).toEqual({
      code: 3,
      out: 'OpenDaemon daemon not running (OD_HOME /home/ada/.opendaemon)\n',
      err: '',
    })
    expect(autoStart).toBe(false)
    const json = await run(['ping', '--json'], notRunning)
    expect(json.code).toBe(3)
    expect(JSON.parse(json.out)).toEqual({
      running: false,
      pid: null,
      uptime: null,
      uptimeMs: null,
      version: null,
      home: '/home/ada/.opendaemon',
      socket: '/home/ada/.opendaemon/od.sock',
      latencyMs: null,
    })
  })

  it('reports other connection failures as errors', async () => {
    const r = await run(['ping'], () => Promise.reject(new DaemonError('OD_AUTH_FAILED', '/t')))
    expect(r.code).toBe(3)
    expect(r.err).toMatch(/^error: Authentication with the daemon failed/)
  })
})

describe('od daemon status', () => {
  it('prints the status as aligned lines, or as JSON with running: true', async () => {
    const client = fakeClient({ 'daemon.status': status() })
    const r = await run(['daemon', 'status'], () => Promise.resolve(client))
    expect(r.code).toBe(0)
    expect(r.out.split('\n')[0]).toBe('state       running')
    const json = await run(['daemon', 'status', '--json'], () => Promise.resolve(client))
    expect(JSON.parse(json.out)).toEqual({ running: true, ...status() })
  })

  it('says "not running" and exits 3', async () => {
    expect(await run(['daemon', 'status'], notRunning)).toEqual({ code: 3, out: 'not running\n', err: '' })
    const json = await run(['daemon', 'status', '--json'], notRunning)
    expect(JSON.parse(json.out)).toEqual({
      running: false,
      home: '/home/ada/.opendaemon',
      socket: '/home/ada/.opendaemon/od.sock',
    })
  })

  it('rethrows other failures', async () => {
    const r = await run(['daemon', 'status'], () => Promise.reject(new DaemonError('OD_TIMEOUT', 'x', 5)))
    expect(r.code).toBe(3)
  })
})

describe('od daemon stop and od kill', () => {
  for (const argv of [['daemon', 'stop'], ['kill']]) {
    it(`${argv.join(' ')}: shuts the daemon down and waits for its pid`, async () => {
      const pid = deadPid()
      const client = fakeClient({ 'daemon.shutdown': { stopping: true, pid } })
      const r = await run(argv, () => Promise.resolve(client))
      expect(r).toMatchObject({ code: 0, out: `✔ Stopped the OpenDaemon daemon (pid ${pid}).\n` })
      const json = await run([...argv, '--json'], () => Promise.resolve(client))
      expect(JSON.parse(json.out)).toEqual({ stopped: true, pid, apps: null })
    })

    it(`${argv.join(' ')}: exits 0 when no daemon runs`, async () => {
      expect(await run(argv, notRunning)).toEqual({ code: 0, out: 'The daemon is not running.\n', err: '' })
      const json = await run([...argv, '--json'], notRunning)
      expect(JSON.parse(json.out)).toEqual({ stopped: false, pid: null, apps: null })
    })
  }

  it('falls back to the handshake pid, and skips waiting without any', async () => {
    const pid = deadPid()
    const withHandshake = {
      ...fakeClient({ 'daemon.shutdown': { stopping: true } }),
      daemon: { pid, version: '0.1.0' },
    }
    expect((await run(['kill'], () => Promise.resolve(withHandshake))).out).toBe(
      `✔ Stopped the OpenDaemon daemon (pid ${pid}).\n`,
    )
    const unknown = fakeClient({ 'daemon.shutdown': { stopping: true } })
    expect((await run(['kill'], () => Promise.resolve(unknown))).out).toBe(
      '✔ Stopped the OpenDaemon daemon.\n',
    )
  })

  it('gives up after --timeout with OD_TIMEOUT (exit 3)', async () => {
    const client = fakeClient({ 'daemon.shutdown': { stopping: true, pid: process.pid } })
    const r = await run(['daemon', 'stop', '--timeout', '50ms'], () => Promise.resolve(client))
    expect(r.code).toBe(3)
    expect(r.err).toContain(`Waiting for the daemon (pid ${process.pid}) to exit timed out after 50 ms`)
  })

  it('rethrows connection failures other than "not running"', async () => {
    const r = await run(['kill'], () => Promise.reject(new DaemonError('OD_AUTH_FAILED', '/t')))
    expect(r.code).toBe(3)
  })
})

describe('od daemon', () => {
  it('needs a subcommand', async () => {
    const r = await run(['daemon'], notRunning)
    expect(r.code).toBe(2)
    expect(r.err).toContain('needs a subcommand: start, stop, restart, status, logs')
  })

  it('shows help for a subcommand', async () => {
    const r = await run(['daemon', 'start', '--help'], notRunning, { stdout: capture() })
    expect(r.out).toContain('--foreground')
  })
})
