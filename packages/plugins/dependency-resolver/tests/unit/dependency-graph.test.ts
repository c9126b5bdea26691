import type { DependencyRef } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import {
  checkGraph,
  dependenciesClosure,
  dependentsClosure,
  dependentsIndex,
  findCycles,
  formatCycle,
  startLevels,
  stopLevels,
  type GraphApp,
} from '../../src/dependency-graph.js'

/** `graph({ api: ['db'], db: [] })` */
function graph(spec: Record<string, string[]>): GraphApp[] {
  return Object.entries(spec).map(([name, deps]) => ({
    name,
    dependencies: deps.map((dep): DependencyRef => ({ name: dep, condition: 'online' })),
  }))
}

describe('findCycles', () => {
  it('finds none in a diamond', () => {
    expect(findCycles(graph({ api: ['db', 'cache'], db: ['disk'], cache: ['disk'], disk: [] }))).toEqual([])
  })

  it('prints a self-dependency as api → api', () => {
    expect(findCycles(graph({ api: ['api'] })).map(formatCycle)).toEqual(['api → api'])
  })

  it('prints a cycle of two starting and ending at the smallest name', () => {
    expect(findCycles(graph({ worker: ['api'], api: ['worker'] })).map(formatCycle)).toEqual([
      'api → worker → api',
    ])
  })

  it('prints a cycle of length n in dependency order', () => {
    const apps = graph({ e: ['a'], d: ['e'], c: ['d'], b: ['c'], a: ['b'], x: ['a'] })
    expect(findCycles(apps).map(formatCycle)).toEqual(['a → b → c → d → e → a'])
  })

  it('reports one cycle per strongly connected component, the shortest through its smallest name', () => {
    const apps = graph({ a: ['b', 'c'], b: ['c'], c: ['a'], m: ['n'], n: ['m'], z: ['z'] })
    expect(findCycles(apps).map(formatCycle)).toEqual(['a → c → a', 'm → n → m', 'z → z'])
  })

  it('ignores edges to unknown names', () => {
    expect(findCycles(graph({ api: ['ghost'] }))).toEqual([])
  })
})

describe('checkGraph', () => {
  it('names the app and the missing dependency', () => {
    expect(checkGraph(graph({ api: ['db', 'cache'], db: [] }), () => false)).toEqual([
      { kind: 'unknown', app: 'api', missing: 'cache' },
    ])
  })

  it('accepts names known to the process table', () => {
    expect(checkGraph(graph({ api: ['db'] }), (name) => name === 'db')).toEqual([])
  })

  it('reports every problem at once: unknown names, then cycles', () => {
    const issues = checkGraph(graph({ api: ['worker', 'x'], worker: ['api'] }), () => false)
    expect(issues).toEqual([
      { kind: 'unknown', app: 'api', missing: 'x' },
      { kind: 'cycle', cycle: ['api', 'worker', 'api'], text: 'api → worker → api' },
    ])
  })

  it('counts a dependency listed twice once', () => {
    const apps: GraphApp[] = [
      {
        name: 'api',
        dependencies: [
          { name: 'x', condition: 'online' },
          { name: 'x', condition: 'started' },
        ],
      },
    ]
    expect(checkGraph(apps, () => false)).toHaveLength(1)
  })
})

describe('startLevels and stopLevels', () => {
  const diamond = graph({ gateway: ['api'], api: ['db', 'cache'], worker: ['db'], db: [], cache: [] })

  it('groups independent apps into levels sorted by name', () => {
    expect(startLevels(diamond)).toEqual([['cache', 'db'], ['api', 'worker'], ['gateway']])
  })

  it('stops in the reverse order', () => {
    expect(stopLevels(diamond)).toEqual([['gateway'], ['api', 'worker'], ['cache', 'db']])
  })

  it('ignores dependencies outside the set (already running)', () => {
    expect(startLevels(graph({ api: ['db'], gateway: ['api'] }))).toEqual([['api'], ['gateway']])
  })

  it('leaves apps on a cycle out', () => {
    expect(startLevels(graph({ a: ['b'], b: ['a'], c: [] }))).toEqual([['c']])
  })

  it('is empty for no apps', () => {
    expect(startLevels([])).toEqual([])
  })
})

describe('closures', () => {
  const apps = graph({ gateway: ['api'], api: ['db', 'cache'], worker: ['db'], db: [], cache: [], lone: [] })

  it('lists the direct dependents of each app', () => {
    expect(Object.fromEntries(dependentsIndex(apps))).toEqual({
      api: ['gateway'],
      db: ['api', 'worker'],
      cache: ['api'],
    })
  })

  it('collects every transitive dependent (the cascade set) without the app itself', () => {
    expect(dependentsClosure(apps, ['db'])).toEqual(['api', 'gateway', 'worker'])
    expect(dependentsClosure(apps, ['cache', 'api'])).toEqual(['gateway'])
    expect(dependentsClosure(apps, ['lone'])).toEqual([])
  })

  it('collects every transitive dependency, unknown names included', () => {
    expect(dependenciesClosure(apps, ['gateway'])).toEqual(['api', 'cache', 'db'])
    expect(dependenciesClosure(graph({ api: ['ghost'] }), ['api'])).toEqual(['ghost'])
  })

  it('terminates on a cycle', () => {
    expect(dependentsClosure(graph({ a: ['b'], b: ['a'] }), ['a'])).toEqual(['b'])
  })
})
