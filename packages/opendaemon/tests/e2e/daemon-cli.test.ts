import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { alive, cliHome, type CliHome } from '../support/cli-run.js'

describe('the built CLI against the built daemon', () => {
  let t: CliHome
  beforeEach(() => {
    t = cliHome()
  })
  afterEach(() => t.cleanup())

  it('starts a daemon on the first command that needs one', async () => {
    const list = await t.run(['plugin', 'list', '--json'])
    expect(list.code, list.stderr).toBe(0)
    expect(Array.isArray(JSON.parse(list.stdout))).toBe(true)
    const pid = t.daemonPid()
    expect(pid).not.toBeNull()
    expect(existsSync(join(t.home, 'od.sock'))).toBe(true)
    const ping = await t.run(['ping', '--json'])
    expect(ping.code).toBe(0)
    expect(JSON.parse(ping.stdout)).toMatchObject({ running: true, pid, home: t.home })
  })

  it('ping: exit 3 and no daemon when none runs; the pid, uptime and version when one does', async () => {
    const absent = await t.run(['ping'])
    expect(absent).toEqual({
      code: 3,
      stdout: `OpenDaemon daemon not running (OD_HOME ${t.home})\n`,
      stderr: '',
    })
    expect(existsSync(join(t.home, 'od.sock'))).toBe(false)
    expect(t.daemonPid()).toBeNull()
    await t.run(['daemon', 'start'])
    const present = await t.run(['ping'])
    expect(present.code).toBe(0)
    expect(present.stdout).toMatch(
      new RegExp(
        `^OpenDaemon daemon running \\(pid ${t.daemonPid()}, uptime \\S+, version \\d+\\.\\d+\\.\\d+\\)\\n$`,
      ),
    )
  })

  it('daemon start twice: the second says it is already running, exit 0', async () => {
    const first = await t.run(['daemon', 'start', '--json'])
    expect(first.code, first.stderr).toBe(0)
    const started = JSON.parse(first.stdout) as { pid: number; started: boolean }
    expect(started).toMatchObject({ started: true, pid: t.daemonPid(), socket: join(t.home, 'od.sock') })
    const second = await t.run(['daemon', 'start'])
    expect(second).toEqual({
      code: 0,
      stdout: `The daemon is already running (pid ${started.pid}).\n`,
      stderr: '',
    })
  })

  it('two concurrent daemon starts on a cold home run exactly one daemon', async () => {
    const results = await Promise.all([
      t.run(['daemon', 'start', '--json']),
      t.run(['daemon', 'start', '--json']),
    ])
    for (const r of results) expect(r.code, r.stderr).toBe(0)
    const answers = results.map((r) => JSON.parse(r.stdout) as { pid: number; started: boolean })
    expect(new Set(answers.map((a) => a.pid)).size).toBe(1)
    expect(answers.filter((a) => a.started)).toHaveLength(1)
    expect(answers[0]?.pid).toBe(t.daemonPid())
  })

  it('daemon status --json: the daemon.status shape; exit 3 with {running:false} when stopped', async () => {
    await t.run(['daemon', 'start'])
    const status = await t.run(['daemon', 'status', '--json'])
    expect(status.code).toBe(0)
    expect(JSON.parse(status.stdout)).toMatchObject({
      running: true,
      pid: t.daemonPid(),
      state: 'running',
      version: expect.any(String),
      uptimeMs: expect.any(Number),
      startedAt: expect.any(Number),
      home: t.home,
      socketPath: join(t.home, 'od.sock'),
      rss: expect.any(Number),
      plugins: expect.objectContaining({ total: expect.any(Number) }),
      watchdog: expect.objectContaining({ unhealthyPlugins: expect.any(Array) }),
    })
    await t.run(['daemon', 'stop'])
    const stopped = await t.run(['daemon', 'status', '--json'])
    expect(stopped.code).toBe(3)
    expect(JSON.parse(stopped.stdout)).toEqual({
      running: false,
      home: t.home,
      socket: join(t.home, 'od.sock'),
    })
  })

  it('daemon stop: waits for the exit and leaves no socket or pid file; a second stop is fine', async () => {
    await t.run(['daemon', 'start'])
    const pid = t.daemonPid() as number
    const stop = await t.run(['daemon', 'stop', '--json'])
    expect(stop.code, stop.stderr).toBe(0)
    expect(JSON.parse(stop.stdout)).toEqual({ stopped: true, pid, apps: null })
    expect(existsSync(join(t.home, 'od.sock'))).toBe(false)
    expect(existsSync(join(t.home, 'daemon.pid'))).toBe(false)
    expect(alive(pid)).toBe(false)
    const again = await t.run(['daemon', 'stop'])
    expect(again).toEqual({ code: 0, stdout: 'The daemon is not running.\n', stderr: '' })
  })

  it('kill: stops the daemon, exit 0, also when none runs', async () => {
    await t.run(['daemon', 'start'])
    const pid = t.daemonPid() as number
    const kill = await t.run(['kill'])
    expect(kill).toEqual({ code: 0, stdout: `✔ Stopped the OpenDaemon daemon (pid ${pid}).\n`, stderr: '' })
    expect((await t.run(['kill'])).stdout).toBe('The daemon is not running.\n')
  })

  it('daemon logs --lines 5: at most five lines of daemon.log, without a running daemon', async () => {
    await t.run(['daemon', 'start'])
    await t.run(['daemon', 'stop'])
    const logs = await t.run(['daemon', 'logs', '--lines', '5'])
    expect(logs.code).toBe(0)
    const lines = logs.stdout.trimEnd().split('\n')
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.length).toBeLessThanOrEqual(5)
    const file = readFileSync(join(t.home, 'daemon.log'), 'utf8').trimEnd().split('\n')
    expect(lines).toEqual(file.slice(-lines.length))
  })

  it('--json errors: one document on stdout with code, rpc, message and data (exit 1)', async () => {
    const r = await t.run(['plugin', 'info', 'no-such-plugin', '--json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toEqual({
      error: {
        code: 'OD_PLUGIN_NOT_FOUND',
        rpc: 2001,
        message: 'No plugin named "no-such-plugin". Run `od plugin list` to see installed plugins.',
        data: {},
      },
    })
  })

  it('exit codes: 2 for a bad flag, 3 when the daemon is unreachable', async () => {
    const bad = await t.run(['ping', '--jsn'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe('error: Unknown flag --jsn. Did you mean --json? Run `od help ping` for usage.\n')
    const noStart = await t.run(['plugin', 'list', '--no-daemon-start'])
    expect(noStart.code).toBe(3)
    const viaEnv = await t.run(['plugin', 'list'], { OD_NO_AUTOSTART: '1' })
    expect(viaEnv.code).toBe(3)
    expect((await t.run(['daemon', 'status'])).code).toBe(3)
    expect(t.daemonPid()).toBeNull()
  })
})
