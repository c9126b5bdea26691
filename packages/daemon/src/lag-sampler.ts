import { monitorEventLoopDelay } from 'node:perf_hooks'

/** Event-loop lag since the previous sample. */
export interface LagSample {
  /** 99th percentile of the lag, in ms. */
  p99Ms: number
  /** Largest lag, in ms. */
  maxMs: number
}

/** Measures event-loop lag between samples. */
export interface LagSampler {
  /** Lag since the previous call (or since creation); starts a new window. */
  sample(): LagSample
  stop(): void
}

const round = (ms: number) => Math.max(0, Math.round(ms * 10) / 10)

/**
 * A sampler on `perf_hooks.monitorEventLoopDelay`. Its histogram records the time between the
 * ticks of a `resolutionMs` timer, so the resolution is subtracted to get the lag itself.
 *
 * @example
 * ```ts
 * import { createLagSampler } from '@opendaemon/daemon'
 *
 * const sampler = createLagSampler()
 * const { p99Ms, maxMs } = sampler.sample()
 * sampler.stop()
 * ```
 * @since 0.1.0
 */
export function createLagSampler(resolutionMs = 20): LagSampler {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs })
  histogram.enable()
  return {
    sample() {
      if (histogram.count === 0) return { p99Ms: 0, maxMs: 0 }
      const result = {
        p99Ms: round(histogram.percentile(99) / 1e6 - resolutionMs),
        maxMs: round(histogram.max / 1e6 - resolutionMs),
      }
      histogram.reset()
      return result
    },
    stop: () => histogram.disable(),
  }
}
