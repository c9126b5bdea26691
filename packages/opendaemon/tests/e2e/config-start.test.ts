import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { alive, CLI, type CliResult } from '../support/cli-run.js'
import { repoRoot } from '../support/repo.js'

const TESTAPP = join(repoRoot(), 'packages/plugins/process-manager/tests/fixtures/testapp.js')

interface Proc {
  name: string
  status: string
  pid: number | null
}

describe('od start <ecosystem file> with the built CLI', () => {
  let dir: string
  const run = (args: readonly string[]): Promise<CliResult> =>
    new Promise((resolve) => {
      // HOME is the test's directory, so the bin's code cache is written there on the first run and used
      // by the next ones: importing the JS config must work from the cache too.
      const env = { PATH: process.env['PATH'] ?? '', HOME: dir, OD_HOME: join(dir, 'h') }
      execFile(
        process.execPath,
        [CLI, ...args],
        { cwd: dir, env, timeout: 30_000 },
        (error, stdout, stderr) => {
          resolve({
            code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
            stdout,
            stderr,
          })
        },
      )
    })

  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(async () => {
    const list = await run(['list', '--json', '--no-daemon-start'])
    const pids = list.code === 0 ? (JSON.parse(list.stdout) as Proc[]).map((p) => p.pid) : []
    await run(['daemon', 'stop'])
    for (const pid of pids) if (pid !== null && alive(pid)) process.kill(pid, 'SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  it('starts the 3 apps of a PM2 ecosystem.config.js, all online, then deletes them all', async () => {
    writeFileSync(
      join(dir, 'ecosystem.config.js'),
      `module.exports = {
  apps: [
    { name: 'web', script: ${JSON.stringify(TESTAPP)}, args: '--run-forever', instances: 2, exec_mode: 'fork' },
    { name: 'worker', script: ${JSON.stringify(TESTAPP)}, args: ['--run-forever'], env_production: { MODE: 'prod' } },
    { name: 'cron', script: ${JSON.stringify(TESTAPP)}, args: '--run-forever', max_memory_restart: '200M', out_file: 'x.log' },
  ],
}
`,
    )
    const started = await run(['start', 'ecosystem.config.js', '--env', 'production', '--json'])
    expect(started.code, started.stderr).toBe(0)
    const procs = JSON.parse(started.stdout) as Proc[]
    expect(procs.map((p) => [p.name, p.status])).toEqual([
      ['web', 'online'],
      ['web', 'online'],
      ['worker', 'online'],
      ['cron', 'online'],
    ])
    // PM2's out_file is honoured (relative to the config's directory), not warned about.
    expect(started.stderr).not.toContain('out_file')
    const again = await run(['start', 'ecosystem.config.js', '-q'])
    expect(again).toMatchObject({ code: 0, stdout: '' })
    const list = JSON.parse((await run(['list', '--json'])).stdout) as Proc[]
    expect(list.map((p) => p.pid)).toEqual(procs.map((p) => p.pid))
    const deleted = await run(['delete', 'all', '--json'])
    expect(deleted.code, deleted.stderr).toBe(0)
    expect(JSON.parse((await run(['list', '--json'])).stdout)).toEqual([])
    for (const p of procs) expect(p.pid !== null && alive(p.pid)).toBe(false)
  })

  it('od validate exits 2 with every error and starts no daemon', async () => {
    writeFileSync(
      join(dir, 'ecosystem.json'),
      '{ "apps": [{ "script": "a.js", "instances": "x", }, { "script": "b.js", "max_restarts": -1 }] }',
    )
    const r = await run(['validate', '--json'])
    expect(r.code).toBe(2)
    const report = JSON.parse(r.stdout) as { errors: { path: string; line: number }[] }
    expect(report.errors.map((e) => e.path)).toEqual(['apps[0].instances', 'apps[1].max_restarts'])
    expect(existsSync(join(dir, 'h', 'daemon.pid'))).toBe(false)
  })
})
