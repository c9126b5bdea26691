import type { DepsGraph } from '@opendaemon/core/client'
import { defineCommand } from '../define-command.js'
import { drawApp, drawGraph } from '../deps/deps-tree.js'

/** `od deps [name]`: the dependency graph as a tree (§11.5). */
export default defineCommand({
  name: 'deps',
  aliases: ['graph'],
  description: 'Show the dependency graph of the apps as a tree',
  examples: ['od deps', 'od deps api', 'od deps --json'],
  args: {
    name: {
      type: 'positional',
      description: 'Only this app: what it needs and what needs it',
      valueName: 'name',
    },
  },
  async run({ args, client, out }) {
    const params = args.name === undefined ? {} : { target: args.name }
    const graph = (await (await client()).call('deps.graph', params)) as DepsGraph
    if (out.mode.json) {
      out.json(graph)
      return 0
    }
    if (graph.nodes.length === 0) {
      out.line('no apps; start some with `od start <config>`')
      return 0
    }
    const lines =
      args.name === undefined ? drawGraph(graph, out.colors) : drawApp(graph, args.name, out.colors)
    for (const line of lines) out.line(line)
    return 0
  },
})
