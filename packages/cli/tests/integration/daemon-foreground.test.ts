import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SignalSubscriber } from '../../src/cli-io.js'
import { main } from '../../src/main.js'
import { tempHome, type TempHome } from '../support/temp-home.js'

describe('od daemon start --foreground', () => {
  let t: TempHome
  beforeEach(() => {
    t = tempHome()
  })
  afterEach(() => t.cleanup())

  it('runs the daemon entry attached and exits with its exit code', async () => {
    const io = t.io({}, { OD_FAKE_EXIT: '4' })
    expect(await main(['daemon', 'start', '--foreground'], io)).toBe(4)
  })

  it('--resurrect reaches the daemon entry, attached and detached', async () => {
    const argvFile = `${t.home}/fixture.argv`
    expect(await main(['daemon', 'start', '--foreground', '--resurrect'], t.io())).toBe(0)
    expect(await main(['daemon', 'start', '--resurrect', '--json'], t.io())).toBe(0)
    const lines = readFileSync(argvFile, 'utf8').trim().split('\n')
    expect(lines.map((line) => JSON.parse(line) as string[])).toEqual([
      ['--foreground', '--resurrect'],
      ['--resurrect'],
    ])
  })

  it('passes signals on and exits once the daemon does', async () => {
    const handlers: ((signal: NodeJS.Signals) => void)[] = []
    let subscribed: readonly NodeJS.Signals[] = []
    let unsubscribed = false
    const onSignal: SignalSubscriber = (signals, handler) => {
      subscribed = signals
      handlers.push(handler)
      return () => {
        unsubscribed = true
      }
    }
    const io = t.io({ onSignal }, { OD_FAKE_WAIT: '1' })
    const running = main(
      ['daemon', 'start', '--foreground', '--home', t.home, '--socket', `${t.dir}/f.sock`],
      io,
    )
    await expect.poll(() => t.daemonPid(), { timeout: 10_000 }).not.toBeNull()
    await expect.poll(() => handlers.length).toBe(1)
    handlers[0]?.('SIGTERM')
    expect(await running).toBe(0)
    expect(subscribed).toEqual(['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGUSR2'])
    expect(unsubscribed).toBe(true)
  })

  it('reports 128 + the signal number when a signal ends the daemon', async () => {
    const io = t.io({}, { OD_FAKE_WAIT: '1' })
    const running = main(['daemon', 'start', '--foreground'], io)
    await expect.poll(() => t.daemonPid(), { timeout: 10_000 }).not.toBeNull()
    process.kill(t.daemonPid() as number, 'SIGKILL')
    expect(await running).toBe(137)
  })

  it('fails when the daemon entry cannot be run', async () => {
    const io = t.io({
      runtime: {
        execPath: '/nonexistent/node',
        cliPath: '/x',
        nodeVersion: 'v20',
        isRoot: false,
        homedir: t.dir,
        daemonEntry: '/x.js',
      },
    })
    expect(await main(['daemon', 'start', '--foreground'], io)).toBe(3)
    expect(io.stderr.text).toContain(
      'The daemon could not start: cannot run /nonexistent/node (spawn /nonexistent/node ENOENT)',
    )
  })
})
