import type { Clock } from './clock.js'
import type { DaemonState, DaemonStopReason } from './events.js'
import {
  createStateMachine,
  type StateMachine,
  type Transition,
  type TransitionTable,
} from './state-machine.js'

/**
 * The daemon lifecycle: starting → ready (plugins started) → running (onReady done, serving) →
 * stopping → stopped. Every state before `stopping` may go straight to `stopping` (a failed boot
 * or a shutdown request during boot).
 */
export const DAEMON_TRANSITIONS = {
  starting: ['ready', 'stopping'],
  ready: ['running', 'stopping'],
  running: ['stopping'],
  stopping: ['stopped'],
  stopped: [],
} as const satisfies TransitionTable<DaemonState>

/** What a daemon transition may carry: the reason for `stopping`. */
export interface DaemonTransitionMeta {
  readonly reason?: DaemonStopReason
}

/** The daemon's {@link StateMachine}. */
export type DaemonStateMachine = StateMachine<DaemonState, DaemonTransitionMeta>

/**
 * Creates the daemon state machine, starting in `starting`.
 *
 * @example
 * ```ts
 * import { createDaemonStateMachine } from '@opendaemon/core'
 *
 * const machine = createDaemonStateMachine()
 * machine.transition('ready')
 * machine.transition('running')
 * ```
 * @since 0.1.0
 */
export function createDaemonStateMachine(
  options: {
    onTransition?: (transition: Transition<DaemonState, DaemonTransitionMeta>) => void
    clock?: Clock
  } = {},
): DaemonStateMachine {
  return createStateMachine<DaemonState, DaemonTransitionMeta>({
    name: 'daemon',
    initial: 'starting',
    transitions: DAEMON_TRANSITIONS,
    historyLimit: 10,
    ...options,
  })
}
