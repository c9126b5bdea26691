import { createEventBus, createFakeClock } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { buildAdoptedSupervisor, withRestartCommand } from '../../src/adopted-handover.js'
import type { AdoptionFacts, RestoredState, Supervisor } from '../../src/supervisor-contract.js'
import { specFor } from '../helpers/supervisor-harness.js'

const ident = { id: 3, name: 'svc', namespace: 'default', instance: 0 }

/** A supervisor that records the calls made to it. */
function fake(
  status: Supervisor['status'],
  calls: string[],
  tag: string,
  spec = specFor({ name: 'svc' }),
): Supervisor & { adoption(): AdoptionFacts } {
  let current = status
  const note = (what: string) => {
    calls.push(`${tag}.${what}`)
    return Promise.resolve()
  }
  return {
    ident,
    spec,
    get status() {
      return current
    },
    start: () => {
      current = 'online'
      return note('start')
    },
    restart: () => note('restart'),
    stop: () => {
      current = 'stopped'
      return note('stop')
    },
    halt: () => note('halt'),
    remove: () => note('remove'),
    reset: () => void calls.push(`${tag}.reset`),
    snapshot: () => ({ status: current, lastExit: null }) as ReturnType<Supervisor['snapshot']>,
    adoption: () => ({ pid: 4242, startTime: 1, groupKill: false, adoptedAt: 2 }),
  }
}

function setup(status: Supervisor['status'], spec = specFor({ name: 'svc' })) {
  const calls: string[] = []
  const made: RestoredState[] = []
  let handovers = 0
  const adopted = fake(status, calls, 'adopted', spec)
  const wrapper = withRestartCommand(adopted, {
    makeManaged: (restored) => {
      made.push(restored)
      return fake('created', calls, 'managed', spec)
    },
    onHandover: () => void handovers++,
  })
  return { wrapper, calls, made, handovers: () => handovers }
}

describe('withRestartCommand', () => {
  it('delegates to the adopted watcher while its process lives; start is a no-op then', async () => {
    const { wrapper, calls } = setup('online')
    await wrapper.start()
    await wrapper.halt()
    await wrapper.remove()
    wrapper.reset()
    await wrapper.stop()
    expect(calls).toEqual(['adopted.halt', 'adopted.remove', 'adopted.reset', 'adopted.stop'])
    expect(wrapper.adoption()).toEqual({ pid: 4242, startTime: 1, groupKill: false, adoptedAt: 2 })
    expect(wrapper.snapshot().status).toBe('stopped')
  })

  it('restart stops the live process, hands over (one restart counted) and starts the command', async () => {
    const { wrapper, calls, made, handovers } = setup('online')
    await wrapper.restart()
    expect(calls).toEqual(['adopted.stop', 'managed.start'])
    expect(made).toEqual([{ restarts: 1, lastExit: null }])
    expect(handovers()).toBe(1)
    expect(wrapper.adoption()).toBeNull()
    expect(wrapper.status).toBe('online')
    await wrapper.restart()
    await wrapper.start()
    expect(calls.slice(2)).toEqual(['managed.restart', 'managed.start'])
    expect(made).toHaveLength(1)
  })

  it('start of an ended process hands over without counting a restart; onGone does nothing after', async () => {
    const { wrapper, calls, made } = setup('stopped')
    await wrapper.start()
    wrapper.onGone()
    expect(made).toEqual([{ restarts: 0, lastExit: null }])
    expect(calls).toEqual(['managed.start'])
  })

  it('restart of an ended process does not stop it again', async () => {
    const { wrapper, calls } = setup('stopped')
    await wrapper.restart()
    expect(calls).toEqual(['managed.start'])
  })

  it('onGone hands over and starts, unless the policy says never', async () => {
    const always = setup('stopped')
    always.wrapper.onGone()
    await Promise.resolve()
    expect(always.calls).toEqual(['managed.start'])
    const never = setup('stopped', specFor({ name: 'svc', autorestart: 'never' }))
    never.wrapper.onGone()
    expect(never.calls).toEqual([])
  })
})

describe('buildAdoptedSupervisor', () => {
  it('wires the watcher to the wrapper: an ended process starts the restart command', async () => {
    const clock = createFakeClock(10)
    const calls: string[] = []
    const sup = buildAdoptedSupervisor(
      ident,
      specFor({ name: 'svc' }),
      { pid: 4242, startTime: 1, groupKill: false },
      true,
      {
        clock,
        events: createEventBus(),
        onChange: () => undefined,
        isSameProcess: () => Promise.resolve(false),
        kill: () => undefined,
        pollMs: 100,
        makeManaged: () => fake('created', calls, 'managed'),
      },
    )
    await clock.advanceAsync(100)
    expect(calls).toEqual(['managed.start'])
    expect(sup.status).toBe('online')
  })
})
