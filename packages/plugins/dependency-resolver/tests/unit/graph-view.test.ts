import type { DependencyAppFacts } from '@opendaemon/plugin-process-manager'
import { describe, expect, it } from 'vitest'
import { describeGraph } from '../../src/graph-view.js'

function app(
  name: string,
  deps: string[],
  statuses: DependencyAppFacts['instances'][number]['status'][] = ['online'],
): DependencyAppFacts {
  return {
    name,
    dependencies: deps.map((dep) => ({ name: dep, condition: 'online' })),
    dependencyTimeoutMs: 60_000,
    instances: statuses.map((status) => ({ status, restartPending: false, exitCode: null })),
  }
}

const table = [
  app('gateway', ['api']),
  app('api', ['database', 'cache'], ['online', 'starting']),
  app('worker', ['database'], ['errored']),
  app('database', []),
  app('cache', []),
  app('lone', []),
]

describe('describeGraph', () => {
  it('describes the whole table: nodes, edges, levels, no cycles', () => {
    const graph = describeGraph(table)
    expect(graph.nodes.map((n) => [n.name, n.status, n.dependents])).toEqual([
      ['api', 'starting', ['gateway']],
      ['cache', 'online', ['api']],
      ['database', 'online', ['api', 'worker']],
      ['gateway', 'online', []],
      ['lone', 'online', []],
      ['worker', 'errored', []],
    ])
    expect(graph.edges).toContainEqual({ from: 'api', to: 'database', condition: 'online' })
    expect(graph.edges).toHaveLength(4)
    expect(graph.order).toEqual([['cache', 'database', 'lone'], ['api', 'worker'], ['gateway']])
    expect(graph.cycles).toEqual([])
  })

  it("narrows to one app's dependencies and dependents", () => {
    const graph = describeGraph(table, 'api')
    expect(graph.nodes.map((n) => n.name)).toEqual(['api', 'cache', 'database', 'gateway'])
    expect(graph.order).toEqual([['cache', 'database'], ['api'], ['gateway']])
  })

  it('shows a dangling dependency as a missing node, and cycles', () => {
    const graph = describeGraph([app('api', ['ghost', 'worker']), app('worker', ['api'])])
    expect(graph.nodes.find((n) => n.name === 'ghost')).toEqual({
      name: 'ghost',
      status: 'missing',
      dependencies: [],
      dependents: ['api'],
    })
    expect(graph.cycles).toEqual(['api → worker → api'])
  })

  it('refuses an unknown target', () => {
    expect(() => describeGraph(table, 'nope')).toThrow(
      expect.objectContaining({ code: 'OD_PROCESS_NOT_FOUND' }),
    )
  })
})
