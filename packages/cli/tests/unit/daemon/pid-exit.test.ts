import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { isProcessAlive, waitForPidExit, type PidWatch } from '../../../src/daemon/pid-exit.js'
import { isNotRunning } from '../../../src/daemon/not-running.js'

function fakeWatch(aliveChecks: number) {
  let now = 0
  let checks = 0
  const sleeps: number[] = []
  const watch: PidWatch = {
    isAlive: () => checks++ < aliveChecks,
    sleep: (ms) => {
      sleeps.push(ms)
      now += ms
      return Promise.resolve()
    },
    now: () => now,
  }
  return { watch, sleeps }
}

describe('waitForPidExit', () => {
  it('polls every 20 ms until the pid is gone', async () => {
    const { watch, sleeps } = fakeWatch(3)
    await waitForPidExit(42, { timeoutMs: 1_000, watch })
    expect(sleeps).toEqual([20, 20, 20])
  })

  it('fails with OD_TIMEOUT once the deadline passes', async () => {
    const { watch } = fakeWatch(Infinity)
    await expect(waitForPidExit(42, { timeoutMs: 100, intervalMs: 30, watch })).rejects.toMatchObject({
      code: 'OD_TIMEOUT',
      message: expect.stringContaining('Waiting for the daemon (pid 42) to exit timed out after 100 ms'),
    })
  })

  it('uses the real clock by default', async () => {
    const { pid } = spawnSync(process.execPath, ['-e', '0'])
    await waitForPidExit(pid as number, { timeoutMs: 1_000 })
  })
})

describe('isProcessAlive', () => {
  it('is true for this process and false for one that exited', () => {
    expect(isProcessAlive(process.pid)).toBe(true)
    const { pid } = spawnSync(process.execPath, ['-e', '0'])
    expect(isProcessAlive(pid as number)).toBe(false)
  })

  it('counts a process it may not signal (EPERM) as alive, and a zombie as gone', () => {
    const eperm = (): void => {
      throw Object.assign(new Error('EPERM'), { code: 'EPERM' })
    }
    expect(isProcessAlive(7, { signal: eperm, readStat: () => '7 (my app) S 1 7' })).toBe(true)
    expect(isProcessAlive(7, { signal: () => undefined, readStat: () => '7 (a) b) Z 1 7' })).toBe(false)
  })

  it('trusts kill(0) where there is no /proc', () => {
    const noProc = (): string => {
      throw new Error('ENOENT')
    }
    expect(isProcessAlive(7, { signal: () => undefined, readStat: noProc })).toBe(true)
  })
})

describe('isNotRunning', () => {
  it('recognises OD_DAEMON_NOT_RUNNING only', () => {
    expect(isNotRunning({ code: 'OD_DAEMON_NOT_RUNNING' })).toBe(true)
    expect(isNotRunning({ code: 'OD_TIMEOUT' })).toBe(false)
    expect(isNotRunning(null)).toBe(false)
  })
})
