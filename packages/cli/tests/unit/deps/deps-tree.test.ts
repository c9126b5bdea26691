import type { DepsGraph } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { drawApp, drawGraph } from '../../../src/deps/deps-tree.js'
import { createColors } from '../../../src/ui/colors.js'

type Node = DepsGraph['nodes'][number]
const node = (name: string, status: Node['status'], deps: string[], dependents: string[]): Node => ({
  name,
  status,
  dependencies: deps.map((dep) => ({ name: dep, condition: dep === 'database' ? 'healthy' : 'online' })),
  dependents,
})

// The example of SPECIFICATION.md §11.5.
const graph: DepsGraph = {
  nodes: [
    node('api', 'online', ['cache', 'database'], ['gateway']),
    node('cache', 'online', [], ['api']),
    node('database', 'online', [], ['api', 'worker']),
    node('gateway', 'online', ['api'], []),
    node('worker', 'errored', ['database'], []),
  ],
  edges: [],
  order: [],
  cycles: [],
}
const plain = createColors(false)

describe('drawGraph', () => {
  it('draws every root with its dependents; a second visit says (see above)', () => {
    expect(drawGraph(graph, plain)).toEqual([
      'cache ● online',
      '└─▶ api ● online',
      '    └─▶ gateway ● online',
      'database ● online',
      '├─▶ api (see above)',
      '└─▶ worker ● errored',
    ])
  })

  it('lists cycles, which no root reaches', () => {
    const cyclic: DepsGraph = {
      ...graph,
      nodes: [node('a', 'online', ['b'], ['b']), node('b', 'online', ['a'], ['a'])],
      cycles: ['a → b → a'],
    }
    expect(drawGraph(cyclic, plain)).toEqual(['cycles:', '  a → b → a'])
  })

  it('colours the status dot like the status', () => {
    const [line] = drawGraph(graph, createColors(true))
    expect(line).toMatch(/^cache \u001b\[\d+m●\u001b\[\d+m \u001b\[\d+monline/)
  })
})

describe('drawApp', () => {
  it('draws what an app needs, with conditions, then what needs it', () => {
    expect(drawApp(graph, 'api', plain)).toEqual([
      'api ● online',
      '├─◀ cache ● online  (online)',
      '└─◀ database ● online  (healthy)',
      'needed by:',
      '└─▶ gateway ● online',
    ])
  })

  it('leaves out "needed by" when nothing needs it, nests deeper dependents', () => {
    expect(drawApp(graph, 'gateway', plain)).toEqual(['gateway ● online', '└─◀ api ● online  (online)'])
    const deeper: DepsGraph = {
      ...graph,
      nodes: [
        node('db', 'stopped', [], ['api', 'worker']),
        node('api', 'online', ['db'], ['gw']),
        node('gw', 'online', ['api'], []),
        node('worker', 'online', ['db'], []),
      ],
    }
    expect(drawApp(deeper, 'db', plain)).toEqual([
      'db ● stopped',
      'needed by:',
      '├─▶ api ● online',
      '│   └─▶ gw ● online',
      '└─▶ worker ● online',
    ])
  })
})
