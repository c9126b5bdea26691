import { describe, expect, it } from 'vitest'
import { processDefaults } from '../../src/defaults.js'
import { parseRestartPolicy } from '../../src/restart-options.js'

describe('parseRestartPolicy', () => {
  it('fills every default', () => {
    expect(parseRestartPolicy({})).toEqual({
      autorestart: 'always',
      stopExitCodes: [],
      maxRestarts: processDefaults.maxRestarts,
      minUptimeMs: 1000,
      restartDelayMs: 0,
      backoff: 'fixed',
      maxDelayMs: 30_000,
      backoffFactor: 2,
      jitter: 0,
    })
  })

  it('reads the OpenDaemon names', () => {
    const policy = parseRestartPolicy({
      autorestart: 'unless-stopped',
      stopExitCodes: [3, 0, 3],
      maxRestarts: 5,
      minUptime: '5s',
      restartDelay: 200,
      backoff: 'linear',
      maxDelay: '10s',
      backoffFactor: 3,
      jitter: 0.1,
    })
    expect(policy).toEqual({
      autorestart: 'unless-stopped',
      stopExitCodes: [0, 3],
      maxRestarts: 5,
      minUptimeMs: 5000,
      restartDelayMs: 200,
      backoff: 'linear',
      maxDelayMs: 10_000,
      backoffFactor: 3,
      jitter: 0.1,
    })
  })

  it('reads PM2 names: autorestart false, max_restarts, min_uptime, restart_delay, stop_exit_codes', () => {
    const policy = parseRestartPolicy({
      autorestart: false,
      max_restarts: 10,
      min_uptime: 2000,
      restart_delay: 50,
      stop_exit_codes: 0,
    })
    expect(policy).toMatchObject({
      autorestart: 'never',
      maxRestarts: 10,
      minUptimeMs: 2000,
      restartDelayMs: 50,
      stopExitCodes: [0],
    })
  })

  it('autorestart "true" from the CLI means always', () => {
    expect(parseRestartPolicy({ autorestart: 'true' }).autorestart).toBe('always')
  })

  it('stop exit codes from a comma-separated flag', () => {
    expect(parseRestartPolicy({ 'stop-exit-codes': '2,1' }).stopExitCodes).toEqual([1, 2])
  })

  it("PM2's exp_backoff_restart_delay: exponential from that base, factor 1.5, capped at 15 s", () => {
    expect(parseRestartPolicy({ exp_backoff_restart_delay: 100 })).toMatchObject({
      backoff: 'exponential',
      restartDelayMs: 100,
      backoffFactor: 1.5,
      maxDelayMs: 15_000,
    })
  })

  it("explicit factor and cap win over PM2's", () => {
    expect(
      parseRestartPolicy({ exp_backoff_restart_delay: 100, backoffFactor: 2, maxDelay: 60_000 }),
    ).toMatchObject({
      backoffFactor: 2,
      maxDelayMs: 60_000,
    })
  })

  it("GoPM's --exp-backoff and --max-delay: exponential from 1 s doubling", () => {
    expect(parseRestartPolicy({ 'exp-backoff': true, max_delay: '60s' })).toMatchObject({
      backoff: 'exponential',
      restartDelayMs: 1000,
      backoffFactor: 2,
      maxDelayMs: 60_000,
    })
  })

  it('a growing backoff keeps an explicit restart delay, even 0', () => {
    expect(parseRestartPolicy({ backoff: 'linear', restartDelay: 0 }).restartDelayMs).toBe(0)
    expect(parseRestartPolicy({ backoff: 'exponential', restartDelay: '2s' }).restartDelayMs).toBe(2000)
  })

  it('exp_backoff false leaves the fixed backoff', () => {
    expect(parseRestartPolicy({ exp_backoff: false }).backoff).toBe('fixed')
  })

  it('rejects a backoff kind that contradicts exp_backoff', () => {
    expect(() => parseRestartPolicy({ backoff: 'fixed', exp_backoff: true })).toThrow(
      'backoff: "fixed" contradicts exp_backoff. Choose one backoff kind.',
    )
    expect(() => parseRestartPolicy({ backoff: 'linear', exp_backoff_restart_delay: 10 })).toThrow(
      /contradicts exp_backoff_restart_delay/,
    )
  })

  it('accepts backoff exponential together with exp_backoff', () => {
    expect(parseRestartPolicy({ backoff: 'exponential', expBackoff: true }).backoff).toBe('exponential')
  })

  it('rejects restart_delay together with exp_backoff_restart_delay', () => {
    expect(() => parseRestartPolicy({ restart_delay: 10, exp_backoff_restart_delay: 10 })).toThrow(
      /restart_delay: cannot be combined with exp_backoff_restart_delay/,
    )
  })

  it('rejects an unknown autorestart mode or backoff kind, naming the choices', () => {
    expect(() => parseRestartPolicy({ autorestart: 'sometimes' })).toThrow(
      'autorestart: expected one of always, on-failure, unless-stopped, never, got "sometimes". Use always or on-failure or unless-stopped or never.',
    )
    expect(() => parseRestartPolicy({ backoff: 'random' })).toThrow(
      /backoff: expected one of fixed, linear, exponential/,
    )
  })

  it('rejects bad numbers, naming the key as written', () => {
    expect(() => parseRestartPolicy({ max_restarts: -1 })).toThrow(
      /^max_restarts: expected an integer from 0/,
    )
    expect(() => parseRestartPolicy({ jitter: 2 })).toThrow(/^jitter: expected a number from 0 to 1/)
    expect(() => parseRestartPolicy({ backoffFactor: 0.5 })).toThrow(
      /^backoffFactor: expected a number from 1 to 100/,
    )
    expect(() => parseRestartPolicy({ stop_exit_codes: [0, 300] })).toThrow(
      /^stop_exit_codes\[1\]: expected an integer from 0 to 255/,
    )
    expect(() => parseRestartPolicy({ min_uptime: 'soon' })).toThrow(/^min_uptime: expected a duration/)
  })

  it('rejects a max delay below the restart delay', () => {
    expect(() => parseRestartPolicy({ restartDelay: 5000, maxDelay: 1000 })).toThrow(
      'maxDelay: 1000 ms is below the restart delay of 5000 ms. Raise maxDelay or lower restartDelay.',
    )
    expect(() => parseRestartPolicy({ restartDelay: 50_000 })).toThrow(/^maxDelay: 30000 ms is below/)
  })
})
