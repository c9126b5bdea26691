import type { ProcessInfo } from '@opendaemon/core/client'
import { defineCommand } from '../define-command.js'
import { printProcesses } from '../process/process-table.js'

/** `od list`: the process table. */
export default defineCommand({
  name: 'list',
  aliases: ['ls', 'l', 'ps'],
  description: 'List processes with their status, pid, cpu, memory, restarts and uptime',
  examples: ['od list', 'od ls --namespace prod', 'od list --json'],
  args: {
    namespace: { type: 'string', description: 'Only processes in this namespace', valueName: 'ns' },
    tag: {
      type: 'string',
      multiple: true,
      description: 'Only processes with one of these tags (repeatable)',
    },
  },
  async run({ args, client, out }) {
    const filter = {
      ...(args.namespace === undefined ? {} : { namespace: args.namespace }),
      ...(args.tag.length === 0 ? {} : { tags: args.tag }),
    }
    printProcesses(out, (await (await client()).call('process.list', filter)) as ProcessInfo[])
    return 0
  },
})
