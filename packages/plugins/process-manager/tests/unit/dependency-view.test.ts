import { describe, expect, it } from 'vitest'
import type { AppSpec } from '../../src/app-spec.js'
import { dependencyTable, directDependents, graphWith } from '../../src/dependency-view.js'
import { toProcessDetail } from '../../src/process-info.js'
import type { InstanceState, Supervisor } from '../../src/supervisor.js'
import { specFor } from '../helpers/supervisor-harness.js'

/** A spec as saved before dependencies existed. */
function oldSpec(name: string): AppSpec {
  const { dependencies: _d, dependencyTimeoutMs: _t, ...spec } = specFor({ name })
  return spec
}

function sup(state: Partial<InstanceState>): Supervisor {
  return {
    snapshot: () => ({ status: 'stopped', nextRestartAt: null, lastExit: null, ...state }) as InstanceState,
  } as Supervisor
}

describe('dependency view of the table', () => {
  it('reads specs saved before dependencies existed as having none, with the default timeout', () => {
    const view = dependencyTable(() => [{ name: 'old', spec: oldSpec('old'), sups: [sup({})] }])
    expect(view.apps()).toEqual([
      {
        name: 'old',
        dependencies: [],
        dependencyTimeoutMs: 60_000,
        instances: [{ status: 'stopped', restartPending: false, exitCode: null }],
      },
    ])
  })

  it('reports a pending restart and the last exit code', () => {
    const spec = specFor({ name: 'api', dependencies: ['db'], dependencyTimeout: 0 })
    const exit = { code: 0, signal: null, at: 1, uptimeMs: 1, reason: 'crash' as const }
    const view = dependencyTable(() => [
      { name: 'api', spec, sups: [sup({ nextRestartAt: 5, lastExit: exit })] },
    ])
    expect(view.apps()[0]).toMatchObject({
      dependencyTimeoutMs: 0,
      instances: [{ status: 'stopped', restartPending: true, exitCode: 0 }],
    })
  })

  it('builds the graph with new specs replacing the table, and lists direct dependents', () => {
    const table = [
      { name: 'api', spec: specFor({ name: 'api', dependencies: ['db'] }), sups: [] },
      { name: 'old', spec: oldSpec('old'), sups: [] },
    ]
    expect(graphWith(table, [specFor({ name: 'api', dependencies: ['cache'] })])).toEqual([
      { name: 'old', dependencies: [] },
      { name: 'api', dependencies: [{ name: 'cache', condition: 'online' }] },
    ])
    expect(directDependents(table, 'db')).toEqual(['api'])
    expect(directDependents(table, 'api')).toEqual([])
  })

  it('process detail of an old spec has no dependencies and, by default, no dependents', () => {
    const view = {
      ident: { id: 0, name: 'old', namespace: 'default', instance: 0 },
      spec: oldSpec('old'),
      interpreter: 'node',
      createdAt: 0,
      state: sup({}).snapshot(),
      memory: null,
      adopted: false,
    }
    const detail = toProcessDetail(
      { ...view, state: { ...view.state, history: [], desired: 'online' } as InstanceState },
      0,
      {
        out: 'o',
        err: 'e',
      },
    )
    expect(detail).toMatchObject({ dependencies: [], dependents: [] })
  })
})
