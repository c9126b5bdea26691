import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempProject, type TempProject } from '../support/temp-project.js'

let p: TempProject
beforeEach(() => {
  p = tempProject()
})
afterEach(() => p.cleanup())

const issues = (list: readonly { path: string; message: string }[]): string[] =>
  list.map((i) => `${i.path}: ${i.message}`)

describe('PM2 ecosystem files', () => {
  it('maps PM2 options, applies the PM2 defaults profile and warns about the rest by name', async () => {
    p.write(
      'ecosystem.config.js',
      `module.exports = { apps: [{
        name: 'api', script: 'a.js', exec_mode: 'cluster', instances: -1, interpreter: 'node@18.0.0',
        node_args: '--max-old-space-size=100', source_map_support: true, max_memory_restart: '200M',
        exp_backoff_restart_delay: 100, stop_exit_codes: [0], out_file: 'out.log', cron_restart: '0 * * * *',
        pmx: true, windowsHide: true, frobnicate: 1, exec_mode_x: 1,
      }, { script: 'b.js', exec_mode: 'fork', instances: '0', source_map_support: true, node_args: ['--a'] },
         { script: 'c.js', exec_mode: 'weird', source_map_support: true }],
      deploy: { production: {} }, static: [], other: 1 }`,
    )
    const config = await p.load({ file: 'ecosystem.config.js' })
    expect(config.flavour).toBe('pm2')
    expect(config.apps[0]?.request).toMatchObject({
      killSignal: 'SIGINT',
      killTimeout: 1600,
      instances: Math.max(1, (await import('node:os')).availableParallelism() - 1),
      interpreterArgs: '--max-old-space-size=100 --enable-source-maps',
      maxMemory: '200M',
      expBackoffRestartDelay: 100,
    })
    expect(config.apps[0]?.request['outFile']).toMatch(/out\.log$/)
    expect(config.apps[0]?.request).not.toHaveProperty('interpreter')
    expect(config.apps[1]?.request).toMatchObject({
      instances: 'max',
      interpreterArgs: ['--a', '--enable-source-maps'],
    })
    expect(issues(config.errors)).toEqual(['apps[2].exec_mode: expected "fork" or "cluster"'])
    expect(issues(config.warnings)).toEqual([
      "deploy: is not supported and was ignored (PM2's SSH deploy (`pm2 deploy`) is not supported; see `od deploy` for local deployment strategies)",
      'static: is not supported and was ignored (`pm2 serve` entries are not supported)',
      'other: unknown top-level key, ignored',
      'apps[0].cron_restart: is not supported by this version of OpenDaemon yet and was ignored',
      'apps[0].pmx: is not supported by OpenDaemon and was ignored (OpenDaemon injects no agent into apps; use opendaemon-runtime for custom metrics)',
      'apps[0].frobnicate: unknown PM2 option, ignored',
      'apps[0].exec_mode_x: unknown PM2 option, ignored; did you mean "exec_mode"?',
      'apps[0].exec_mode: cluster mode is not available in this version yet; the instances run in fork mode',
      "apps[0].interpreter: nvm-managed versions are not supported; using the daemon's node (set an absolute path instead)",
    ])
  })

  it('runs a script with spaces through a shell and names the app after the whole line', async () => {
    p.write(
      'ecosystem.json',
      '{ "apps": [{ "script": "python3 -m http.server 8000" }, { "script": "exists now.js" }] }',
    )
    p.write('exists now.js', '')
    const config = await p.load()
    expect(config.apps[0]?.request).toMatchObject({ shell: true, name: 'python3--m-http.server-8000' })
    expect(config.apps[1]?.request).not.toHaveProperty('shell')
  })

  it('keeps an explicit name and an explicit shell setting', async () => {
    p.write(
      'ecosystem.json',
      '{ "apps": [{ "name": "srv", "script": "sleep 100" }, { "script": "sleep 5", "shell": false }, { "script": "%% $$" }] }',
    )
    const config = await p.load()
    expect(config.apps[0]?.request).toMatchObject({ name: 'srv', shell: true })
    expect(config.apps[1]?.request).toMatchObject({ shell: false })
    expect(config.apps[2]).toBeUndefined()
  })

  it('accepts the legacy pm2 key and a whole-file app', async () => {
    p.write('a.json', '{ "pm2": [{ "script": "legacy.js" }] }')
    p.write('b.json', '{ "script": "whole.js", "max_restarts": 2 }')
    expect((await p.load({ file: 'a.json' })).apps.map((a) => [a.name, a.request['killSignal']])).toEqual([
      ['legacy', 'SIGINT'],
    ])
    expect((await p.load({ file: 'b.json' })).apps[0]?.request).toMatchObject({
      name: 'whole',
      maxRestarts: 2,
    })
  })

  it('warns about ignored options and snake_case keys in OD files too, without the PM2 defaults', async () => {
    p.write(
      'opendaemon.config.json',
      '{ "apps": [{ "script": "a.js", "kill_retry_time": 100, "max_restarts": 2 }], "daemon": {} }',
    )
    const config = await p.load()
    expect(config.apps[0]?.request).toEqual({ name: 'a', script: 'a.js', cwd: p.dir, maxRestarts: 2 })
    expect(issues(config.warnings)).toEqual([
      'daemon: is not supported and was ignored (daemon settings of a project file are not applied yet; put them in $OD_HOME/config.json)',
      'apps[0].kill_retry_time: is not supported by OpenDaemon and was ignored (OpenDaemon detects exits immediately; not needed)',
    ])
  })
})

describe('GoPM ecosystem files', () => {
  it('maps command, args and Go-style durations and applies the GoPM defaults profile', async () => {
    p.write(
      'ecosystem.json',
      JSON.stringify({
        apps: [
          {
            name: 'web',
            command: '/usr/bin/python3',
            args: ['-m', 'http.server'],
            autorestart: 'on-failure',
            max_restarts: 5,
            min_uptime: '1m30s',
            exp_backoff: true,
            log_out: 'o.log',
          },
          { name: 'job', command: 'node', restart_delay: '2s' },
        ],
      }),
    )
    const config = await p.load()
    expect(config.flavour).toBe('gopm')
    expect(config.apps[0]?.request).toMatchObject({
      script: '/usr/bin/python3',
      args: ['-m', 'http.server'],
      autorestart: 'on-failure',
      maxRestarts: 5,
      minUptime: '1m30s',
      expBackoff: true,
      restartDelay: 1000,
      maxDelay: 30_000,
      killTimeout: 5000,
    })
    expect(config.apps[1]?.request).toMatchObject({ restartDelay: '2s', maxRestarts: 15, minUptime: 5000 })
    expect(config.apps[0]?.request['outFile']).toMatch(/o\.log$/)
    expect(issues(config.warnings)).toEqual([])
  })
})
