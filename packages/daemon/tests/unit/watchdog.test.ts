import {
  createEventBus,
  createFakeClock,
  createLogger,
  type EventMap,
  type PluginHealth,
} from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import type { LagSample } from '../../src/lag-sampler.js'
import { createWatchdog, LAG_ALERT_COOLDOWN_MS, shouldAlertLag } from '../../src/watchdog.js'

function setup(options: { samples?: LagSample[]; health?: () => Promise<PluginHealth[]> } = {}) {
  const clock = createFakeClock(1_000)
  const events = createEventBus<EventMap>()
  const lines: string[] = []
  const logger = createLogger({ level: 'info', sink: (line) => lines.push(line) })
  const samples = [...(options.samples ?? [])]
  let samplerStops = 0
  const emitted: { event: string; data: unknown }[] = []
  events.on('daemon:*', (data, event) => void emitted.push({ event, data }))
  const watchdog = createWatchdog({
    clock,
    events,
    logger,
    healthChecks: options.health ?? (async () => []),
    createSampler: () => ({
      sample: () => samples.shift() ?? { p99Ms: 0, maxMs: 0 },
      stop: () => void samplerStops++,
    }),
    settings: { intervalMs: 1_000, lagThresholdMs: 200 },
  })
  return { clock, watchdog, emitted, lines, stops: () => samplerStops }
}

describe('shouldAlertLag', () => {
  it('alerts above the threshold, at most once per cooldown', () => {
    expect(shouldAlertLag({ lagMs: 200, thresholdMs: 200, lastAlertAt: null, now: 0 })).toBe(false)
    expect(shouldAlertLag({ lagMs: 201, thresholdMs: 200, lastAlertAt: null, now: 0 })).toBe(true)
    expect(
      shouldAlertLag({ lagMs: 500, thresholdMs: 200, lastAlertAt: 0, now: LAG_ALERT_COOLDOWN_MS - 1 }),
    ).toBe(false)
    expect(shouldAlertLag({ lagMs: 500, thresholdMs: 200, lastAlertAt: 0, now: LAG_ALERT_COOLDOWN_MS })).toBe(
      true,
    )
  })
})

describe('createWatchdog', () => {
  it('reports nothing before the first check', () => {
    const { watchdog } = setup()
    expect(watchdog.snapshot()).toEqual({ lagMs: 0, lagMaxMs: 0, unhealthyPlugins: [], checkedAt: null })
  })

  it('samples the lag every interval and keeps the minute’s maximum', async () => {
    const { clock, watchdog } = setup({
      samples: [
        { p99Ms: 3, maxMs: 40 },
        { p99Ms: 1, maxMs: 2 },
      ],
    })
    watchdog.start()
    watchdog.start() // idempotent
    await clock.advanceAsync(1_000)
    expect(watchdog.snapshot()).toMatchObject({ lagMs: 3, lagMaxMs: 40, checkedAt: 2_000 })
    await clock.advanceAsync(1_000)
    expect(watchdog.snapshot()).toMatchObject({ lagMs: 1, lagMaxMs: 40, checkedAt: 3_000 })
    await clock.advanceAsync(60_000)
    expect(watchdog.snapshot().lagMaxMs).toBe(0)
  })

  it('emits daemon:watchdog:lag above the threshold, once per cooldown', async () => {
    const { clock, watchdog, emitted, lines } = setup({
      samples: [
        { p99Ms: 450, maxMs: 900 },
        { p99Ms: 450, maxMs: 900 },
      ],
    })
    watchdog.start()
    await clock.advanceAsync(2_000)
    const lag = emitted.filter((e) => e.event === 'daemon:watchdog:lag')
    expect(lag).toEqual([{ event: 'daemon:watchdog:lag', data: { lagMs: 450, thresholdMs: 200, at: 2_000 } }])
    expect(lines.some((line) => line.includes('the event loop is lagging'))).toBe(true)
  })

  it('emits daemon:watchdog:unhealthy when the set of unhealthy plugins changes', async () => {
    const rounds: PluginHealth[][] = [
      [{ name: 'a', healthy: false }],
      [{ name: 'a', healthy: false }],
      [{ name: 'a', healthy: true }],
    ]
    const { clock, watchdog, emitted, lines } = setup({ health: async () => rounds.shift() ?? [] })
    watchdog.start()
    await clock.advanceAsync(1_000)
    expect(watchdog.snapshot().unhealthyPlugins).toEqual(['a'])
    await clock.advanceAsync(2_000)
    expect(emitted.filter((e) => e.event === 'daemon:watchdog:unhealthy')).toEqual([
      { event: 'daemon:watchdog:unhealthy', data: { plugins: ['a'], at: 2_000 } },
    ])
    expect(watchdog.snapshot().unhealthyPlugins).toEqual([])
    expect(lines.some((line) => line.includes('every plugin is healthy again'))).toBe(true)
  })

  it('skips a round while a slow health check still runs, and logs a failing one', async () => {
    let calls = 0
    let finish: () => void = () => undefined
    const { clock, watchdog, lines } = setup({
      health: () => {
        calls++
        if (calls === 1) return new Promise<PluginHealth[]>((resolve) => (finish = () => resolve([])))
        return Promise.reject(new Error('health check exploded'))
      },
    })
    watchdog.start()
    await clock.advanceAsync(2_000)
    expect(calls).toBe(1)
    finish()
    await clock.advanceAsync(1_000)
    expect(calls).toBe(2)
    expect(lines.some((line) => line.includes('watchdog check failed'))).toBe(true)
  })

  it('stops its timer and sampler, and can be reconfigured', async () => {
    const { clock, watchdog, stops } = setup()
    watchdog.reconfigure({ intervalMs: 5_000, lagThresholdMs: 100 }) // not running: just kept
    watchdog.start()
    watchdog.reconfigure({ intervalMs: 2_000, lagThresholdMs: 100 })
    await clock.advanceAsync(1_999)
    expect(watchdog.snapshot().checkedAt).toBeNull()
    await clock.advanceAsync(1)
    expect(watchdog.snapshot().checkedAt).toBe(3_000)
    watchdog.stop()
    watchdog.stop()
    expect(stops()).toBe(1)
    expect(clock.pendingTimers()).toBe(0)
  })

  it('checks on demand without a sampler', async () => {
    const { watchdog } = setup()
    await watchdog.check()
    expect(watchdog.snapshot()).toMatchObject({ lagMs: 0, checkedAt: 1_000 })
  })
})
