/**
 * When a dependency counts as ready (SPECIFICATION.md §11.2), decided from the facts of its
 * instances: a pure function, re-evaluated by the start gate at every state change.
 */
import type { DependencyRef, ProcessStatus } from '@opendaemon/core'

/** What the gate knows about one instance of a dependency. */
export interface InstanceFacts {
  readonly status: ProcessStatus
  /** An automatic restart is scheduled (a crash blip, not an end). */
  readonly restartPending: boolean
  /** Exit code of the last run; null when it has not exited or was killed by a signal. */
  readonly exitCode: number | null
}

/** Why a dependency can no longer become ready. */
export type FailureReason = 'errored' | 'stopped'

/** The verdict for one dependency. */
export type Readiness = { state: 'ready' } | { state: 'pending' } | { state: 'failed'; reason: FailureReason }

const READY: Readiness = { state: 'ready' }
const PENDING: Readiness = { state: 'pending' }

function instanceReadiness(condition: DependencyRef['condition'], facts: InstanceFacts): Readiness {
  switch (facts.status) {
    case 'errored':
      return { state: 'failed', reason: 'errored' }
    case 'online':
      return condition === 'completed' ? PENDING : READY
    case 'starting':
      return condition === 'started' ? READY : PENDING
    case 'stopping':
      return PENDING
    case 'stopped':
    case 'created':
      if (facts.restartPending) return PENDING
      if (condition === 'completed' && facts.exitCode === 0) return READY
      return { state: 'failed', reason: 'stopped' }
  }
}

/**
 * Whether a dependency with these instances satisfies `condition`: ready when every instance
 * does, failed as soon as one cannot any more (`errored`, or stopped with no restart coming),
 * else pending. `healthy` is `online` until health checks exist (§12.6). The caller evaluates a
 * dependency of its own start set only after that dependency's start has settled, so `created` and
 * `stopped` mean that nothing is going to start it.
 *
 * @example
 * ```ts
 * evaluateCondition('online', [{ status: 'online', restartPending: false, exitCode: null }])
 * // { state: 'ready' }
 * ```
 */
export function evaluateCondition(
  condition: DependencyRef['condition'],
  instances: readonly InstanceFacts[],
): Readiness {
  let verdict: Readiness = READY
  for (const facts of instances) {
    const one = instanceReadiness(condition, facts)
    if (one.state === 'failed') return one
    if (one.state === 'pending') verdict = PENDING
  }
  return instances.length === 0 ? { state: 'failed', reason: 'stopped' } : verdict
}
