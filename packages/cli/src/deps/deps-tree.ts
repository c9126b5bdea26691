/**
 * `od deps` drawn as indented trees with box characters (SPECIFICATION.md §11.5): every root with
 * its dependents below (`─▶` reads "is needed by"), or one app with what it needs (`◀─`) and what
 * needs it. Pure: lines from a `deps.graph` result.
 */
import type { DepsGraph } from '@opendaemon/core/client'
import type { Colors } from '../ui/colors.js'
import { paintStatus } from '../process/process-table.js'

type Node = DepsGraph['nodes'][number]

function label(node: Node, colors: Colors): string {
  const dot = paintStatus(node.status, colors).replace(node.status, '●')
  return `${node.name} ${dot} ${paintStatus(node.status, colors)}`
}

function dependentsTree(
  graph: DepsGraph,
  name: string,
  prefix: string,
  seen: Set<string>,
  colors: Colors,
): string[] {
  const byName = new Map(graph.nodes.map((n) => [n.name, n]))
  const children = (byName.get(name) as Node).dependents
  return children.flatMap((child, i) => {
    const last = i === children.length - 1
    const head = `${prefix}${last ? '└─▶' : '├─▶'} `
    if (seen.has(child)) return [`${head}${child} (see above)`]
    seen.add(child)
    const node = byName.get(child) as Node
    return [
      `${head}${label(node, colors)}`,
      ...dependentsTree(graph, child, `${prefix}${last ? '    ' : '│   '}`, seen, colors),
    ]
  })
}

/**
 * The whole graph: each root (an app without dependencies) with its dependents below, roots and
 * children sorted by name; an app reached a second time prints `(see above)`. Apps on a cycle,
 * which no root reaches, follow under `cycles:`.
 *
 * @example
 * ```ts
 * drawGraph(await client.call('deps.graph', {}), out.colors).forEach((line) => out.line(line))
 * ```
 */
export function drawGraph(graph: DepsGraph, colors: Colors): string[] {
  const seen = new Set<string>()
  const lines: string[] = []
  for (const root of graph.nodes.filter((n) => n.dependencies.length === 0)) {
    seen.add(root.name)
    lines.push(label(root, colors), ...dependentsTree(graph, root.name, '', seen, colors))
  }
  if (graph.cycles.length > 0) lines.push('cycles:', ...graph.cycles.map((cycle) => `  ${cycle}`))
  return lines
}

/**
 * One app: its dependencies with their conditions, then the apps that need it (transitively).
 *
 * @example
 * ```ts
 * drawApp(await client.call('deps.graph', { target: 'api' }), 'api', out.colors)
 * ```
 */
export function drawApp(graph: DepsGraph, name: string, colors: Colors): string[] {
  const byName = new Map(graph.nodes.map((n) => [n.name, n]))
  const node = byName.get(name) as Node
  const needs = node.dependencies.map((dep, i) => {
    const last = i === node.dependencies.length - 1
    return `${last ? '└─◀' : '├─◀'} ${label(byName.get(dep.name) as Node, colors)}  (${dep.condition})`
  })
  const neededBy = dependentsTree(graph, name, '', new Set([name]), colors)
  return [label(node, colors), ...needs, ...(neededBy.length > 0 ? ['needed by:', ...neededBy] : [])]
}
