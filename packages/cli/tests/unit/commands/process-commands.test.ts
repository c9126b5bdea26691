import type { ProcessDetail, ProcessInfo } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import type { CommandTable } from '../../../src/command-table.js'
import { main } from '../../../src/main.js'
import { fakeClient } from '../../support/fake-client.js'
import { fakeIo } from '../../support/fake-io.js'

const commands = {
  start: { load: () => import('../../../src/commands/start.js') },
  stop: { load: () => import('../../../src/commands/stop.js') },
  restart: { load: () => import('../../../src/commands/restart.js') },
  reset: { load: () => import('../../../src/commands/reset.js') },
  delete: { load: () => import('../../../src/commands/delete.js'), aliases: ['del', 'rm'] },
  list: { load: () => import('../../../src/commands/list.js'), aliases: ['ls', 'l', 'ps'] },
  info: { load: () => import('../../../src/commands/info.js'), aliases: ['describe', 'desc', 'show'] },
  isrunning: { load: () => import('../../../src/commands/isrunning.js') },
  save: { load: () => import('../../../src/commands/save.js'), aliases: ['dump'] },
  resurrect: { load: () => import('../../../src/commands/resurrect.js') },
  adopt: { load: () => import('../../../src/commands/adopt.js') },
} satisfies CommandTable

function proc(over: Partial<ProcessInfo> = {}): ProcessInfo {
  return {
    id: 0,
    name: 'api',
    namespace: 'default',
    tags: [],
    instance: 0,
    instances: 1,
    mode: 'fork',
    status: 'online',
    pid: 4242,
    pgid: 4242,
    startedAt: 1,
    uptimeMs: 65_000,
    restarts: 2,
    unstableRestarts: 0,
    nextRestartAt: null,
    exitCode: null,
    signal: null,
    lastExit: null,
    script: '/srv/api.js',
    interpreter: 'node',
    args: [],
    cwd: '/srv',
    autorestart: 'always',
    adopted: false,
    createdAt: 1,
    memory: 25 * 1024 * 1024,
    cpu: 0.5,
    error: null,
    ...over,
  }
}

function detail(over: Partial<ProcessDetail> = {}): ProcessDetail {
  return {
    ...proc(),
    desired: 'online',
    pidStartTime: 5,
    onlineAt: 2,
    interpreterArgs: ['--inspect'],
    envKeys: ['PORT'],
    killSignal: 'SIGTERM',
    killTimeoutMs: 5000,
    maxMemoryBytes: null,
    waitReady: false,
    readyPattern: null,
    listenTimeoutMs: 3000,
    restartPolicy: {
      autorestart: 'always',
      stopExitCodes: [],
      maxRestarts: 16,
      minUptimeMs: 1000,
      restartDelayMs: 0,
      backoff: 'fixed',
      maxDelayMs: 30_000,
      backoffFactor: 2,
      jitter: 0,
    },
    logs: { out: '/h/logs/api-out.log', err: '/h/logs/api-err.log' },
    history: [],
    dependencies: [],
    dependents: [],
    ...over,
  }
}

async function run(argv: string[], answers: Record<string, unknown>) {
  const client = fakeClient(answers)
  const io = fakeIo({ commands, connect: () => Promise.resolve(client), cwd: '/work' })
  const code = await main(argv, io)
  return { code, client, out: io.stdout.text, err: io.stderr.text }
}

describe('od start', () => {
  it('sends only the given flags, env pairs, tags and program args', async () => {
    const r = await run(
      [
        'start',
        'app/server.js',
        '-n',
        'api',
        '-i',
        '2',
        '--env',
        'PORT=3000',
        '--env',
        'A=b=c',
        '--tag',
        'web',
        '--exp-backoff',
        '--max-restarts',
        '3',
        '--stop-exit-codes',
        '0, 3',
        '--max-memory',
        '512M',
        '--json',
        '--',
        '--port',
        '80',
      ],
      { 'process.start': [proc()] },
    )
    expect(r.code).toBe(0)
    expect(r.client.calls[0]).toEqual({
      method: 'process.start',
      params: {
        script: '/work/app/server.js',
        cwd: '/work',
        name: 'api',
        instances: '2',
        args: ['--port', '80'],
        env: { PORT: '3000', A: 'b=c' },
        stopExitCodes: [0, 3],
        expBackoff: true,
        maxRestarts: 3,
        maxMemory: '512M',
        tags: ['web'],
      },
    })
    expect(JSON.parse(r.out)).toEqual([proc()])
  })

  it('keeps a bare command name for a PATH lookup and resolves --cwd', async () => {
    const r = await run(['start', 'redis-server', '--cwd', 'data'], { 'process.start': [proc()] })
    expect(r.client.calls[0]?.params).toEqual({ script: 'redis-server', cwd: '/work/data' })
    expect(r.out).toContain('api')
  })

  it.each([
    [['--env', 'NOPE'], '--env NOPE'],
    [['--stop-exit-codes', 'x'], '--stop-exit-codes x'],
  ])('rejects bad input %j with exit 2', async (flags, message) => {
    const r = await run(['start', 'a.js', ...flags], {})
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
    expect(r.client.calls).toEqual([])
  })
})

describe('od start failures', () => {
  it('exits 1 and names every instance that ended errored', async () => {
    const r = await run(['start', 'a.js'], {
      'process.start': [
        proc({ status: 'errored', error: { code: 'OD_SPAWN_FAILED', message: 'Could not start a.js' } }),
        proc({ id: 1, status: 'errored' }),
      ],
    })
    expect(r.code).toBe(1)
    expect(r.err).toContain('api (id 0) failed to start: Could not start a.js')
    expect(r.err).toContain('api (id 1) failed to start: errored')
  })
})

describe('selector commands', () => {
  it.each([
    ['stop', 'process.stop'],
    ['restart', 'process.restart'],
    ['reset', 'process.reset'],
  ])('od %s sends the selector and prints the result as JSON', async (cmd, method) => {
    const r = await run(
      [cmd, '3', '--namespace', 'prod', '--tag', 'a', '--tag-all', 'b', '--all', '--json'],
      {
        [method]: [proc({ id: 3 })],
      },
    )
    expect(r.code).toBe(0)
    expect(r.client.calls[0]).toEqual({
      method,
      params: { target: 3, namespace: 'prod', tags: ['a'], tagsAll: ['b'], all: true },
    })
    expect(JSON.parse(r.out)[0].id).toBe(3)
  })

  it('od restart --cascade asks for the dependents too', async () => {
    const r = await run(['restart', 'db', '--cascade', '--json'], {
      'process.restart': [proc({ name: 'db' })],
    })
    expect(r.code).toBe(0)
    expect(r.client.calls[0]).toEqual({ method: 'process.restart', params: { target: 'db', cascade: true } })
  })

  it('a command without any selector is a usage error', async () => {
    const r = await run(['stop'], {})
    expect(r.code).toBe(2)
    expect(r.err).toContain('od stop needs a process')
  })

  it('od delete prints one line per deleted instance, or JSON', async () => {
    const answer = { 'process.delete': [{ id: 0, name: 'api', deleted: true }] }
    const text = await run(['rm', 'api'], answer)
    expect(text.out).toContain('deleted api (id 0)')
    const json = await run(['delete', 'api', '--json'], answer)
    expect(JSON.parse(json.out)).toEqual([{ id: 0, name: 'api', deleted: true }])
  })
})

describe('od list', () => {
  it('draws the table with status, pid, cpu, mem, restarts and uptime', async () => {
    const r = await run(['ls'], {
      'process.list': [
        proc(),
        proc({ id: 1, name: 'w', status: 'stopped', pid: null, memory: null, cpu: null }),
        proc({ id: 2, name: 'x', status: 'errored' }),
        proc({ id: 3, name: 'y', status: 'starting' }),
      ],
    })
    expect(r.code).toBe(0)
    for (const text of [
      'api',
      '4242',
      '0.5%',
      '25',
      '1m 5s',
      'stopped',
      'errored',
      'starting',
      'mem',
      'uptime',
    ]) {
      expect(r.out).toContain(text)
    }
    expect(r.client.calls[0]?.params).toEqual({})
  })

  it('passes the filters and prints JSON', async () => {
    const r = await run(['list', '--namespace', 'prod', '--tag', 'web', '--json'], {
      'process.list': [proc()],
    })
    expect(r.client.calls[0]?.params).toEqual({ namespace: 'prod', tags: ['web'] })
    expect(JSON.parse(r.out)).toEqual([proc()])
  })

  it('says how to start a process when there is none', async () => {
    const r = await run(['list'], { 'process.list': [] })
    expect(r.out).toContain('no processes; start one with `od start app.js`')
  })
})

describe('od info', () => {
  it('prints key/value rows per instance without env values', async () => {
    const r = await run(['describe', '0'], {
      'process.info': [
        detail(),
        detail({
          id: 1,
          instance: 1,
          status: 'errored',
          pid: null,
          memory: null,
          error: { code: 'OD_X', message: 'boom' },
          lastExit: { code: null, signal: 'SIGKILL', at: 1, uptimeMs: 1, reason: 'crash' },
        }),
      ],
    })
    expect(r.code).toBe(0)
    expect(r.client.calls[0]?.params).toEqual({ target: 0 })
    for (const text of [
      '/h/logs/api-out.log',
      'PORT',
      'node --inspect',
      'OD_X: boom',
      'SIGKILL (crash)',
      '1 of 1',
    ]) {
      expect(r.out).toContain(text)
    }
  })

  it('prints ProcessDetail[] as JSON', async () => {
    const r = await run(['info', 'api', '--json'], { 'process.info': [detail()] })
    expect(r.client.calls[0]?.params).toEqual({ target: 'api' })
    expect(JSON.parse(r.out)).toEqual([detail()])
  })

  it('shows dependencies with non-default conditions, and dependents', async () => {
    const dependencies = [
      { name: 'db', condition: 'online' as const },
      { name: 'migrate', condition: 'completed' as const },
    ]
    const r = await run(['info', 'api', '--no-color'], {
      'process.info': [detail({ dependencies, dependents: ['gateway', 'worker'] })],
    })
    expect(r.out).toMatch(/dependencies\s+│ db, migrate \(completed\)/)
    expect(r.out).toMatch(/dependents\s+│ gateway, worker/)
  })

  it('shows "-" for no dependencies, also from a daemon that predates them', async () => {
    const old = { ...detail() } as Partial<ProcessDetail>
    delete old.dependencies
    delete old.dependents
    const r = await run(['info', 'api', '--no-color'], { 'process.info': [old, detail()] })
    expect(r.out).toMatch(/dependencies\s+│ -/)
    expect(r.out).toMatch(/dependents\s+│ -/)
  })

  it('shows an exit code when the last run exited on its own', async () => {
    const lastExit = { code: 1, signal: null, at: 1, uptimeMs: 1, reason: 'crash' as const }
    const r = await run(['info', 'api'], { 'process.info': [detail({ lastExit })] })
    expect(r.out).toContain('code 1 (crash)')
  })
})

describe('od isrunning', () => {
  it('exits 0 when every instance is online', async () => {
    const r = await run(['isrunning', 'api'], { 'process.info': [detail(), detail({ id: 1 })] })
    expect(r.code).toBe(0)
    expect(r.out).toBe('api is running (2/2 online)\n')
  })

  it('exits 1 when one is down, 0 with --any', async () => {
    const answers = { 'process.info': [detail(), detail({ id: 1, status: 'stopped', pid: null })] }
    const strict = await run(['isrunning', 'api'], answers)
    expect(strict.code).toBe(1)
    expect(strict.out).toBe('api is not running (1/2 online: online, stopped)\n')
    expect((await run(['isrunning', '0', '--any'], answers)).code).toBe(0)
  })

  it('an unknown app is not running, as JSON too', async () => {
    const notFound = () => {
      throw Object.assign(new Error('no'), { code: 'OD_PROCESS_NOT_FOUND' })
    }
    const r = await run(['isrunning', 'ghost', '--json'], { 'process.info': notFound })
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out)).toEqual({
      name: 'ghost',
      running: false,
      status: 'unknown',
      pid: null,
      instances: [],
    })
    const text = await run(['isrunning', 'ghost'], { 'process.info': notFound })
    expect(text.out).toBe('ghost is not running (0/0 online: unknown)\n')
  })

  it('reports JSON for a running app', async () => {
    const r = await run(['isrunning', 'api', '--json'], { 'process.info': [detail()] })
    expect(JSON.parse(r.out)).toEqual({
      name: 'api',
      running: true,
      status: 'online',
      pid: 4242,
      instances: [{ id: 0, status: 'online', pid: 4242 }],
    })
  })

  it('never starts a daemon: with none running the app is not running (exit 1)', async () => {
    const requests: unknown[] = []
    const io = fakeIo({
      commands,
      cwd: '/work',
      connect: (request) => {
        requests.push(request)
        return Promise.reject(Object.assign(new Error('not running'), { code: 'OD_DAEMON_NOT_RUNNING' }))
      },
    })
    expect(await main(['isrunning', 'api'], io)).toBe(1)
    expect(io.stdout.text).toBe('api is not running (0/0 online: unknown)\n')
    expect(requests).toEqual([expect.objectContaining({ autoStart: false })])
  })

  it('other failures propagate', async () => {
    const r = await run(['isrunning', 'api'], {
      'process.info': () => {
        throw Object.assign(new Error('daemon gone'), { code: 'OD_DAEMON_UNREACHABLE', exitCode: 3 })
      },
    })
    expect(r.code).toBe(3)
  })
})

describe('od save / od resurrect', () => {
  it('saves, with --force when asked', async () => {
    const r = await run(['save'], { 'process.save': { file: '/h/dump.json', apps: 2 } })
    expect(r.out).toContain('saved 2 apps to /h/dump.json')
    expect(r.client.calls[0]?.params).toEqual({})
    const one = await run(['dump', '--force', '--json'], {
      'process.save': { file: '/h/dump.json', apps: 1 },
    })
    expect(one.client.calls[0]?.params).toEqual({ force: true })
    expect(JSON.parse(one.out)).toEqual({ file: '/h/dump.json', apps: 1 })
    const single = await run(['save'], { 'process.save': { file: '/h/dump.json', apps: 1 } })
    expect(single.out).toContain('saved 1 app to')
  })

  it('resurrects and lists what started and what was skipped', async () => {
    const answer = { 'process.resurrect': { started: [proc()], skipped: ['worker'] } }
    const r = await run(['resurrect'], answer)
    expect(r.out).toContain('already in the process list: worker')
    expect(r.out).toContain('api')
    const json = await run(['resurrect', '--json'], answer)
    expect(JSON.parse(json.out)).toEqual({ started: [proc()], skipped: ['worker'] })
    const none = await run(['resurrect'], { 'process.resurrect': { started: [], skipped: [] } })
    expect(none.out).toContain('no processes')
  })
})

describe('od adopt', () => {
  it('sends the pid and options, prints the adopted process', async () => {
    const adopted = proc({ adopted: true, name: 'legacy' })
    const r = await run(
      [
        'adopt',
        '4242',
        '-n',
        'legacy',
        '--namespace',
        'ops',
        '--tag',
        'old',
        '--kill-signal',
        'SIGINT',
        '--kill-timeout',
        '2s',
        '--group-kill',
      ],
      { 'process.adopt': adopted },
    )
    expect(r.code).toBe(0)
    expect(r.client.calls[0]).toEqual({
      method: 'process.adopt',
      params: {
        pid: 4242,
        name: 'legacy',
        namespace: 'ops',
        tags: ['old'],
        killSignal: 'SIGINT',
        killTimeout: '2s',
        groupKill: true,
      },
    })
    expect(r.out).toContain('legacy')
    const json = await run(['adopt', '7', '--json'], { 'process.adopt': adopted })
    expect(json.client.calls[0]?.params).toEqual({ pid: 7 })
    expect(JSON.parse(json.out)).toEqual(adopted)
  })

  it('a pid that is not a number is a usage error', async () => {
    const r = await run(['adopt', 'abc'], {})
    expect(r.code).toBe(2)
    expect(r.client.calls).toEqual([])
  })
})
