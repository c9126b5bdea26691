import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { alive, CLI, cliHome, type CliHome } from '../support/cli-run.js'

// `od startup` through the built CLI. Files go under OD_STARTUP_ROOT (a temp dir) and systemctl is a
// stand-in first on PATH that records its arguments: no test may write to /etc or run the real systemctl.
const me = userInfo().username

interface ProcInfo {
  name: string
  status: string
  pid: number | null
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Pids of live processes whose command line mentions `needle` (the app script): duplicates show up here. */
function processesRunning(needle: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle) && alive(Number(pid))
      } catch {
        return false // the process ended while we looked
      }
    })
    .map(Number)
}

describe('od startup through the built CLI', () => {
  let t: CliHome
  let bin: string
  let root: string
  let calls: string
  beforeEach(() => {
    t = cliHome()
    const dir = join(t.home, '..')
    bin = join(dir, 'bin')
    root = join(dir, 'root')
    calls = join(dir, 'calls')
    mkdirSync(bin)
    writeFileSync(join(bin, 'systemctl'), `#!/bin/sh\necho "systemctl $*" >> ${calls}\n`)
    chmodSync(join(bin, 'systemctl'), 0o755)
  })
  afterEach(() => t.cleanup())

  const env = () => ({ PATH: `${bin}:${process.env['PATH'] ?? ''}`, OD_STARTUP_ROOT: root })

  it('startup systemd --print: the unit runs this node and this CLI with --resurrect, nothing written', async () => {
    const r = await t.run(['startup', 'systemd', '--print', '--user', me], env())
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(`ExecStart=${process.execPath} ${CLI} daemon start --foreground --resurrect\n`)
    expect(r.stdout).toContain(`User=${me}\n`)
    expect(r.stdout).toContain(`Environment=OD_HOME=${t.home}\n`)
    expect(existsSync(root)).toBe(false)
    expect(existsSync(calls)).toBe(false)
  })

  it('install writes the unit (0644) under the root and runs systemctl; uninstall removes it', async () => {
    const installed = await t.run(['install', '--user', me, '--json'], env())
    expect(installed.code, installed.stdout + installed.stderr).toBe(0)
    const file = join(root, `etc/systemd/system/opendaemon-${me}.service`)
    expect(JSON.parse(installed.stdout)).toMatchObject({ system: 'systemd', installed: true, file })
    expect(readFileSync(file, 'utf8')).toContain('--resurrect')
    const removed = await t.run(['uninstall', '--user', me, '--json'], env())
    expect(removed.code, removed.stderr).toBe(0)
    expect(existsSync(file)).toBe(false)
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toEqual([
      'systemctl daemon-reload',
      `systemctl enable opendaemon-${me}`,
      `systemctl start opendaemon-${me}`,
      `systemctl stop opendaemon-${me}`,
      `systemctl disable opendaemon-${me}`,
      'systemctl daemon-reload',
    ])
  })

  it('bad input: unknown init system or user → exit 2, a clear error, nothing written', async () => {
    const system = await t.run(['startup', 'sysvinit'], env())
    expect(system.code).toBe(2)
    expect(system.stderr).toContain('"sysvinit" is not an init system OpenDaemon knows')
    const user = await t.run(['startup', 'systemd', '--user', 'od-no-such-user', '--json'], env())
    expect(user.code).toBe(2)
    expect(JSON.parse(user.stdout)).toMatchObject({ error: { code: 'OD_STARTUP_USER_UNKNOWN', rpc: 9976 } })
    expect(existsSync(root)).toBe(false)
  })
})

describe('daemon start --resurrect (what the boot units run)', () => {
  let t: CliHome
  let app: string
  let foreground: ChildProcess | undefined
  beforeEach(() => {
    t = cliHome()
    app = join(t.home, '..', 'boot-app.js')
    writeFileSync(app, 'setInterval(() => {}, 1e9)\n')
  })
  afterEach(async () => {
    if (foreground?.exitCode === null && foreground.pid !== undefined) {
      foreground.kill('SIGTERM')
      await until('the foreground daemon to exit', async () =>
        foreground?.exitCode === null ? undefined : true,
      )
    }
    foreground = undefined
    for (const pid of processesRunning(app)) process.kill(pid, 'SIGKILL')
    await t.cleanup()
  })

  async function list(): Promise<ProcInfo[]> {
    const r = await t.run(['list', '--json'], { OD_NO_AUTOSTART: '1' })
    return r.code === 0 ? (JSON.parse(r.stdout) as ProcInfo[]) : []
  }

  /** Saves the app, then kills the daemon and the app with SIGKILL, as a power cut would. */
  async function saveAndKillEverything(): Promise<void> {
    const started = await t.run(['start', app, '--name', 'web'])
    expect(started.code, started.stderr).toBe(0)
    await until('web online', async () => ((await list())[0]?.status === 'online' ? true : undefined))
    expect((await t.run(['save'])).code).toBe(0)
    const pid = t.daemonPid() as number
    process.kill(pid, 'SIGKILL')
    for (const appPid of processesRunning(app)) process.kill(appPid, 'SIGKILL')
    await until('everything dead', async () =>
      !alive(pid) && processesRunning(app).length === 0 ? true : undefined,
    )
    rmSync(join(t.home, 'daemon.pid'), { force: true })
  }

  async function onlineOnce(): Promise<void> {
    const procs = await until('web online again', async () => {
      const all = await list()
      return all.some((p) => p.status === 'online') ? all : undefined
    })
    expect(procs.map((p) => [p.name, p.status])).toEqual([['web', 'online']])
    expect(processesRunning(app)).toEqual([procs[0]?.pid])
  }

  it('the saved table comes back exactly once (state.json and dump.json do not add up)', async () => {
    await saveAndKillEverything()
    const r = await t.run(['daemon', 'start', '--resurrect', '--json'])
    expect(r.code, r.stderr).toBe(0)
    await onlineOnce()
  })

  it('foreground, as systemd runs it: an empty table is filled from dump.json', async () => {
    await saveAndKillEverything()
    for (const file of ['state.json', 'state.json.bak']) rmSync(join(t.home, file), { force: true })
    foreground = spawn(process.execPath, [CLI, 'daemon', 'start', '--foreground', '--resurrect'], {
      env: { PATH: process.env['PATH'] ?? '', HOME: join(t.home, '..'), OD_HOME: t.home },
      stdio: 'ignore',
    })
    await onlineOnce()
  })

  it('without --resurrect an empty table stays empty', async () => {
    await saveAndKillEverything()
    for (const file of ['state.json', 'state.json.bak']) rmSync(join(t.home, file), { force: true })
    expect((await t.run(['daemon', 'start'])).code).toBe(0)
    expect(await list()).toEqual([])
  })
})
