import type { ProcessInfo } from '@opendaemon/core/client'
import { defineCommand } from '../define-command.js'
import { printProcesses } from '../process/process-table.js'
import { selectorArgs, toSelector } from '../process/selector-args.js'

/** `od restart <selector> [--cascade]`: stop then start processes (then their dependents, §11.4). */
export default defineCommand({
  name: 'restart',
  description: 'Restart processes and wait until they are online again',
  examples: ['od restart api', 'od restart --tag web --all', 'od restart db --cascade'],
  args: {
    ...selectorArgs,
    cascade: {
      type: 'boolean',
      description: 'Then restart the apps that depend on them, in dependency order',
    },
  },
  async run({ args, client, out }) {
    const selector = toSelector(args, 'restart')
    const params = args.cascade ? { ...selector, cascade: true } : selector
    printProcesses(out, (await (await client()).call('process.restart', params)) as ProcessInfo[])
    return 0
  },
})
