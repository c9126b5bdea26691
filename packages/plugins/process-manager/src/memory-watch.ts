/**
 * Sampling a running instance's RSS for `maxMemory` (§8.11; PM2 checks every 30 s, OD at least
 * once a second). The watch stops itself once the limit is exceeded; the supervisor restarts.
 */
import type { Clock } from '@opendaemon/core'

/** What {@link watchMemory} needs. */
export interface MemoryWatchOptions {
  pid: number
  maxBytes: number
  intervalMs: number
  clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>
  readRss: (pid: number) => Promise<number | null>
  /** Every sample, including the one over the limit. */
  onSample(rss: number | null): void
  onExceeded(rss: number): void
}

/**
 * Start sampling; returns the function that stops it (a sample in flight is then dropped).
 *
 * @example
 * ```ts
 * const stop = watchMemory({ pid, maxBytes: 512 * 2 ** 20, intervalMs: 1000, clock, readRss, onSample, onExceeded })
 * ```
 */
export function watchMemory(options: MemoryWatchOptions): () => void {
  const { clock } = options
  let stopped = false
  let timer = clock.setTimeout(tick, options.intervalMs)

  function tick(): void {
    void options.readRss(options.pid).then((rss) => {
      if (stopped) return
      options.onSample(rss)
      if (rss !== null && rss > options.maxBytes) {
        stopped = true
        options.onExceeded(rss)
        return
      }
      timer = clock.setTimeout(tick, options.intervalMs)
    })
  }

  return () => {
    stopped = true
    clock.clearTimeout(timer)
  }
}
