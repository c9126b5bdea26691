import { DaemonError } from '../errors/daemon-error.js'

/** Token bucket per connection, counting requests (a batch counts its length). */
export interface IpcRateLimit {
  /** Tokens added per second. */
  perSecond: number
  /** Bucket size: the largest burst (and the largest batch) accepted at once. */
  burst: number
}

/** Limits of the IPC server (daemon config key `ipc`) and, for `maxMessageSize`, of clients. */
export interface IpcLimits {
  /** Largest frame payload in bytes, both directions. Default 10 MiB. */
  maxMessageSize: number
  /** A new connection must authenticate within this time. Default 5 s. */
  authTimeoutMs: number
  /** A frame whose first byte arrived must be complete within this time. Default 10 s. */
  frameTimeoutMs: number
  /** A connection that sends no complete frame for this long is closed. Default 120 s. */
  idleTimeoutMs: number
  /** Request rate limit per connection. Default 100,000/s with bursts of 20,000. */
  rateLimit: IpcRateLimit
  /** Connections beyond this are refused. Default 1024. */
  maxConnections: number
  /**
   * Outgoing bytes queued for a connection above which the server stops reading its requests until
   * the queue drains (backpressure on a client that does not read). Default 1 MiB.
   */
  writeHighWaterMark: number
  /**
   * Outgoing bytes queued for a connection above which it is dropped (logged) instead of buffering
   * more; bounds memory per slow reader. Must be at least `maxMessageSize + writeHighWaterMark`.
   * Default 32 MiB.
   */
  maxWriteBuffer: number
  /** After the server ends a connection, how long it waits for the bytes to flush before destroying it. Default 1 s. */
  closeGraceMs: number
}

/** Partial limits as accepted by {@link resolveIpcLimits}; `rateLimit` may be partial too. */
export type IpcLimitsInput = Partial<Omit<IpcLimits, 'rateLimit'>> & { rateLimit?: Partial<IpcRateLimit> }

/**
 * Default IPC limits.
 *
 * @example
 * ```ts
 * import { defaultIpcLimits } from '@opendaemon/core'
 *
 * defaultIpcLimits.maxMessageSize // 10485760
 * ```
 * @since 0.1.0
 */
export const defaultIpcLimits: Readonly<IpcLimits> = Object.freeze({
  maxMessageSize: 10 * 1024 * 1024,
  authTimeoutMs: 5_000,
  frameTimeoutMs: 10_000,
  idleTimeoutMs: 120_000,
  rateLimit: Object.freeze({ perSecond: 100_000, burst: 20_000 }),
  maxConnections: 1024,
  writeHighWaterMark: 1024 * 1024,
  maxWriteBuffer: 32 * 1024 * 1024,
  closeGraceMs: 1_000,
})

function check(path: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new DaemonError(
      'OD_CONFIG_INVALID',
      `ipc.${path}: expected a positive number, got ${String(value)}`,
    )
  }
}

/**
 * Fill missing limits with the defaults and check them. When `maxWriteBuffer` is not given it grows
 * to fit `maxMessageSize + writeHighWaterMark`.
 *
 * @throws {DaemonError} `OD_CONFIG_INVALID` naming the key for a non-positive value, or a
 *   `maxWriteBuffer` too small to hold one maximal message above the high-water mark.
 * @example
 * ```ts
 * import { resolveIpcLimits } from '@opendaemon/core'
 *
 * const limits = resolveIpcLimits({ frameTimeoutMs: 200, rateLimit: { burst: 10 } })
 * limits.rateLimit // { perSecond: 100000, burst: 10 }
 * ```
 * @since 0.1.0
 */
export function resolveIpcLimits(input: IpcLimitsInput = {}): IpcLimits {
  const { rateLimit, ...rest } = input
  const merged = { ...defaultIpcLimits, ...rest, rateLimit: { ...defaultIpcLimits.rateLimit, ...rateLimit } }
  const needed = merged.maxMessageSize + merged.writeHighWaterMark
  if (input.maxWriteBuffer === undefined) merged.maxWriteBuffer = Math.max(merged.maxWriteBuffer, needed)
  for (const key of Object.keys(merged) as (keyof IpcLimits)[]) {
    if (key !== 'rateLimit') check(key, merged[key])
  }
  check('rateLimit.perSecond', merged.rateLimit.perSecond)
  check('rateLimit.burst', merged.rateLimit.burst)
  if (merged.maxWriteBuffer < needed) {
    throw new DaemonError(
      'OD_CONFIG_INVALID',
      `ipc.maxWriteBuffer: ${merged.maxWriteBuffer} is below maxMessageSize + writeHighWaterMark (${needed})`,
    )
  }
  return merged
}
