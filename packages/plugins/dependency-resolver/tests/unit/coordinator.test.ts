import { createEventBus, createFakeClock, DaemonError, type EventMap } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { createCoordinator, graphError } from '../../src/coordinator.js'
import { fakeTable } from '../support/fake-table.js'

const node = (name: string, deps: string[]) => ({
  name,
  dependencies: deps.map((dep) => ({ name: dep, condition: 'online' as const })),
})

describe('graphError', () => {
  it('is null for a sound graph', () => {
    expect(graphError(['api'], [node('api', ['db']), node('db', [])])).toBeNull()
  })

  it('reports a cycle as OD_DEPENDENCY_CYCLE printing the path', () => {
    const error = graphError(['api'], [node('api', ['worker']), node('worker', ['api'])]) as DaemonError
    expect(error).toBeInstanceOf(DaemonError)
    expect(error.code).toBe('OD_DEPENDENCY_CYCLE')
    expect(error.rpcCode).toBe(6001)
    expect(error.exitCode).toBe(2)
    expect(error.message).toBe('Dependency cycle: api → worker → api. Remove one of these dependencies.')
  })

  it('names the app and the missing name, and lists every problem in data.errors', () => {
    const error = graphError(['api', 'a'], [node('api', ['cache']), node('a', ['a'])]) as DaemonError
    expect(error.code).toBe('OD_DEPENDENCY_UNKNOWN')
    expect(error.rpcCode).toBe(6002)
    expect(error.message).toContain(
      'api depends on "cache", which is neither in this config nor in the process table',
    )
    expect(error.data).toEqual({
      errors: [
        { code: 'OD_DEPENDENCY_UNKNOWN', message: expect.stringContaining('"cache"') },
        { code: 'OD_DEPENDENCY_CYCLE', message: expect.stringContaining('a → a') },
      ],
    })
  })

  it('ignores problems of apps outside `names` (a dangling reference elsewhere in the table)', () => {
    expect(graphError(['api'], [node('api', []), node('old', ['deleted']), node('x', ['x'])])).toBeNull()
  })
})

describe('createCoordinator', () => {
  const coordinator = () =>
    createCoordinator({
      clock: createFakeClock(),
      events: createEventBus<EventMap>(),
      onStateChange: () => () => undefined,
    })

  it('check throws the graph error', () => {
    expect(() => coordinator().check(['a'], [node('a', ['b'])])).toThrow('a depends on "b"')
    expect(() => coordinator().check(['a'], [node('a', [])])).not.toThrow()
  })

  it('orders stops, lists transitive dependents and starts sets', async () => {
    const table = fakeTable({ gateway: ['api'], api: ['db'], db: [] }, { status: 'online' })
    const c = coordinator()
    expect(c.dependents(['db'], table)).toEqual(['api', 'gateway'])
    const stopped: string[] = []
    await c.stopSet(['db', 'api', 'gateway'], table, async (name) => void stopped.push(name))
    expect(stopped).toEqual(['gateway', 'api', 'db'])
    const started: string[] = []
    await c.startSet(['gateway', 'api', 'db'], table, async (name) => void started.push(name), {
      expand: false,
    })
    expect(started).toEqual(['db', 'api', 'gateway'])
  })
})
