import type { HardResetResult, ProcessInfo } from '@opendaemon/core/client'
import { DaemonError } from '@opendaemon/core/client'
import { CliError } from '../cli-error.js'
import { defineCommand } from '../define-command.js'
import { printProcesses } from '../process/process-table.js'
import { selectorArgs, toSelector } from '../process/selector-args.js'

/**
 * `od reset <selector>`: clear restart counters and the last exit. `od reset --hard --confirm RESET`:
 * delete every app, clear state.json and dump.json and set the ids back to 0; the confirmation is
 * checked before the daemon is contacted.
 */
export default defineCommand({
  name: 'reset',
  description: 'Clear the restart counters of processes; --hard --confirm RESET deletes everything',
  usage: 'reset <name|id|all> [selector flags] [--all] | reset --hard --confirm RESET',
  examples: ['od reset api', 'od reset all', 'od reset --hard --confirm RESET'],
  args: {
    ...selectorArgs,
    hard: { type: 'boolean', description: 'Delete every app and reset ids, state.json and dump.json' },
    confirm: { type: 'string', description: 'With --hard: must be exactly RESET', valueName: 'RESET' },
  },
  async run({ args, client, out }) {
    if (!args.hard) {
      if (args.confirm !== undefined) throw new CliError('OD_USAGE', '--confirm only goes with --hard')
      const selector = toSelector(args, 'reset')
      printProcesses(out, (await (await client()).call('process.reset', selector)) as ProcessInfo[])
      return 0
    }
    if (
      args.target !== undefined ||
      args.namespace !== undefined ||
      args.tag.length + args.tagAll.length > 0
    ) {
      throw new CliError('OD_USAGE', 'od reset --hard deletes every app; it takes no selector')
    }
    if (args.confirm !== 'RESET')
      throw new DaemonError('OD_CONFIRM_REQUIRED', 'od reset --hard', '--confirm RESET')
    const params = { hard: true as const, confirm: args.confirm }
    const result = (await (await client()).call('process.reset', params)) as HardResetResult
    if (out.mode.json) out.json(result)
    else out.success(`reset: deleted ${result.deleted} processes; ids start at 0 again`)
    return 0
  },
})
