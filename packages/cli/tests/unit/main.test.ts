import { describe, expect, it } from 'vitest'
import type { ClientLike } from '../../src/client-like.js'
import { defineCommand } from '../../src/define-command.js'
import { main } from '../../src/main.js'
import { fakeCommands } from '../support/fake-commands.js'
import { capture, fakeIo } from '../support/fake-io.js'

function setup(overrides: Parameters<typeof fakeIo>[0] = {}) {
  const { table, calls } = fakeCommands()
  const io = fakeIo({
    commands: { ...table, help: { load: () => import('../../src/commands/help.js') } },
    ...overrides,
  })
  return { io, calls }
}

describe('main', () => {
  it('runs a command with parsed arguments, global flags and the rest after --', async () => {
    const { io, calls } = setup()
    expect(await main(['start', 'app.js', '-n', 'api', '--', '--port', '3000'], io)).toBe(0)
    expect(calls).toEqual([
      {
        path: ['start'],
        args: {
          script: 'app.js',
          name: 'api',
          json: false,
          quiet: false,
          verbose: false,
          color: true,
          help: false,
          home: undefined,
          socket: undefined,
          timeout: undefined,
          daemonStart: true,
        },
        rest: ['--port', '3000'],
      },
    ])
  })

  it('resolves aliases and subcommands', async () => {
    const { io, calls } = setup()
    await main(['ls'], io)
    await main(['daemon', 'start'], io)
    expect(calls.map((c) => c.path)).toEqual([['list'], ['daemon', 'start']])
  })

  it('accepts global flags before the command', async () => {
    const { io, calls } = setup()
    expect(await main(['--json', '-qv', '--no-color', 'list'], io)).toBe(0)
    expect(calls[0]?.args).toMatchObject({ json: true, quiet: true, verbose: true, color: false })
  })

  it('accepts value flags such as --home <dir> before the command, and passes them on', async () => {
    const { io, calls } = setup()
    expect(
      await main(['--home', '/srv/od', '--no-daemon-start', '--timeout=5s', '--socket', '/s', 'list'], io),
    ).toBe(0)
    expect(calls[0]?.args).toMatchObject({ home: '/srv/od', socket: '/s', timeout: '5s', daemonStart: false })
  })

  it('exits 2 for a value flag without its value before the command', async () => {
    const { io } = setup()
    expect(await main(['--home'], io)).toBe(2)
    expect(io.stderr.text).toContain('Flag --home needs a value')
  })

  it('lists the commands when run without arguments, or with only --help', async () => {
    for (const argv of [[], ['--help'], ['-h'], ['--']]) {
      const { io } = setup()
      expect(await main(argv, io)).toBe(0)
      expect(io.stdout.text).toContain('\nCommands\n')
    }
  })

  it('shows command help for --help anywhere, even with other problems', async () => {
    const { io, calls } = setup()
    expect(await main(['start', '--bogus', '--help'], io)).toBe(0)
    expect(io.stdout.text.startsWith('od start - Start a script\n')).toBe(true)
    expect(calls).toEqual([])
    const global = setup()
    expect(await main(['-h', 'start'], global.io)).toBe(0)
    expect(global.io.stdout.text.startsWith('od start - Start a script\n')).toBe(true)
  })

  it('shows command help as JSON with --help --json', async () => {
    const { io } = setup()
    expect(await main(['start', '--help', '--json'], io)).toBe(0)
    expect(JSON.parse(io.stdout.text)).toMatchObject({ name: 'start', path: 'start' })
  })

  it('exits 2 for an unknown command, with a suggestion', async () => {
    const { io } = setup()
    expect(await main(['lsit'], io)).toBe(2)
    expect(io.stderr.text).toBe(
      'error: Unknown command "lsit". Did you mean "list"? Run `od help` to see all commands.\n',
    )
    expect(io.stdout.text).toBe('')
  })

  it('exits 2 for an unknown flag before the command', async () => {
    const { io } = setup()
    expect(await main(['--jsn', 'list'], io)).toBe(2)
    expect(io.stderr.text).toBe('error: Unknown flag --jsn. Did you mean --json? Run `od help` for usage.\n')
  })

  it('exits 2 with the first problem of the command line and where to get help', async () => {
    const { io, calls } = setup()
    expect(await main(['start', '--nmae', 'x'], io)).toBe(2)
    expect(io.stderr.text).toBe(
      'error: Unknown flag --nmae. Did you mean --name? Run `od help start` for usage.\n',
    )
    expect(calls).toEqual([])
  })

  it('exits 2 when a command that only has subcommands gets none', async () => {
    const { io } = setup()
    expect(await main(['daemon'], io)).toBe(2)
    expect(io.stderr.text).toBe('error: "od daemon" needs a subcommand: start, stop. Run `od help daemon`.\n')
  })

  it('exits 2 for a command with neither run nor subcommands', async () => {
    const empty = defineCommand({ name: 'empty', description: 'Nothing' })
    const io = fakeIo({ commands: { empty: { load: () => Promise.resolve({ default: empty }) } } })
    expect(await main(['empty'], io)).toBe(2)
    expect(io.stderr.text).toBe('error: "od empty" has nothing to run. Run `od help empty`.\n')
  })

  it('reports usage errors as JSON on stdout with --json, and nothing on stderr', async () => {
    const { io } = setup()
    expect(await main(['lsit', '--json'], io)).toBe(2)
    expect(JSON.parse(io.stdout.text)).toEqual({
      error: {
        code: 'OD_USAGE',
        rpc: null,
        message: expect.stringContaining('Unknown command "lsit"') as unknown,
        data: {},
      },
    })
    expect(io.stderr.text).toBe('')
  })

  it('exits with the exit code of a coded error (DaemonError)', async () => {
    const { io } = setup()
    expect(await main(['fail', '--kind', 'coded'], io)).toBe(3)
    expect(io.stderr.text).toBe('error: daemon gone\n')
  })

  it('reports an unexpected error with exit 1, and its stack with -v', async () => {
    const { io } = setup()
    expect(await main(['fail', '--kind', 'plain'], io)).toBe(1)
    expect(io.stderr.text).toBe('error: Unexpected error: boom\n')
    const verbose = setup()
    expect(await main(['fail', '--kind=plain', '-v'], verbose.io)).toBe(1)
    expect(verbose.io.stderr.text).toMatch(/^error: Unexpected error: boom\ndebug: Error: boom\n {4}at /)
    expect(verbose.io.stderr.text).toMatch(/\ncode: OD_INTERNAL \(rpc -32603, exit 1\)\n$/)
    const json = setup()
    expect(await main(['fail', '--kind', 'string', '--json'], json.io)).toBe(1)
    expect(JSON.parse(json.io.stdout.text)).toEqual({
      error: { code: 'OD_INTERNAL', rpc: -32603, message: 'a string', data: {} },
    })
  })

  it('fails with exit 3 when a command needs the daemon and no client is wired', async () => {
    const { io } = setup()
    expect(await main(['fail', '--kind', 'client'], io)).toBe(3)
    expect(io.stderr.text).toBe('error: This build of the CLI has no daemon client wired in.\n')
  })

  it('hands commands the injected client, env, cwd, runtime and a TTY flag', async () => {
    const client: ClientLike = { call: () => Promise.resolve('pong'), close: () => Promise.resolve() }
    let seen: unknown
    const probe = defineCommand({
      name: 'probe',
      description: 'Probe',
      async run(ctx) {
        seen = {
          result: await (await ctx.client()).call('daemon.ping'),
          env: ctx.env,
          cwd: ctx.cwd,
          isTTY: ctx.isTTY,
          execPath: ctx.runtime.execPath,
          commands: Object.keys(ctx.commands),
        }
        return 7
      },
    })
    const io = fakeIo({
      stdout: capture({ isTTY: true }),
      env: { A: '1' },
      cwd: '/srv',
      connect: () => Promise.resolve(client),
      commands: { probe: { load: () => Promise.resolve({ default: probe }) } },
    })
    expect(await main(['probe'], io)).toBe(7)
    expect(seen).toEqual({
      result: 'pong',
      env: { A: '1' },
      cwd: '/srv',
      isTTY: true,
      execPath: '/usr/bin/node',
      commands: ['probe'],
    })
  })

  it('refuses a command that redeclares a global flag or short flag', async () => {
    for (const name of ['clash', 'short-clash']) {
      const { io } = setup()
      expect(await main([name], io)).toBe(1)
      expect(io.stderr.text).toMatch(/^error: Unexpected error: Command ".+" redeclares the global flag/)
    }
  })

  it('uses injected timers for spinners', async () => {
    const scheduled: number[] = []
    const spin = defineCommand({
      name: 'spin',
      description: 'Spin',
      run({ out }) {
        out.spinner().start('x')
        return 0
      },
    })
    const io = fakeIo({
      stderr: capture({ isTTY: true }),
      timers: { setTimeout: (_fn, ms) => scheduled.push(ms), clearTimeout: () => undefined },
      commands: { spin: { load: () => Promise.resolve({ default: spin }) } },
    })
    expect(await main(['spin'], io)).toBe(0)
    expect(scheduled).toEqual([80])
  })

  it('uses the built-in commands when none are injected', async () => {
    const io = fakeIo()
    expect(await main(['version'], io)).toBe(0)
    expect(io.stdout.text).toMatch(/^opendaemon \d+\.\d+\.\d+/)
  })
})
