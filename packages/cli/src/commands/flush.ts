import type { MethodResult } from '@opendaemon/core/client'
import { defineCommand } from '../define-command.js'

/** `od flush [selector]`: truncate the current log files (every app when no selector is given). */
export default defineCommand({
  name: 'flush',
  description: 'Empty the log files of processes (all apps when none is named)',
  examples: ['od flush', 'od flush api', 'od flush api --rotated --crash'],
  args: {
    target: { type: 'positional', description: 'id, name or "all" (default: all)', valueName: 'name|id|all' },
    namespace: { type: 'string', description: 'Only processes in this namespace', valueName: 'ns' },
    rotated: { type: 'boolean', description: 'Also delete rotated files' },
    crash: { type: 'boolean', description: 'Also delete crash records' },
  },
  async run({ args, client, out }) {
    const selector: { target?: string | number; namespace?: string } = {}
    if (args.target !== undefined)
      selector.target = /^\d+$/.test(args.target) ? Number(args.target) : args.target
    if (args.namespace !== undefined) selector.namespace = args.namespace
    const params = {
      ...(Object.keys(selector).length > 0 ? { selector } : {}),
      ...(args.rotated ? { rotated: true } : {}),
      ...(args.crash ? { crash: true } : {}),
    }
    const results = (await (await client()).call('log.flush', params)) as MethodResult<'log.flush'>
    if (out.mode.json) out.json(results)
    else {
      const files = results.reduce((n, r) => n + r.files.length, 0)
      out.success(
        `flushed ${files} file${files === 1 ? '' : 's'} of ${results.map((r) => r.name).join(', ') || 'no app'}`,
      )
    }
    return 0
  },
})
