import type { SaveResult } from '@opendaemon/core/client'
import { defineCommand } from '../define-command.js'

/** `od save`: write the process list to dump.json for `od resurrect`. */
export default defineCommand({
  name: 'save',
  aliases: ['dump'],
  description: 'Save the process list to dump.json (restored by od resurrect)',
  examples: ['od save', 'od save --force'],
  args: { force: { type: 'boolean', description: 'Save even an empty process list' } },
  async run({ args, client, out }) {
    const result = (await (
      await client()
    ).call('process.save', args.force ? { force: true } : {})) as SaveResult
    if (out.mode.json) out.json(result)
    else out.success(`saved ${result.apps} app${result.apps === 1 ? '' : 's'} to ${result.file}`)
    return 0
  },
})
