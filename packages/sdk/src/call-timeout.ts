import { NO_TIMEOUT_MS } from './client-options.js'

/** Methods that wait on processes or re-apply configuration: their default deadline is at least 120 s. */
export const LONG_METHODS: ReadonlySet<string> = new Set([
  'daemon.reload',
  'process.start',
  'process.restart',
  'process.reload',
  'process.stop',
  'process.delete',
  'process.resurrect',
  'config.apply',
  'deploy.execute',
])

/** The default deadline of a long method (spec §26.1). */
export const LONG_METHOD_TIMEOUT_MS = 120_000

/**
 * The deadline of one call: the per-call `timeoutMs` when given (`0` = none), else the client's
 * default, raised to 120 s for {@link LONG_METHODS}.
 *
 * @example
 * ```ts
 * import { callTimeoutMs } from 'opendaemon-sdk'
 *
 * callTimeoutMs('daemon.status', undefined, 30_000) // 30000
 * callTimeoutMs('daemon.reload', undefined, 30_000) // 120000
 * callTimeoutMs('daemon.reload', 5_000, 30_000) // 5000
 * ```
 * @since 0.1.0
 */
export function callTimeoutMs(method: string, explicit: number | undefined, base: number): number {
  if (explicit !== undefined) {
    if (!Number.isFinite(explicit) || explicit < 0) {
      throw new RangeError(`timeoutMs: expected a number of milliseconds >= 0, got ${String(explicit)}`)
    }
    return explicit === 0 ? NO_TIMEOUT_MS : Math.min(explicit, NO_TIMEOUT_MS)
  }
  return LONG_METHODS.has(method) ? Math.max(base, LONG_METHOD_TIMEOUT_MS) : base
}
