import type { ResurrectResult } from '@opendaemon/core/client'
import { defineCommand } from '../define-command.js'
import { printProcesses } from '../process/process-table.js'

/** `od resurrect`: start the apps saved with `od save` that are not running. */
export default defineCommand({
  name: 'resurrect',
  description: 'Start the apps saved in dump.json that are not in the process list',
  examples: ['od resurrect'],
  async run({ client, out }) {
    const result = (await (await client()).call('process.resurrect', {})) as ResurrectResult
    if (out.mode.json) {
      out.json(result)
      return 0
    }
    if (result.skipped.length > 0) out.info(`already in the process list: ${result.skipped.join(', ')}`)
    printProcesses(out, result.started)
    return 0
  },
})
