// od env, od signal, od reset (--hard), od adopt --restart-command and od start --no-autorestart,
// against a fake client: what each sends, prints and exits with.
import type { ProcessEnvResult, ProcessInfo } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import type { CommandTable } from '../../../src/command-table.js'
import { main } from '../../../src/main.js'
import { fakeClient } from '../../support/fake-client.js'
import { fakeIo } from '../../support/fake-io.js'

const commands = {
  env: { load: () => import('../../../src/commands/env.js') },
  signal: { load: () => import('../../../src/commands/signal.js'), aliases: ['sendSignal'] },
  reset: { load: () => import('../../../src/commands/reset.js') },
  adopt: { load: () => import('../../../src/commands/adopt.js') },
  start: { load: () => import('../../../src/commands/start.js') },
} satisfies CommandTable

async function run(argv: string[], answers: Record<string, unknown>) {
  const client = fakeClient(answers)
  const io = fakeIo({ commands, connect: () => Promise.resolve(client), cwd: '/work' })
  const code = await main(argv, io)
  return { code, client, out: io.stdout.text, err: io.stderr.text }
}

function envResult(over: Partial<ProcessEnvResult> = {}): ProcessEnvResult {
  return {
    id: 3,
    name: 'api',
    instance: 0,
    running: true,
    env: { API_TOKEN: '••••••', PATH: '/usr/bin', PORT: '80' },
    secrets: [],
    masked: ['API_TOKEN'],
    ...over,
  }
}

describe('od env', () => {
  it('prints KEY=VALUE lines and a hint about masked values; ids are sent as numbers', async () => {
    const r = await run(['env', '3'], { 'process.env': envResult() })
    expect(r.code).toBe(0)
    expect(r.client.calls).toEqual([{ method: 'process.env', params: { target: 3 } }])
    expect(r.out).toBe(
      'API_TOKEN=••••••\nPATH=/usr/bin\nPORT=80\n1 secret-looking values masked; --show-plain shows them\n',
    )
  })

  it('marks a stopped instance with a "# not running" header; --show-plain is sent', async () => {
    const r = await run(['env', 'api:1', '--show-plain'], {
      'process.env': envResult({ running: false, masked: [], env: { A: '1' } }),
    })
    expect(r.client.calls[0]?.params).toEqual({ target: 'api:1', showPlain: true })
    expect(r.out).toBe('# not running\nA=1\n')
  })

  it('-q still prints the variables, without the header and the hint', async () => {
    const r = await run(['env', 'api', '-q'], { 'process.env': envResult({ running: false }) })
    expect(r.out).toBe('API_TOKEN=••••••\nPATH=/usr/bin\nPORT=80\n')
  })

  it('--json prints the result document', async () => {
    const r = await run(['env', 'api', '--json'], { 'process.env': envResult() })
    expect(JSON.parse(r.out)).toEqual(envResult())
  })

  it('needs a target (exit 2, nothing sent)', async () => {
    const r = await run(['env'], {})
    expect(r.code).toBe(2)
    expect(r.client.calls).toEqual([])
  })
})

describe('od signal', () => {
  const sent = [{ id: 0, pid: 4521, signal: 'SIGUSR2', sent: true }]

  it('normalizes the signal, sends the selector and prints one line per process', async () => {
    const r = await run(['signal', 'usr2', 'api'], { 'process.signal': sent })
    expect(r.code).toBe(0)
    expect(r.client.calls).toEqual([
      { method: 'process.signal', params: { target: 'api', signal: 'SIGUSR2' } },
    ])
    expect(r.out).toContain('sent SIGUSR2 to id 0 (pid 4521)')
  })

  it('sendSignal (PM2) takes a number, --group, --tag and --all; --json prints the result', async () => {
    const r = await run(['sendSignal', '12', '--tag', 'web', '--all', '--group', '--json'], {
      'process.signal': sent,
    })
    expect(r.client.calls[0]?.params).toEqual({ tags: ['web'], all: true, signal: 'SIGUSR2', group: true })
    expect(JSON.parse(r.out)).toEqual(sent)
  })

  it('an unknown signal is OD_INVALID_SIGNAL, exit 2, before the daemon is contacted', async () => {
    const r = await run(['signal', 'SIGFOO', 'api', '--json'], { 'process.signal': sent })
    expect(r.code).toBe(2)
    expect(JSON.parse(r.out).error).toMatchObject({ code: 'OD_INVALID_SIGNAL', rpc: 5014 })
    expect(r.client.calls).toEqual([])
  })

  it('warns about a process that ended before the signal, and exits 1 when none runs', async () => {
    const late = await run(['signal', 'HUP', 'api'], {
      'process.signal': [{ id: 0, pid: 7, signal: 'SIGHUP', sent: false }],
    })
    expect(late.code).toBe(0)
    expect(late.err).toContain('id 0 (pid 7) ended before SIGHUP reached it')
    const none = await run(['signal', 'HUP', 'api'], { 'process.signal': [] })
    expect(none.code).toBe(1)
    expect(none.err).toContain('no selected process is running, so SIGHUP was not sent')
  })

  it('needs a selector after the signal', async () => {
    const r = await run(['signal', 'HUP'], {})
    expect(r.code).toBe(2)
    expect(r.err).toContain('od signal needs a process')
  })
})

describe('od reset', () => {
  it('without --hard sends the selector and prints the processes', async () => {
    const r = await run(['reset', 'api', '--json'], { 'process.reset': [] as ProcessInfo[] })
    expect(r.client.calls).toEqual([{ method: 'process.reset', params: { target: 'api' } }])
    expect(JSON.parse(r.out)).toEqual([])
  })

  it('--hard --confirm RESET resets everything', async () => {
    const json = await run(['reset', '--hard', '--confirm', 'RESET', '--json'], {
      'process.reset': { reset: true, deleted: 12 },
    })
    expect(json.client.calls).toEqual([{ method: 'process.reset', params: { hard: true, confirm: 'RESET' } }])
    expect(JSON.parse(json.out)).toEqual({ reset: true, deleted: 12 })
    const text = await run(['reset', '--hard', '--confirm=RESET'], {
      'process.reset': { reset: true, deleted: 2 },
    })
    expect(text.out).toContain('reset: deleted 2 processes; ids start at 0 again')
  })

  it.each([[[]], [['--confirm', 'reset']], [['--confirm', 'yes']]])(
    '--hard %j without the exact confirmation: OD_CONFIRM_REQUIRED, exit 2, nothing sent',
    async (flags) => {
      const r = await run(['reset', '--hard', ...flags], {})
      expect(r.code).toBe(2)
      expect(r.err).toContain('od reset --hard cannot be undone, so it needs --confirm RESET exactly')
      expect(r.client.calls).toEqual([])
    },
  )

  it.each([
    [['reset', '--hard', 'api', '--confirm', 'RESET'], 'it takes no selector'],
    [['reset', '--hard', '--tag', 'x', '--confirm', 'RESET'], 'it takes no selector'],
    [['reset', 'api', '--confirm', 'RESET'], '--confirm only goes with --hard'],
  ])('%j is a usage error', async (argv, message) => {
    const r = await run(argv, {})
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
    expect(r.client.calls).toEqual([])
  })
})

describe('od adopt --restart-command', () => {
  const adopted = { id: 0, name: 'svc', pid: 4242, status: 'online' } as ProcessInfo

  it('sends the command and its working directory (resolved against the caller)', async () => {
    const r = await run(['adopt', '4242', '--restart-command', 'node server.js', '--cwd', 'srv', '--json'], {
      'process.adopt': adopted,
    })
    expect(r.client.calls[0]?.params).toEqual({
      pid: 4242,
      restartCommand: 'node server.js',
      cwd: '/work/srv',
    })
    const alias = await run(['adopt', '4242', '--cmd', './run.sh', '--json'], { 'process.adopt': adopted })
    expect(alias.client.calls[0]?.params).toEqual({ pid: 4242, restartCommand: './run.sh', cwd: '/work' })
  })

  it.each([
    [['--cmd', 'a', '--restart-command', 'b'], '--cmd is an alias of --restart-command'],
    [['--cwd', '/srv'], '--cwd is the directory of the restart command'],
  ])('%j is a usage error', async (flags, message) => {
    const r = await run(['adopt', '4242', ...flags], {})
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })
})

describe('od start --no-autorestart', () => {
  it('sends autorestart never (also together with --autorestart never)', async () => {
    for (const flags of [['--no-autorestart'], ['--no-autorestart', '--autorestart', 'never']]) {
      const r = await run(['start', 'job.js', ...flags, '--json'], { 'process.start': [] })
      expect(r.client.calls[0]?.params).toEqual({ script: 'job.js', cwd: '/work', autorestart: 'never' })
    }
  })

  it('refuses --no-autorestart with another --autorestart mode', async () => {
    const r = await run(['start', 'job.js', '--no-autorestart', '--autorestart', 'always'], {})
    expect(r.code).toBe(2)
    expect(r.err).toContain('--no-autorestart contradicts --autorestart always')
    expect(r.client.calls).toEqual([])
  })
})
