import type { ErrorCode, EventMap } from '@opendaemon/core/client'

/** A failure as it travels in client events: plain JSON. */
export interface ClientErrorInfo {
  readonly code: ErrorCode
  readonly message: string
}

/**
 * Events the client emits itself (they never come from the daemon). Subscribe to them with
 * `od.on('client:*', …)` like to daemon events.
 */
export interface ClientEventMap {
  /**
   * Connected and the token proof sent (first connection, or after `disconnect()`); a refused token
   * follows as `client:disconnected`.
   */
  'client:connected': { pid: number; version: string; at: number }
  /** The connection ended: `disconnect()` or an unexpected close (`reason` says which). */
  'client:disconnected': { reason: ClientErrorInfo; expected: boolean; at: number }
  /** A reconnect attempt is scheduled in `delayMs`. `attempt` counts from 1. */
  'client:reconnecting': { attempt: number; delayMs: number; at: number }
  /** Connected again; events emitted by the daemon during the `gapMs` without a connection are lost. */
  'client:reconnected': { attempts: number; gapMs: number; pid: number; at: number }
  /** `reconnect.maxAttempts` attempts failed; the client stays disconnected until the next call. */
  'client:reconnect-failed': { attempts: number; error: ClientErrorInfo; at: number }
  /** Subscribing to daemon events failed; the handlers of `patterns` get nothing from the daemon. */
  'client:subscribe-failed': { patterns: string[]; error: ClientErrorInfo; at: number }
}

/** Every event an `OpenDaemon` client can deliver: the daemon's {@link EventMap} plus {@link ClientEventMap}. */
export type ClientEvents = EventMap & ClientEventMap

/** True for patterns only client events can match: they are never sent to the daemon. */
export function isClientOnlyPattern(pattern: string): boolean {
  return pattern.startsWith('client:')
}
