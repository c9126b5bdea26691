import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../src/main.js'
import { capture } from '../support/fake-io.js'
import { tempHome, type TempHome } from '../support/temp-home.js'

describe('the launcher with a real daemon process (fixture)', () => {
  let t: TempHome
  beforeEach(() => {
    t = tempHome()
  })
  afterEach(() => t.cleanup())

  async function run(argv: string[], env: Record<string, string> = {}, overrides = {}) {
    const io = t.io(overrides, env)
    const code = await main(argv, io)
    return { code, out: io.stdout.text, err: io.stderr.text }
  }

  it('auto-starts a daemon for a command that needs one, and announces it on a terminal', async () => {
    const r = await run(['plugin', 'list'], {}, { stderr: capture({ isTTY: true }) })
    expect(r.code).toBe(0)
    expect(r.err).toBe(`Started the OpenDaemon daemon (pid ${t.daemonPid()}).\n`)
  })

  it('hands the daemon an allowlisted environment with OD_HOME', async () => {
    await run(['plugin', 'list'], { SECRET_TOKEN: 'x', LC_ALL: 'C' })
    const env = JSON.parse(
      readFileSync(join(t.home, 'fixture.env'), 'utf8').split('\n')[0] as string,
    ) as Record<string, string>
    expect(env['OD_HOME']).toBe(t.home)
    expect(env['LC_ALL']).toBe('C')
    expect(env['SECRET_TOKEN']).toBeUndefined()
  })

  it('does not start one with --no-daemon-start (exit 3, "not running" message)', async () => {
    const r = await run(['plugin', 'list', '--no-daemon-start'])
    expect(r.code).toBe(3)
    expect(r.err).toBe(
      `error: The daemon is not running (no answer on ${join(t.home, 'od.sock')}). Start it with \`od daemon start\`.\n`,
    )
    expect(t.daemonPid()).toBeNull()
  })

  it('daemon start: starts once, then reports the running one (exit 0 both times)', async () => {
    const first = await run(['daemon', 'start', '--json'], { OD_SOCKET: '' })
    expect(first.code).toBe(0)
    const pid = t.daemonPid()
    expect(JSON.parse(first.out)).toEqual({
      pid,
      version: '0.1.0',
      socket: join(t.home, 'od.sock'),
      started: true,
    })
    const second = await run(['daemon', 'start'])
    expect(second).toEqual({ code: 0, out: `The daemon is already running (pid ${pid}).\n`, err: '' })
    const human = await run(['daemon', 'stop'])
    expect(human.out).toBe(`✔ Stopped the OpenDaemon daemon (pid ${pid}).\n`)
    const again = await run(['daemon', 'start'])
    expect(again.out).toBe(`✔ Started the OpenDaemon daemon (pid ${t.daemonPid()}).\n`)
  })

  it('daemon start: fails with the daemon error and its exit code', async () => {
    const r = await run(['daemon', 'start'], { OD_FAKE_DAEMON: 'error' })
    expect(r.code).toBe(2)
    expect(r.err).toBe('error: Invalid configuration: plugins.x: unknown plugin.\n')
  })

  it('daemon start: reports a daemon that dies before it is ready (exit 3)', async () => {
    const r = await run(['daemon', 'start', '--json'], { OD_FAKE_DAEMON: 'crash' })
    expect(r.code).toBe(3)
    expect(JSON.parse(r.out)).toMatchObject({
      error: {
        code: 'OD_DAEMON_START_FAILED',
        message: expect.stringContaining('exited with code 3 before it was ready'),
      },
    })
  })

  it('daemon start: gives up after OD_START_TIMEOUT (exit 3)', async () => {
    const r = await run(['daemon', 'start'], { OD_FAKE_DAEMON: 'silent', OD_START_TIMEOUT: '300ms' })
    expect(r.code).toBe(3)
    expect(r.err).toContain('Starting the daemon timed out after 300 ms')
  })

  it('daemon start: reports the winner when another start got there first', async () => {
    const r = await run(['daemon', 'start', '--json'], { OD_FAKE_DAEMON: 'exists' })
    expect(JSON.parse(r.out)).toMatchObject({ pid: 4242, started: false, version: null })
  })

  it('daemon start: uses the socket chosen with --socket', async () => {
    const socket = join(t.dir, 'custom.sock')
    const r = await run(['daemon', 'start', '--socket', socket, '--json'])
    expect(JSON.parse(r.out)).toMatchObject({ socket, started: true })
    expect(existsSync(socket)).toBe(true)
    const ping = await run(['ping', '--socket', socket, '--timeout', '5s'])
    expect(ping.code).toBe(0)
  })

  it('daemon restart: stops the running daemon and starts a new one', async () => {
    await run(['daemon', 'start'])
    const before = t.daemonPid()
    const r = await run(['daemon', 'restart', '--json'])
    expect(r.code).toBe(0)
    const after = t.daemonPid()
    expect(after).not.toBe(before)
    expect(JSON.parse(r.out)).toMatchObject({ pid: after, previousPid: before, started: true })
    const human = await run(['daemon', 'restart'])
    expect(human.out).toBe(
      `Stopped the OpenDaemon daemon (pid ${after}).\n✔ Started the OpenDaemon daemon (pid ${t.daemonPid()}).\n`,
    )
  })

  it('daemon start: reports a daemon that answers without saying its pid', async () => {
    const { mkdirSync } = await import('node:fs')
    const { createServer } = await import('node:net')
    const { encodeFrame, FrameType } = await import('@opendaemon/core')
    mkdirSync(t.home, { recursive: true })
    const refusing = createServer((s) => s.end(encodeFrame(FrameType.authResponse, '{"v":1,"ok":false}')))
    await new Promise<void>((resolve) => refusing.listen(join(t.home, 'od.sock'), resolve))
    try {
      expect((await run(['daemon', 'start'])).out).toBe('The daemon is already running.\n')
      expect(JSON.parse((await run(['daemon', 'start', '--json'])).out)).toMatchObject({
        pid: null,
        started: false,
      })
    } finally {
      await new Promise<void>((resolve) => refusing.close(() => resolve()))
    }
  })

  it('daemon restart: starts one when none runs', async () => {
    const r = await run(['daemon', 'restart', '--json'])
    expect(JSON.parse(r.out)).toMatchObject({ previousPid: null, started: true })
  })

  it('reports a refused token as OD_AUTH_FAILED (exit 3)', async () => {
    await run(['daemon', 'start'])
    const { writeFileSync } = await import('node:fs')
    writeFileSync(join(t.home, 'auth-token'), `${'0'.repeat(64)}\n`)
    const r = await run(['plugin', 'list'])
    expect(r.code).toBe(3)
    expect(r.err).toContain('Authentication with the daemon failed')
  })

  it('warns about a daemon of another version', async () => {
    await run(['daemon', 'start'], { OD_FAKE_VERSION: '0.0.9' })
    const r = await run(['ping'])
    expect(r.code).toBe(0)
    expect(r.err).toContain('warning: the daemon runs 0.0.9 but this CLI is')
  })
})
