import type { MethodResult } from '@opendaemon/core/client'
import { defineCommand } from '../define-command.js'

/** `od reloadLogs`: close and reopen every log file (after an external logrotate). */
export default defineCommand({
  name: 'reloadLogs',
  aliases: ['reload-logs'],
  description: 'Reopen every log file (for external rotation tools; copytruncate-safe)',
  examples: ['od reloadLogs', 'od reload-logs --json'],
  async run({ client, out }) {
    const result = (await (await client()).call('log.reload', {})) as MethodResult<'log.reload'>
    if (out.mode.json) out.json(result)
    else out.success(`reopened ${result.reopened} log file${result.reopened === 1 ? '' : 's'}`)
    return 0
  },
})
