import { EventEmitter } from 'node:events'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { connectClient, DaemonError } from '@opendaemon/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Daemon } from '../../src/daemon.js'
import { runDaemonMain, type DaemonMainDeps } from '../../src/daemon-main.js'
import type { ReadinessMessage } from '../../src/readiness.js'
import { createTempHomes, waitFor } from '../support/temp-home.js'

const homes = createTempHomes()
afterEach(() => homes.cleanup())

function harness(deps: Partial<DaemonMainDeps> = {}) {
  const signals = new EventEmitter()
  const reported: ReadinessMessage[] = []
  const stdout: string[] = []
  const stderr: string[] = []
  const all: DaemonMainDeps = {
    readiness: { report: (message) => void reported.push(message) },
    signals,
    stdout: (text) => void stdout.push(text),
    stderr: (text) => void stderr.push(text),
    homedir: () => '/nonexistent-home',
    cwd: () => '/tmp',
    ...deps,
  }
  return { signals, reported, stdout, stderr, deps: all }
}

const argv = (...args: string[]) => ['node', 'daemon.js', ...args]

describe('runDaemonMain', () => {
  it('reports ready, stops on SIGTERM and exits 0', async () => {
    const home = homes.make()
    const h = harness()
    const running = runDaemonMain(argv('--home', home), {}, h.deps)
    await waitFor('readiness', () => h.reported.length > 0)
    expect(h.reported).toEqual([{ kind: 'ready', pid: process.pid }])
    const client = await connectClient({
      socketPath: join(home, 'od.sock'),
      tokenPath: join(home, 'auth-token'),
    })
    expect(await client.request('daemon.ping')).toMatchObject({ pong: true })
    await client.close()
    h.signals.emit('SIGTERM')
    expect(await running).toBe(0)
    expect(existsSync(join(home, 'daemon.pid'))).toBe(false)
    expect(h.signals.eventNames()).toEqual([])
    expect(h.stdout).toEqual([])
  })

  it('passes --resurrect on to the daemon (the boot behaviour of `od startup` units)', async () => {
    const seen: unknown[] = []
    const h = harness({
      start: (options) => {
        seen.push(options.resurrect)
        return Promise.reject(new DaemonError('OD_HOME_UNUSABLE', '/tmp/od-x', 'test'))
      },
    })
    expect(await runDaemonMain(argv('--resurrect', '--home', '/tmp/od-x'), {}, h.deps)).toBe(1)
    expect(await runDaemonMain(argv('--home', '/tmp/od-x'), {}, h.deps)).toBe(1)
    expect(seen).toEqual([true, false])
  })

  it('reloads on SIGHUP and records an invalid config as a warning', async () => {
    const home = homes.make()
    const h = harness()
    const running = runDaemonMain(argv(), { OD_HOME: home }, h.deps)
    await waitFor('readiness', () => h.reported.length > 0)
    writeFileSync(join(home, 'config.json'), '{"logLevel":"debug"}')
    h.signals.emit('SIGHUP')
    await waitFor('the reload', () =>
      readFileSync(join(home, 'daemon.log'), 'utf8').includes('configuration reloaded'),
    )
    writeFileSync(join(home, 'config.json'), '{"logLevel":1}')
    h.signals.emit('SIGHUP')
    await waitFor('the warning', () =>
      readFileSync(join(home, 'daemon.log'), 'utf8').includes('code=OD_CONFIG_INVALID'),
    )
    h.signals.emit('SIGINT')
    expect(await running).toBe(0)
  })

  it('mirrors the log to stdout in the foreground, without timestamps under journald', async () => {
    const home = homes.make()
    const h = harness({ readiness: null })
    const running = runDaemonMain(argv('--foreground'), { OD_HOME: home, JOURNAL_STREAM: '8:1234' }, h.deps)
    await waitFor('the ready line', () => h.stdout.some((line) => line.startsWith('INFO  [daemon] ready')))
    h.signals.emit('SIGTERM')
    expect(await running).toBe(0)
  })

  it('tells the launcher `exists` and exits 0 when another daemon holds the lock', async () => {
    const home = homes.make()
    const first = harness()
    const running = runDaemonMain(argv(), { OD_HOME: home }, first.deps)
    await waitFor('readiness', () => first.reported.length > 0)
    const second = harness()
    expect(await runDaemonMain(argv(), { OD_HOME: home }, second.deps)).toBe(0)
    expect(second.reported).toEqual([{ kind: 'exists', pid: process.pid }])
    const foreground = harness({ readiness: null })
    expect(await runDaemonMain(argv('--foreground'), { OD_HOME: home }, foreground.deps)).toBe(1)
    expect(foreground.stderr.join('')).toContain('already running')
    first.signals.emit('SIGTERM')
    expect(await running).toBe(0)
  })

  it('reports an invalid config.json and exits 2', async () => {
    const home = homes.make()
    writeFileSync(join(home, 'config.json'), '{"nope":true}')
    const h = harness()
    expect(await runDaemonMain(argv(), { OD_HOME: home }, h.deps)).toBe(2)
    expect(h.reported).toEqual([
      { kind: 'error', code: 'OD_CONFIG_INVALID', message: expect.stringContaining('nope') },
    ])
    expect(h.stderr.join('')).toContain('opendaemon daemon: Invalid configuration')
  })

  it('reports usage errors (exit 2) and unusable homes (exit 1)', async () => {
    const h = harness()
    expect(await runDaemonMain(argv('--bogus'), {}, h.deps)).toBe(2)
    expect(h.reported[0]).toMatchObject({ kind: 'error', code: 'OD_USAGE' })
    const file = join(homes.make(), 'file')
    writeFileSync(file, '')
    const g = harness()
    expect(await runDaemonMain(argv(), { OD_HOME: file }, g.deps)).toBe(1)
    expect(g.reported[0]).toMatchObject({ kind: 'error', code: 'OD_HOME_UNUSABLE' })
  })

  it('resolves a relative OD_HOME against the working directory', async () => {
    const base = homes.make()
    const h = harness({ cwd: () => base })
    const running = runDaemonMain(argv(), { OD_HOME: 'rel' }, h.deps)
    await waitFor('readiness', () => h.reported.length > 0)
    expect(existsSync(join(base, 'rel', 'od.sock'))).toBe(true)
    h.signals.emit('SIGTERM')
    expect(await running).toBe(0)
  })
})

/** A stand-in daemon for the signal logic. */
function fakeDaemon() {
  const calls: string[] = []
  let resolveStopped: () => void = () => undefined
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve))
  const errors: string[] = []
  const daemon = {
    stopped,
    stop: (options?: { reason?: string }) => {
      calls.push(`stop:${options?.reason}`)
      return stopped
    },
    reload: async () => {
      calls.push('reload')
      throw new DaemonError('OD_CONFIG_INVALID', 'bad')
    },
    warn: (error: unknown) => void calls.push(`warn:${(error as DaemonError).code}`),
    abandon: () => void calls.push('abandon'),
    logger: { error: (msg: string) => void errors.push(msg) },
  } as unknown as Daemon
  return { daemon, calls, errors, finish: () => resolveStopped() }
}

describe('runDaemonMain signal handling', () => {
  it('forces the exit (1) on a second stop signal during shutdown', async () => {
    const fake = fakeDaemon()
    const h = harness({ start: async () => fake.daemon })
    const running = runDaemonMain(argv('--home', '/tmp/od-x'), {}, h.deps)
    await waitFor('the handlers', () => h.signals.listenerCount('SIGTERM') > 0 && fake.calls.length === 0)
    await Promise.resolve()
    h.signals.emit('SIGTERM')
    h.signals.emit('SIGINT')
    expect(await running).toBe(1)
    expect(fake.calls).toEqual(['stop:signal', 'abandon'])
    expect(fake.errors[0]).toContain('second SIGINT during shutdown')
  })

  it('forces the exit (1) on a second stop signal while the daemon still boots', async () => {
    const h = harness({ start: () => new Promise<Daemon>(() => undefined) })
    const running = runDaemonMain(argv('--home', '/tmp/od-x'), {}, h.deps)
    await waitFor('the handlers', () => h.signals.listenerCount('SIGTERM') > 0)
    h.signals.emit('SIGTERM')
    h.signals.emit('SIGTERM')
    expect(await running).toBe(1)
    expect(h.signals.eventNames()).toEqual([])
  })

  it('honours a stop signal that arrives while the daemon boots', async () => {
    const fake = fakeDaemon()
    let release: () => void = () => undefined
    const booted = new Promise<void>((resolve) => (release = resolve))
    const h = harness({ start: async () => (await booted, fake.daemon) })
    const running = runDaemonMain(argv('--home', '/tmp/od-x'), {}, h.deps)
    await waitFor('the handlers', () => h.signals.listenerCount('SIGTERM') > 0)
    h.signals.emit('SIGTERM')
    h.signals.emit('SIGHUP') // nothing to reload yet
    release()
    await waitFor('the stop', () => fake.calls.includes('stop:signal'))
    fake.finish()
    expect(await running).toBe(0)
  })

  it('logs uncaught errors, keeps running, and stops (exit 1) after too many', async () => {
    const fake = fakeDaemon()
    const h = harness({ start: async () => fake.daemon })
    const running = runDaemonMain(argv('--home', '/tmp/od-x'), {}, h.deps)
    await waitFor('the handlers', () => h.signals.listenerCount('uncaughtException') > 0)
    await Promise.resolve()
    h.signals.emit('SIGHUP')
    await waitFor('the warning', () => fake.calls.includes('warn:OD_CONFIG_INVALID'))
    h.signals.emit('uncaughtException', new Error('plugin timer threw'))
    h.signals.emit('unhandledRejection', 'a rejected promise')
    expect(fake.calls.filter((c) => c.startsWith('stop'))).toEqual([])
    for (let i = 0; i < 9; i++) h.signals.emit('uncaughtException', new Error(`again ${i}`))
    expect(fake.calls).toContain('stop:fatal')
    expect(fake.errors).toContain('too many uncaught errors; shutting down')
    fake.finish()
    expect(await running).toBe(1)
  })

  it('prints uncaught errors that happen while the daemon boots', async () => {
    const fake = fakeDaemon()
    let release: () => void = () => undefined
    const booted = new Promise<void>((resolve) => (release = resolve))
    const h = harness({ start: async () => (await booted, fake.daemon) })
    const running = runDaemonMain(argv('--home', '/tmp/od-x'), {}, h.deps)
    await waitFor('the handlers', () => h.signals.listenerCount('uncaughtException') > 0)
    h.signals.emit('uncaughtException', 'a string')
    h.signals.emit('uncaughtException', Object.assign(new Error('no stack'), { stack: undefined }))
    for (let i = 0; i < 9; i++) h.signals.emit('unhandledRejection', new Error('storm'))
    release()
    await waitFor('the fatal stop', () => fake.calls.includes('stop:fatal'))
    fake.finish()
    expect(await running).toBe(1)
    expect(h.stderr.join('')).toContain('opendaemon daemon: uncaughtException: a string')
  })

  it('listens on process by default, and stops listening when the daemon stopped', async () => {
    const fake = fakeDaemon()
    const before = process.listenerCount('SIGHUP')
    const running = runDaemonMain(
      argv('--home', '/tmp/od-x'),
      {},
      { readiness: null, stdout: () => undefined, start: async () => fake.daemon },
    )
    await waitFor('the handlers', () => process.listenerCount('SIGHUP') === before + 1)
    fake.finish()
    expect(await running).toBe(0)
    expect(process.listenerCount('SIGHUP')).toBe(before)
  })

  it('uses process stdio and the fd 3 pipe by default', async () => {
    const h = harness()
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      expect(await runDaemonMain(argv('--bogus'), {}, { signals: h.signals })).toBe(2)
      expect(String(write.mock.calls[0]?.[0])).toContain('Unknown option "--bogus"')
    } finally {
      write.mockRestore()
    }
    const fake = fakeDaemon()
    const running = runDaemonMain(
      argv('--home', '/tmp/od-x'),
      {},
      { signals: h.signals, start: async () => fake.daemon },
    )
    await waitFor('the handlers', () => h.signals.listenerCount('SIGTERM') > 0)
    await Promise.resolve()
    h.signals.emit('SIGTERM')
    fake.finish()
    expect(await running).toBe(0)
  })
})
