import { describe, expect, expectTypeOf, it } from 'vitest'
import { DaemonError, createFakeClock, createStateMachine, type Transition } from '../../src/index.js'

const transitions = { idle: ['busy'], busy: ['idle', 'done'], done: [] } as const

describe('createStateMachine', () => {
  it('starts in the initial state and infers the state type from the table', () => {
    const machine = createStateMachine({ initial: 'idle', transitions })
    expect(machine.state).toBe('idle')
    expectTypeOf(machine.state).toEqualTypeOf<'idle' | 'busy' | 'done'>()
    // @ts-expect-error -- not a state of this machine
    expect(machine.can('gone')).toBe(false)
  })

  it('moves along allowed transitions and reports each one with time and meta', () => {
    const clock = createFakeClock(500)
    const seen: Transition<'idle' | 'busy' | 'done', { why: string }>[] = []
    const machine = createStateMachine<'idle' | 'busy' | 'done', { why: string }>({
      initial: 'idle',
      transitions,
      clock,
      onTransition: (t) => seen.push(t),
    })
    expect(machine.can('busy')).toBe(true)
    const result = machine.transition('busy', { why: 'work' })
    expect(result).toEqual({ from: 'idle', to: 'busy', at: 500, meta: { why: 'work' } })
    expect(machine.state).toBe('busy')
    machine.transition('done')
    expect(seen.map((t) => t.to)).toEqual(['busy', 'done'])
    expect(seen[1]?.meta).toBeUndefined()
  })

  it('refuses a transition the table does not allow, naming both states and the allowed ones', () => {
    const machine = createStateMachine({ name: 'job', initial: 'idle', transitions })
    let caught: unknown
    try {
      machine.transition('done')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(DaemonError)
    expect((caught as DaemonError).code).toBe('OD_INVALID_TRANSITION')
    expect((caught as DaemonError).message).toBe(
      'The job cannot go from "idle" to "done"; from "idle" it can go to: "busy".',
    )
    expect((caught as DaemonError).data).toEqual({ from: 'idle', to: 'done' })
    expect(machine.state).toBe('idle')
  })

  it('says a final state allows nothing, and uses a generic name by default', () => {
    const machine = createStateMachine({ initial: 'done', transitions })
    expect(machine.can('idle')).toBe(false)
    expect(() => machine.transition('idle')).toThrowError(
      'The state machine cannot go from "done" to "idle"; from "done" it can go to: nothing (final state).',
    )
  })

  it('keeps no history by default and the last historyLimit transitions when asked', () => {
    const none = createStateMachine({ initial: 'idle', transitions })
    none.transition('busy')
    expect(none.history()).toEqual([])
    const some = createStateMachine({ initial: 'idle', transitions, historyLimit: 2 })
    some.transition('busy')
    some.transition('idle')
    some.transition('busy')
    expect(some.history().map((t) => `${t.from}>${t.to}`)).toEqual(['busy>idle', 'idle>busy'])
  })
})
