import { describe, expect, it, vi } from 'vitest'
import type { ClientLike, ConnectRequest } from '../../src/client-like.js'
import { prepareContext } from '../../src/command-context.js'
import { createOutput } from '../../src/output.js'
import { globalArgs } from '../../src/parser/global-flags.js'
import { parseArgs } from '../../src/parser/parse-args.js'
import { capture, fakeIo } from '../support/fake-io.js'

function context(argv: string[], io = fakeIo(), mode: Partial<{ json: boolean; quiet: boolean }> = {}) {
  const out = createOutput({
    stdout: io.stdout,
    stderr: io.stderr,
    env: {},
    mode: { json: false, quiet: false, verbose: false, color: false, ...mode },
  })
  const { values } = parseArgs(argv, globalArgs)
  return prepareContext({ io, out, table: {}, path: ['x'], values, rest: [] })
}

function recordingConnect(client: Partial<ClientLike> = {}) {
  const requests: ConnectRequest[] = []
  const close = vi.fn(() => Promise.resolve())
  const connect = (request: ConnectRequest): Promise<ClientLike> => {
    requests.push(request)
    return Promise.resolve({ call: () => Promise.resolve(null), close, ...client })
  }
  return { connect, requests, close }
}

describe('prepareContext', () => {
  it('resolves paths from the environment, or from --home and --socket', () => {
    const io = fakeIo({ env: { OD_HOME: '/srv/od' } })
    expect(context([], io).ctx.paths().socketPath).toBe('/srv/od/od.sock')
    const flagged = context(['--home', 'rel/od', '--socket', '/run/x.sock'], fakeIo({ cwd: '/work' }))
    expect(flagged.ctx.paths()).toMatchObject({ home: '/work/rel/od', socketPath: '/run/x.sock' })
    expect(context([]).ctx.paths().home).toBe('/home/ada/.opendaemon')
  })

  it('connects once, with auto-start, the runtime and the parsed --timeout', async () => {
    const { connect, requests } = recordingConnect()
    const io = fakeIo({ connect, env: { OD_SOCKET: '' } })
    const { ctx } = context(['--timeout', '1m'], io)
    const [a, b] = await Promise.all([ctx.client(), ctx.client()])
    expect(a).toBe(b)
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({
      timeoutMs: 60_000,
      autoStart: true,
      socket: undefined,
      daemonEntry: '/opt/opendaemon/dist/daemon.js',
      execPath: '/usr/bin/node',
    })
  })

  it('turns auto-start off on request, with --no-daemon-start and with OD_NO_AUTOSTART=1', async () => {
    const cases: [string[], Record<string, string>, boolean | undefined][] = [
      [[], {}, false],
      [['--no-daemon-start'], {}, undefined],
      [[], { OD_NO_AUTOSTART: '1' }, undefined],
    ]
    for (const [argv, env, autoStart] of cases) {
      const { connect, requests } = recordingConnect()
      const { ctx } = context(argv, fakeIo({ connect, env }))
      await ctx.client(autoStart === undefined ? undefined : { autoStart })
      expect(requests[0]?.autoStart).toBe(false)
    }
  })

  it('passes the chosen socket on to a daemon it starts', async () => {
    const { connect, requests } = recordingConnect()
    await context([], fakeIo({ connect, env: { OD_SOCKET: '/run/od.sock' } })).ctx.client()
    expect(requests[0]?.socket).toBe('/run/od.sock')
  })

  it('rejects a malformed --timeout with OD_INVALID_DURATION', () => {
    expect(() => context(['--timeout', 'soon'])).toThrow(
      expect.objectContaining({ code: 'OD_INVALID_DURATION' }),
    )
  })

  it('announces a daemon it started on a terminal, unless quiet or JSON', async () => {
    for (const [tty, mode, expected] of [
      [true, {}, 'Started the OpenDaemon daemon (pid 9).\n'],
      [false, {}, ''],
      [true, { quiet: true }, ''],
      [true, { json: true }, ''],
    ] as const) {
      const io = fakeIo({
        stderr: capture({ isTTY: tty }),
        connect: (request) => {
          request.onStarted(9)
          return Promise.resolve({ call: () => Promise.resolve(), close: () => Promise.resolve() })
        },
      })
      await context([], io, mode).ctx.client()
      expect(io.stderr.text).toBe(expected)
    }
    const io = fakeIo({
      stderr: capture({ isTTY: true }),
      connect: (request) => {
        request.onStarted(null)
        return Promise.resolve({ call: () => Promise.resolve(), close: () => Promise.resolve() })
      },
    })
    await context([], io).ctx.client()
    expect(io.stderr.text).toBe('Started the OpenDaemon daemon.\n')
  })

  it('warns once when the daemon runs another version', async () => {
    const { connect } = recordingConnect({ daemon: { pid: 1, version: '0.0.1' } })
    const io = fakeIo({ connect })
    await context([], io).ctx.client()
    expect(io.stderr.text).toMatch(
      /^warning: the daemon runs 0\.0\.1 but this CLI is \d+\.\d+\.\d+; run `od daemon restart`/,
    )
    const same = recordingConnect({ daemon: null })
    const quiet = fakeIo({ connect: same.connect })
    await context([], quiet).ctx.client()
    expect(quiet.stderr.text).toBe('')
  })

  it('closes the connection on dispose, and copes with none or a failed one', async () => {
    const { connect, close } = recordingConnect()
    const opened = context([], fakeIo({ connect }))
    await opened.ctx.client()
    await opened.dispose()
    expect(close).toHaveBeenCalledTimes(1)
    await context([]).dispose()
    const failing = context([], fakeIo({ connect: () => Promise.reject(new Error('down')) }))
    await expect(failing.ctx.client()).rejects.toThrow('down')
    await failing.dispose()
  })

  it('offers a monotonic clock and a no-op signal subscription by default', () => {
    const { ctx } = context([])
    const a = ctx.now()
    expect(ctx.now()).toBeGreaterThanOrEqual(a)
    const stop = ctx.onSignal(['SIGINT'], () => undefined)
    expect(stop()).toBeUndefined()
  })
})
