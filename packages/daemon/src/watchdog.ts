/**
 * The watchdog: every `intervalMs` it samples the event-loop lag and runs the plugins'
 * `healthCheck`s, keeps the figures for `daemon.status`, and emits `daemon:watchdog:lag` /
 * `daemon:watchdog:unhealthy` (SPECIFICATION.md §6.6).
 */
import type { Clock, EventBus, EventMap, Logger, PluginHealth, TimerHandle } from '@opendaemon/core'
import type { LagSampler } from './lag-sampler.js'

/** Watchdog settings (`config.json` → `watchdog`). */
export interface WatchdogSettings {
  intervalMs: number
  /** A p99 lag above this is reported. */
  lagThresholdMs: number
}

/** What `daemon.status.watchdog` shows. */
export interface WatchdogSnapshot {
  /** p99 lag of the last interval, ms. */
  lagMs: number
  /** Largest lag over the last minute, ms. */
  lagMaxMs: number
  unhealthyPlugins: string[]
  /** Epoch ms of the last check; `null` before the first. */
  checkedAt: number | null
}

/** What the watchdog needs. */
export interface WatchdogDeps {
  clock: Clock
  events: EventBus<EventMap>
  logger: Logger
  /** The kernel's `healthChecks`. */
  healthChecks: () => Promise<PluginHealth[]>
  /** Created when the watchdog starts, stopped when it stops. */
  createSampler: () => LagSampler
  settings: WatchdogSettings
}

/** A running (or stopped) watchdog. */
export interface Watchdog {
  start(): void
  stop(): void
  /** Runs one check now (the timer calls it every `intervalMs`). */
  check(): Promise<void>
  snapshot(): WatchdogSnapshot
  /** Applies new settings (restarts the timer when running). */
  reconfigure(settings: WatchdogSettings): void
}

/** At most one lag event per this many ms. */
export const LAG_ALERT_COOLDOWN_MS = 60_000
/** `lagMaxMs` covers this many ms. */
export const LAG_WINDOW_MS = 60_000

/**
 * Whether a lag sample deserves an alert: above the threshold, and no alert within the cooldown.
 *
 * @example
 * ```ts
 * import { shouldAlertLag } from '@opendaemon/daemon'
 *
 * shouldAlertLag({ lagMs: 450, thresholdMs: 200, lastAlertAt: null, now: 1_000 }) // true
 * ```
 * @since 0.1.0
 */
export function shouldAlertLag(input: {
  lagMs: number
  thresholdMs: number
  lastAlertAt: number | null
  now: number
}): boolean {
  if (input.lagMs <= input.thresholdMs) return false
  return input.lastAlertAt === null || input.now - input.lastAlertAt >= LAG_ALERT_COOLDOWN_MS
}

/**
 * Creates the watchdog; nothing runs until `start()`. Pass a clock whose timers are unref'd so
 * the watchdog never keeps the process alive.
 *
 * @example
 * ```ts
 * import { createEventBus, createFakeClock, createLogger } from '@opendaemon/core'
 * import { createWatchdog } from '@opendaemon/daemon'
 *
 * const watchdog = createWatchdog({
 *   clock: createFakeClock(),
 *   events: createEventBus(),
 *   logger: createLogger({ level: 'silent' }),
 *   healthChecks: async () => [],
 *   createSampler: () => ({ sample: () => ({ p99Ms: 0, maxMs: 0 }), stop: () => {} }),
 *   settings: { intervalMs: 1_000, lagThresholdMs: 200 },
 * })
 * watchdog.start()
 * ```
 * @since 0.1.0
 */
export function createWatchdog(deps: WatchdogDeps): Watchdog {
  const { clock, events, logger } = deps
  let settings = deps.settings
  let timer: TimerHandle | null = null
  let sampler: LagSampler | null = null
  let checking = false
  let lastAlertAt: number | null = null
  let unhealthyKey = ''
  let maxima: { at: number; maxMs: number }[] = []
  const state: WatchdogSnapshot = { lagMs: 0, lagMaxMs: 0, unhealthyPlugins: [], checkedAt: null }

  function sampleLag(now: number): void {
    if (sampler === null) return
    const { p99Ms, maxMs } = sampler.sample()
    maxima = [...maxima.filter((m) => now - m.at < LAG_WINDOW_MS), { at: now, maxMs }]
    state.lagMs = p99Ms
    state.lagMaxMs = Math.max(...maxima.map((m) => m.maxMs))
    if (!shouldAlertLag({ lagMs: p99Ms, thresholdMs: settings.lagThresholdMs, lastAlertAt, now })) return
    lastAlertAt = now
    logger.warn('the event loop is lagging', { p99Ms, maxMs, thresholdMs: settings.lagThresholdMs })
    events.emit('daemon:watchdog:lag', { lagMs: p99Ms, thresholdMs: settings.lagThresholdMs, at: now })
  }

  async function checkPlugins(): Promise<void> {
    const unhealthy = (await deps.healthChecks()).filter((h) => !h.healthy).map((h) => h.name)
    state.unhealthyPlugins = unhealthy
    const key = unhealthy.join(',')
    // Report a change of the unhealthy set, not every interval while it stays the same.
    if (key === unhealthyKey) return
    unhealthyKey = key
    if (unhealthy.length === 0) return logger.info('every plugin is healthy again')
    logger.warn('unhealthy plugins', { plugins: unhealthy })
    events.emit('daemon:watchdog:unhealthy', { plugins: unhealthy, at: clock.now() })
  }

  async function check(): Promise<void> {
    if (checking) return // a slow health check is still running: skip this round
    checking = true
    try {
      sampleLag(clock.now())
      await checkPlugins()
    } catch (error) {
      logger.warn('watchdog check failed', { error })
    } finally {
      state.checkedAt = clock.now()
      checking = false
    }
  }

  function arm(): void {
    timer = clock.setInterval(() => void check(), settings.intervalMs)
  }

  return {
    start() {
      if (timer !== null) return
      sampler = deps.createSampler()
      arm()
    },
    stop() {
      if (timer === null) return
      clock.clearInterval(timer)
      timer = null
      sampler?.stop()
      sampler = null
    },
    check,
    snapshot: () => ({ ...state, unhealthyPlugins: [...state.unhealthyPlugins] }),
    reconfigure(next) {
      settings = next
      if (timer === null) return
      clock.clearInterval(timer)
      arm()
    },
  }
}
