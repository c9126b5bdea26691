import type { IpcLimits } from './ipc-limits.js'

/** The timing facts of one connection that its deadlines depend on (epoch ms). */
export interface DeadlineState {
  authenticated: boolean
  connectedAt: number
  /** Time of the last complete frame received (connect time until the first one). */
  lastFrameAt: number
  /** When the first byte of the incomplete frame arrived, or null when no frame is in progress. */
  partialSince: number | null
}

/** Why a connection ran out of time. */
export type DeadlineKind = 'auth' | 'frame' | 'idle'

/** The earliest pending deadline of a connection. */
export interface Deadline {
  kind: DeadlineKind
  at: number
}

type TimeoutLimits = Pick<IpcLimits, 'authTimeoutMs' | 'frameTimeoutMs' | 'idleTimeoutMs'>

/**
 * The earliest deadline of a connection: authentication (until authenticated), completion of the
 * frame in progress, and idleness. On a tie the more specific reason wins (auth, then frame).
 *
 * @example
 * ```ts
 * import { defaultIpcLimits, nextDeadline } from '@opendaemon/core'
 *
 * nextDeadline({ authenticated: false, connectedAt: 0, lastFrameAt: 0, partialSince: null }, defaultIpcLimits)
 * // { kind: 'auth', at: 5000 }
 * ```
 * @since 0.1.0
 */
export function nextDeadline(state: DeadlineState, limits: TimeoutLimits): Deadline {
  let best: Deadline = { kind: 'idle', at: state.lastFrameAt + limits.idleTimeoutMs }
  if (state.partialSince !== null) {
    const at = state.partialSince + limits.frameTimeoutMs
    if (at <= best.at) best = { kind: 'frame', at }
  }
  if (!state.authenticated) {
    const at = state.connectedAt + limits.authTimeoutMs
    if (at <= best.at) best = { kind: 'auth', at }
  }
  return best
}

/**
 * The deadline that has passed at `now`, or null when none has.
 *
 * @example
 * ```ts
 * import { defaultIpcLimits, expiredDeadline } from '@opendaemon/core'
 *
 * const state = { authenticated: true, connectedAt: 0, lastFrameAt: 0, partialSince: 50 }
 * expiredDeadline(state, 10_050, defaultIpcLimits) // 'frame'
 * ```
 * @since 0.1.0
 */
export function expiredDeadline(
  state: DeadlineState,
  now: number,
  limits: TimeoutLimits,
): DeadlineKind | null {
  const deadline = nextDeadline(state, limits)
  return deadline.at <= now ? deadline.kind : null
}
