import { describe, expect, it } from 'vitest'
import { DAEMON_TRANSITIONS, createDaemonStateMachine, createFakeClock } from '../../src/index.js'

describe('createDaemonStateMachine', () => {
  it('walks starting → ready → running → stopping → stopped', () => {
    const seen: string[] = []
    const machine = createDaemonStateMachine({ onTransition: (t) => seen.push(`${t.from}>${t.to}`) })
    expect(machine.state).toBe('starting')
    machine.transition('ready')
    machine.transition('running')
    machine.transition('stopping', { reason: 'signal' })
    machine.transition('stopped')
    expect(seen).toEqual(['starting>ready', 'ready>running', 'running>stopping', 'stopping>stopped'])
    expect(machine.history()[2]?.meta).toEqual({ reason: 'signal' })
  })

  it('allows a failed boot to stop from starting, and nothing after stopped', () => {
    const machine = createDaemonStateMachine({ clock: createFakeClock() })
    machine.transition('stopping', { reason: 'boot-failed' })
    machine.transition('stopped')
    expect(() => machine.transition('starting')).toThrowError(/The daemon cannot go from "stopped"/)
  })

  it('never goes back to an earlier state', () => {
    expect(DAEMON_TRANSITIONS.running).toEqual(['stopping'])
    const machine = createDaemonStateMachine()
    machine.transition('ready')
    expect(machine.can('starting')).toBe(false)
  })
})
