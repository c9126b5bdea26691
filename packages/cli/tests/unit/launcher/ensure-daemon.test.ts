import type { ChildProcess, SpawnOptions } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { PassThrough } from 'node:stream'
import { resolvePaths } from '@opendaemon/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ensureDaemon, launchDaemon, type LaunchOptions } from '../../../src/launcher/ensure-daemon.js'

const paths = resolvePaths({ OD_HOME: '/tmp/od-unit' }, '/h')

function fakeChild() {
  const pipe = new PassThrough()
  const child = Object.assign(new EventEmitter(), {
    stdio: [null, null, null, pipe],
    exitCode: null as number | null,
    signalCode: null as string | null,
    spawnfile: '/usr/bin/node',
    unref: vi.fn(),
  })
  const exit = (code: number | null, signal: string | null = null): void => {
    child.exitCode = code
    child.signalCode = signal
    child.emit('exit', code, signal)
  }
  return { child, pipe, exit }
}

function setup(extra: Partial<LaunchOptions> = {}) {
  const fake = fakeChild()
  const calls: { command: string; args: readonly string[]; options: SpawnOptions }[] = []
  const options: LaunchOptions = {
    daemonEntry: __filename, // any file that exists
    execPath: '/usr/bin/node',
    env: { PATH: '/bin', SECRET: 'x' },
    spawn: (command, args, spawnOptions) => {
      calls.push({ command, args, options: spawnOptions })
      return fake.child as unknown as ChildProcess
    },
    probe: () => Promise.resolve(null),
    ...extra,
  }
  return { ...fake, calls, options }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('ensureDaemon', () => {
  it('does nothing when a daemon answers', async () => {
    const { options, calls } = setup({ probe: () => Promise.resolve({ pid: 77, version: '0.1.0' }) })
    expect(await ensureDaemon(paths, options)).toEqual({ started: false, pid: 77 })
    expect(calls).toEqual([])
  })

  it('spawns a detached daemon with the filtered environment and reports ready', async () => {
    const { options, calls, pipe, child } = setup({ socket: '/run/od.sock' })
    const started = ensureDaemon(paths, options)
    await vi.waitFor(() => expect(calls).toHaveLength(1))
    pipe.write('ready 1150\n')
    expect(await started).toEqual({ started: true, pid: 1150 })
    expect(calls[0]).toEqual({
      command: '/usr/bin/node',
      args: [__filename],
      options: {
        detached: true,
        stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
        env: { PATH: '/bin', OD_HOME: '/tmp/od-unit', OD_SOCKET: '/run/od.sock' },
      },
    })
    expect(child.unref).toHaveBeenCalled()
    expect(pipe.destroyed).toBe(true)
  })

  it('reports another daemon that won the race as not started', async () => {
    const { options, pipe, calls } = setup()
    const started = ensureDaemon(paths, options)
    await vi.waitFor(() => expect(calls).toHaveLength(1))
    pipe.write('exists ')
    pipe.write('99\n')
    expect(await started).toEqual({ started: false, pid: 99 })
  })
})

describe('launchDaemon', () => {
  it('fails with the daemon error of an error line', async () => {
    const { options, pipe } = setup()
    const launched = launchDaemon(paths, options)
    await vi.waitFor(() => expect(pipe.listenerCount('data')).toBe(1))
    pipe.write('error OD_HOME_UNUSABLE OD_HOME /x cannot be used: not writable.\n')
    await expect(launched).rejects.toMatchObject({ code: 'OD_HOME_UNUSABLE' })
  })

  it('reads a last line that ends without a newline', async () => {
    const { options, pipe } = setup()
    const launched = launchDaemon(paths, options)
    await vi.waitFor(() => expect(pipe.listenerCount('data')).toBe(1))
    pipe.end('ready 5')
    expect(await launched).toEqual({ kind: 'ready', pid: 5 })
  })

  it('waits for both the exit and the end of the pipe before calling it a failure', async () => {
    const { options, pipe, exit } = setup()
    const launched = launchDaemon(paths, options)
    await vi.waitFor(() => expect(pipe.listenerCount('data')).toBe(1))
    exit(1)
    pipe.end()
    await expect(launched).rejects.toMatchObject({
      code: 'OD_DAEMON_START_FAILED',
      message: expect.stringContaining('the daemon exited with code 1 before it was ready'),
    })
  })

  it('names the signal when the pipe ends first', async () => {
    const { options, pipe, exit } = setup()
    const launched = launchDaemon(paths, options)
    await vi.waitFor(() => expect(pipe.listenerCount('data')).toBe(1))
    pipe.end()
    await new Promise((resolve) => setImmediate(resolve))
    exit(null, 'SIGKILL')
    await expect(launched).rejects.toMatchObject({
      message: expect.stringContaining('the daemon was killed by SIGKILL before it was ready'),
    })
  })

  it('times out with OD_TIMEOUT when no line comes', async () => {
    vi.useFakeTimers()
    const { options, pipe, child } = setup({ timeoutMs: 500 })
    const launched = launchDaemon(paths, options)
    const failed = expect(launched).rejects.toMatchObject({
      code: 'OD_TIMEOUT',
      message: expect.stringContaining('Starting the daemon timed out after 500 ms'),
    })
    await vi.waitFor(() => expect(pipe.listenerCount('data')).toBe(1))
    await vi.advanceTimersByTimeAsync(500)
    await failed
    expect(child.unref).toHaveBeenCalled()
  })

  it('reports a spawn failure', async () => {
    const { options, pipe, child } = setup()
    const launched = launchDaemon(paths, options)
    await vi.waitFor(() => expect(pipe.listenerCount('data')).toBe(1))
    child.emit('error', new Error('spawn EACCES'))
    await expect(launched).rejects.toMatchObject({
      code: 'OD_DAEMON_START_FAILED',
      message: expect.stringContaining('cannot run /usr/bin/node (spawn EACCES)'),
    })
  })

  it('refuses a daemon entry that does not exist', async () => {
    const { options } = setup({ daemonEntry: '/nonexistent/daemon.js' })
    await expect(launchDaemon(paths, options)).rejects.toMatchObject({
      code: 'OD_DAEMON_START_FAILED',
      message: expect.stringContaining('the daemon entry /nonexistent/daemon.js does not exist'),
    })
  })

  it('keeps a broken pipe from failing before the exit explains it', async () => {
    const { options, pipe, exit } = setup()
    const launched = launchDaemon(paths, options)
    await vi.waitFor(() => expect(pipe.listenerCount('data')).toBe(1))
    pipe.emit('error', new Error('EPIPE'))
    exit(2)
    pipe.end()
    await expect(launched).rejects.toMatchObject({ message: expect.stringContaining('exited with code 2') })
  })
})
