// od env, od signal, od reset --hard, od start --no-autorestart and adopted processes across daemon
// restarts: the built CLI against the built daemon, with real apps.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { alive, cliHome, type CliHome } from '../support/cli-run.js'
import { repoRoot } from '../support/repo.js'

const TESTAPP = join(repoRoot(), 'packages/plugins/process-manager/tests/fixtures/testapp.js')

interface Proc {
  id: number
  name: string
  status: string
  pid: number | null
  adopted: boolean
  restarts: number
  autorestart: string
}

async function until<T>(
  what: string,
  fn: () => T | undefined | Promise<T | undefined>,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await fn()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const read = (file: string): string => (existsSync(file) ? readFileSync(file, 'utf8') : '')

describe('process commands of the built CLI', () => {
  let t: CliHome
  const outsiders: ChildProcess[] = []
  const extraPids: number[] = []

  async function json<T>(args: string[]): Promise<T> {
    const dashes = args.indexOf('--')
    const withJson =
      dashes === -1 ? [...args, '--json'] : [...args.slice(0, dashes), '--json', ...args.slice(dashes)]
    const r = await t.run(withJson)
    expect(r.code, r.stderr + r.stdout).toBe(0)
    return JSON.parse(r.stdout) as T
  }
  const list = () => json<Proc[]>(['list'])

  /** A process OD did not start; resolves with its pid once it runs. */
  function outsider(): Promise<number> {
    const child = spawn(process.execPath, [TESTAPP, '--run-forever'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    outsiders.push(child)
    return new Promise((resolve) => child.stdout?.once('data', () => resolve(child.pid as number)))
  }

  beforeEach(() => {
    t = cliHome()
  })
  afterEach(async () => {
    for (const pid of [...outsiders.splice(0).map((c) => c.pid as number), ...extraPids.splice(0)]) {
      if (alive(pid)) process.kill(-pid, 'SIGKILL')
    }
    await t.cleanup()
  })

  it('od env, od signal and --no-autorestart on a real app', async () => {
    const marks = join(t.home, '..', 'marks')
    const start = await t.run([
      'start',
      TESTAPP,
      '--name',
      'trap',
      '--no-autorestart',
      '--env',
      'API_TOKEN=s3cret',
      '--env',
      'PORT=8080',
      '--ready-pattern',
      '^STARTED',
      '--json',
      '--',
      '--mark-signals',
      marks,
    ])
    expect(start.code, start.stderr).toBe(0)
    const [app] = JSON.parse(start.stdout) as Proc[]
    expect(app).toMatchObject({ status: 'online', autorestart: 'never' })

    const env = await json<{ env: Record<string, string>; masked: string[]; running: boolean }>([
      'env',
      'trap',
    ])
    expect(env).toMatchObject({
      running: true,
      masked: ['API_TOKEN'],
      env: { API_TOKEN: '••••••', PORT: '8080', OD_APP_NAME: 'trap' },
    })
    const text = await t.run(['env', String(app?.id), '--show-plain', '-q'])
    expect(text.stdout.split('\n')).toEqual(expect.arrayContaining(['API_TOKEN=s3cret', 'PORT=8080']))
    expect(text.stdout).not.toContain('masked')

    const bad = await t.run(['signal', 'SIGFOO', 'trap'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('"SIGFOO" is not a signal')
    const sent = await json<unknown[]>(['signal', 'USR2', 'trap'])
    expect(sent).toEqual([{ id: app?.id, pid: app?.pid, signal: 'SIGUSR2', sent: true }])
    await until('the marker', () => (read(marks).includes(`SIGUSR2 ${app?.pid}`) ? true : undefined))
    expect(read(marks).trim().split('\n')).toHaveLength(1) // the bad signal sent nothing

    // --no-autorestart: killed from outside, it stays down.
    process.kill(app?.pid as number, 'SIGKILL')
    const [down] = await until('the exit', async () => {
      const procs = await list()
      return procs[0]?.status === 'stopped' ? procs : undefined
    })
    expect(down).toMatchObject({ restarts: 0, pid: null })
    const stoppedEnv = await t.run(['env', 'trap'])
    expect(stoppedEnv.stdout.startsWith('# not running\n')).toBe(true)
  })

  it('od reset --hard refuses without --confirm RESET, then deletes everything and resets ids', async () => {
    await json(['start', TESTAPP, '--name', 'a', '-i', '2', '--', '--run-forever'])
    await json(['start', TESTAPP, '--name', 'b', '--', '--run-forever'])
    await json(['save'])
    const pids = (await list()).map((p) => p.pid as number)
    for (const args of [
      ['reset', '--hard'],
      ['reset', '--hard', '--confirm', 'yes'],
    ]) {
      const r = await t.run([...args, '--json'])
      expect(r.code).toBe(2)
      expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'OD_CONFIRM_REQUIRED', rpc: 8002 })
    }
    expect(await list()).toHaveLength(3)
    expect(await json(['reset', '--hard', '--confirm', 'RESET'])).toEqual({ reset: true, deleted: 3 })
    expect(await list()).toEqual([])
    for (const pid of pids) expect(alive(pid)).toBe(false)
    const dump = JSON.parse(read(join(t.home, 'dump.json'))) as { data: { apps: unknown[] } }
    expect(dump.data.apps).toEqual([])
    const [fresh] = await json<Proc[]>(['start', TESTAPP, '--name', 'fresh', '--', '--run-forever'])
    expect(fresh?.id).toBe(0)
  })

  it('an adopted process survives a daemon SIGKILL: re-adopted, listed and stoppable', async () => {
    const pid = await outsider()
    const adopted = await json<Proc>(['adopt', String(pid), '--name', 'legacy'])
    expect(adopted).toMatchObject({ name: 'legacy', pid, adopted: true, status: 'online' })
    process.kill(t.daemonPid() as number, 'SIGKILL')
    const [again] = await list() // auto-starts a new daemon, which restores the table
    expect(again).toMatchObject({ id: adopted.id, name: 'legacy', pid, adopted: true, status: 'online' })
    // A graceful daemon stop leaves it running too (it is not OD's to stop), and it comes back.
    expect((await t.run(['daemon', 'stop'])).code).toBe(0)
    expect(alive(pid)).toBe(true)
    expect((await list())[0]).toMatchObject({ pid, status: 'online' })
    await json(['stop', 'legacy'])
    expect(alive(pid)).toBe(false)
  })

  it('adopt --restart-command: once the adopted process ends, the command runs as a managed app', async () => {
    const pid = await outsider()
    await json([
      'adopt',
      String(pid),
      '--name',
      'svc',
      '--restart-command',
      `${process.execPath} ${TESTAPP} --run-forever`,
    ])
    process.kill(t.daemonPid() as number, 'SIGKILL')
    process.kill(pid, 'SIGKILL')
    const managed = await until('the managed instance', async () => {
      const [p] = await list()
      return p?.status === 'online' && p.pid !== pid ? p : undefined
    })
    extraPids.push(managed.pid as number)
    expect(managed).toMatchObject({ name: 'svc', adopted: false })
  })
})
