import { systemClock, type Clock } from './clock.js'
import { DaemonError } from './errors/daemon-error.js'

/** Allowed moves: for every state, the states it may go to (`[]` for a final state). */
export type TransitionTable<S extends string> = { readonly [From in S]: readonly S[] }

/** One completed transition. */
export interface Transition<S extends string, Meta = unknown> {
  readonly from: S
  readonly to: S
  readonly at: number
  readonly meta: Meta | undefined
}

/** Options of {@link createStateMachine}. */
export interface StateMachineOptions<S extends string, Meta = unknown> {
  /** Named in error messages (`daemon state machine`); default `state machine`. */
  readonly name?: string
  readonly initial: NoInfer<S>
  readonly transitions: TransitionTable<S>
  /** Called after each transition, once `state` already holds the new state. */
  readonly onTransition?: (transition: Transition<S, Meta>) => void
  /** How many past transitions `history()` keeps; default 0 (none). */
  readonly historyLimit?: number
  /** Timestamps transitions; default {@link systemClock}. */
  readonly clock?: Clock
}

/**
 * A finite state machine that refuses transitions its table does not allow.
 *
 * @example
 * ```ts
 * import { createStateMachine } from '@opendaemon/core'
 *
 * const door = createStateMachine({
 *   initial: 'closed',
 *   transitions: { closed: ['open'], open: ['closed'] },
 * })
 * door.transition('open')
 * console.log(door.state, door.can('open')) // 'open' false
 * ```
 * @since 0.1.0
 */
export interface StateMachine<S extends string, Meta = unknown> {
  /** The current state. */
  readonly state: S
  /** True when the table allows going from the current state to `to`. */
  can(to: S): boolean
  /**
   * Moves to `to`, or throws `OD_INVALID_TRANSITION` (naming both states and the allowed ones)
   * without changing state.
   */
  transition(to: S, meta?: Meta): Transition<S, Meta>
  /** The last `historyLimit` transitions, oldest first. */
  history(): readonly Transition<S, Meta>[]
}

/**
 * Creates a {@link StateMachine} from a transition table; the state type is inferred from the
 * table's keys.
 *
 * @example
 * ```ts
 * import { createStateMachine } from '@opendaemon/core'
 *
 * const job = createStateMachine({
 *   name: 'job',
 *   initial: 'queued',
 *   transitions: { queued: ['running'], running: ['done', 'failed'], done: [], failed: ['queued'] },
 *   historyLimit: 10,
 *   onTransition: ({ from, to }) => console.log(`${from} → ${to}`),
 * })
 * job.transition('running')
 * ```
 * @since 0.1.0
 */
export function createStateMachine<S extends string, Meta = unknown>(
  options: StateMachineOptions<S, Meta>,
): StateMachine<S, Meta> {
  const name = options.name ?? 'state machine'
  const clock = options.clock ?? systemClock
  const limit = options.historyLimit ?? 0
  const past: Transition<S, Meta>[] = []
  let state: S = options.initial

  const can = (to: S): boolean => options.transitions[state].includes(to)

  return {
    get state() {
      return state
    },
    can,
    transition(to, meta) {
      if (!can(to)) {
        const allowed = options.transitions[state]
        const list = allowed.length === 0 ? 'nothing (final state)' : allowed.map((s) => `"${s}"`).join(', ')
        throw new DaemonError('OD_INVALID_TRANSITION', name, state, to, list, { data: { from: state, to } })
      }
      const transition: Transition<S, Meta> = { from: state, to, at: clock.now(), meta }
      state = to
      if (limit > 0) {
        past.push(transition)
        if (past.length > limit) past.shift()
      }
      options.onTransition?.(transition)
      return transition
    },
    history: () => [...past],
  }
}
