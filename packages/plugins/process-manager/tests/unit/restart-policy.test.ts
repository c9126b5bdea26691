import { describe, expect, it } from 'vitest'
import {
  backoffDelay,
  decideRestart,
  shouldStartOnBoot,
  statusAfterGiveUp,
  unstableStreak,
  type ExitRecord,
  type RestartPolicy,
} from '../../src/restart-policy.js'

const policy = (overrides: Partial<RestartPolicy> = {}): RestartPolicy => ({
  autorestart: 'always',
  stopExitCodes: [],
  maxRestarts: 3,
  minUptimeMs: 1000,
  restartDelayMs: 100,
  backoff: 'fixed',
  maxDelayMs: 30_000,
  backoffFactor: 2,
  jitter: 0,
  ...overrides,
})
const early = (at: number, code: number | null = 1): ExitRecord => ({ code, signal: null, uptimeMs: 200, at })
const stable = (at: number): ExitRecord => ({ code: 1, signal: null, uptimeMs: 5000, at })
const never = (): number => {
  throw new Error('random must not be used without jitter')
}

describe('decideRestart: policies', () => {
  it('always restarts a crash after the restart delay', () => {
    expect(decideRestart(early(1), [], policy(), never)).toEqual({ action: 'restart', delayMs: 100 })
  })

  it('always restarts a clean exit too', () => {
    expect(decideRestart(early(1, 0), [], policy(), never)).toEqual({ action: 'restart', delayMs: 100 })
  })

  it('never gives up with autorestart-off', () => {
    expect(decideRestart(early(1), [], policy({ autorestart: 'never' }))).toEqual({
      action: 'give-up',
      reason: 'autorestart-off',
    })
  })

  it('on-failure gives up on exit code 0', () => {
    expect(decideRestart(early(1, 0), [], policy({ autorestart: 'on-failure' }))).toEqual({
      action: 'give-up',
      reason: 'clean-exit',
    })
  })

  it('on-failure restarts a non-zero exit', () => {
    expect(decideRestart(early(1, 2), [], policy({ autorestart: 'on-failure' }), never).action).toBe(
      'restart',
    )
  })

  it('on-failure restarts a process killed by a signal', () => {
    const killed: ExitRecord = { code: null, signal: 'SIGKILL', uptimeMs: 10, at: 1 }
    expect(decideRestart(killed, [], policy({ autorestart: 'on-failure' }), never).action).toBe('restart')
  })

  it('unless-stopped restarts crashes like always', () => {
    expect(decideRestart(early(1, 0), [], policy({ autorestart: 'unless-stopped' }), never).action).toBe(
      'restart',
    )
  })

  it('a user stop is never undone, whatever the policy', () => {
    for (const autorestart of ['always', 'on-failure', 'unless-stopped', 'never'] as const) {
      const exit: ExitRecord = { code: null, signal: 'SIGTERM', uptimeMs: 10, at: 1, byUser: true }
      expect(decideRestart(exit, [], policy({ autorestart }))).toEqual({
        action: 'give-up',
        reason: 'stopped-by-user',
      })
    }
  })

  it('an exit code listed in stopExitCodes gives up', () => {
    expect(decideRestart(early(1, 42), [], policy({ stopExitCodes: [0, 42] }))).toEqual({
      action: 'give-up',
      reason: 'stop-exit-code',
    })
  })

  it('stopExitCodes do not apply to a signal exit', () => {
    const killed: ExitRecord = { code: null, signal: 'SIGSEGV', uptimeMs: 10, at: 1 }
    expect(decideRestart(killed, [], policy({ stopExitCodes: [0] }), never).action).toBe('restart')
  })
})

describe('decideRestart: crash-loop cutoff', () => {
  it('allows maxRestarts restarts in a row, then gives up as unstable', () => {
    const p = policy({ maxRestarts: 3 })
    expect(decideRestart(early(3), [early(1), early(2)], p, never).action).toBe('restart')
    expect(decideRestart(early(4), [early(1), early(2), early(3)], p)).toEqual({
      action: 'give-up',
      reason: 'unstable',
    })
  })

  it('a run longer than minUptime resets the counter', () => {
    const p = policy({ maxRestarts: 2 })
    const history = [early(1), early(2), stable(3), early(4)]
    expect(decideRestart(early(5), history, p, never).action).toBe('restart')
  })

  it('a run of exactly minUptime counts as stable', () => {
    const exit: ExitRecord = { code: 1, signal: null, uptimeMs: 1000, at: 9 }
    expect(
      decideRestart(exit, [early(1), early(2), early(3)], policy({ maxRestarts: 1 }), never).action,
    ).toBe('restart')
  })

  it('maxRestarts 0 means unlimited', () => {
    const history = Array.from({ length: 500 }, (_, i) => early(i))
    expect(decideRestart(early(501), history, policy({ maxRestarts: 0 }), never).action).toBe('restart')
  })

  it('a user stop in the history ends the streak', () => {
    const stop: ExitRecord = { code: null, signal: 'SIGTERM', uptimeMs: 10, at: 2, byUser: true }
    expect(
      decideRestart(early(4), [early(1), stop, early(3)], policy({ maxRestarts: 2 }), never).action,
    ).toBe('restart')
  })
})

describe('unstableStreak', () => {
  it('is 0 when the last run was stable', () => {
    expect(unstableStreak(stable(2), [early(1)], 1000)).toBe(0)
  })

  it('counts the unstable runs at the end, the last exit included', () => {
    expect(unstableStreak(early(4), [early(1), stable(2), early(3)], 1000)).toBe(2)
  })
})

describe('backoff', () => {
  const at = (attempt: number, overrides: Partial<RestartPolicy>): number =>
    backoffDelay(attempt, { ...policy(), ...overrides }, never)

  it('fixed keeps the base delay', () => {
    expect([1, 2, 5].map((n) => at(n, { restartDelayMs: 250 }))).toEqual([250, 250, 250])
  })

  it('linear grows by the base each time', () => {
    expect([1, 2, 3].map((n) => at(n, { backoff: 'linear', restartDelayMs: 500 }))).toEqual([500, 1000, 1500])
  })

  it('exponential multiplies by the factor (2 by default)', () => {
    expect([1, 2, 3, 4].map((n) => at(n, { backoff: 'exponential', restartDelayMs: 100 }))).toEqual([
      100, 200, 400, 800,
    ])
  })

  it('exponential with PM2s factor 1.5', () => {
    expect(
      [1, 2, 3].map((n) => at(n, { backoff: 'exponential', restartDelayMs: 100, backoffFactor: 1.5 })),
    ).toEqual([100, 150, 225])
  })

  it('caps the delay at maxDelay', () => {
    expect(at(20, { backoff: 'exponential', restartDelayMs: 1000, maxDelayMs: 15_000 })).toBe(15_000)
  })

  it('decideRestart uses the streak length as the attempt', () => {
    const p = policy({ backoff: 'exponential', maxRestarts: 0 })
    expect(decideRestart(early(3), [early(1), early(2)], p, never)).toEqual({
      action: 'restart',
      delayMs: 400,
    })
  })

  it('a stable run restarts at the base delay', () => {
    const p = policy({ backoff: 'exponential' })
    expect(decideRestart(stable(3), [early(1), early(2)], p, never)).toEqual({
      action: 'restart',
      delayMs: 100,
    })
  })

  it('jitter spreads the delay over ±ratio with the injected random source', () => {
    const p = { ...policy(), restartDelayMs: 1000, jitter: 0.5 }
    expect(backoffDelay(1, p, () => 0)).toBe(500)
    expect(backoffDelay(1, p, () => 0.5)).toBe(1000)
    expect(backoffDelay(1, p, () => 0.999)).toBe(1499)
  })

  it('jitter never exceeds maxDelay', () => {
    const p = { ...policy(), restartDelayMs: 1000, maxDelayMs: 1000, jitter: 1 }
    expect(backoffDelay(1, p, () => 0.999)).toBe(1000)
  })

  it('decideRestart passes its random source to the jitter', () => {
    const p = policy({ restartDelayMs: 1000, jitter: 0.2 })
    expect(decideRestart(early(1), [], p, () => 0)).toEqual({ action: 'restart', delayMs: 800 })
  })
})

describe('statusAfterGiveUp', () => {
  it('only a crash loop ends errored', () => {
    expect(statusAfterGiveUp('unstable')).toBe('errored')
    for (const reason of ['stop-exit-code', 'autorestart-off', 'clean-exit', 'stopped-by-user'] as const) {
      expect(statusAfterGiveUp(reason)).toBe('stopped')
    }
  })
})

describe('shouldStartOnBoot', () => {
  it('brings back apps that were running, whatever the mode', () => {
    for (const status of ['online', 'starting', 'stopping'] as const) {
      expect(shouldStartOnBoot({ autorestart: 'never', stoppedByUser: false, status })).toBe(true)
    }
  })

  it('unless-stopped remembers a user stop across daemon restarts', () => {
    expect(shouldStartOnBoot({ autorestart: 'unless-stopped', stoppedByUser: true, status: 'stopped' })).toBe(
      false,
    )
  })

  it('always brings back a user-stopped app', () => {
    expect(shouldStartOnBoot({ autorestart: 'always', stoppedByUser: true, status: 'stopped' })).toBe(true)
  })

  it('leaves errored, created and self-stopped apps down', () => {
    for (const status of ['errored', 'created', 'stopped'] as const) {
      expect(shouldStartOnBoot({ autorestart: 'always', stoppedByUser: false, status })).toBe(false)
    }
  })
})
