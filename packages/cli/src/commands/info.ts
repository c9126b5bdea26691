import type { ProcessDetail } from '@opendaemon/core/client'
import { defineCommand } from '../define-command.js'
import { printCrash } from '../process/crash-view.js'
import { detailRows } from '../process/process-table.js'

/** `od info <name|id>`: everything about one app (env values are never shown). */
export default defineCommand({
  name: 'info',
  aliases: ['describe', 'desc', 'show'],
  description: 'Show the definition, state, restart policy and log files of a process',
  examples: ['od info api', 'od describe 3 --json'],
  args: { target: { type: 'positional', required: true, description: 'name or id', valueName: 'name|id' } },
  async run({ args, client, out }) {
    const target = /^\d+$/.test(args.target) ? Number(args.target) : args.target
    const details = (await (await client()).call('process.info', { target })) as ProcessDetail[]
    if (out.mode.json) {
      out.json(details)
      return 0
    }
    details.forEach((detail, i) => {
      if (i > 0) out.line()
      out.table(detailRows(detail), [
        { key: 'key', header: 'field' },
        { key: 'value', header: 'value' },
      ])
      if (detail.crash) printCrash(out, detail.crash)
    })
    return 0
  },
})
