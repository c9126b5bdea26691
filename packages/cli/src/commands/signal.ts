import { parseSignal, type SignalResult } from '@opendaemon/core/client'
import { defineCommand } from '../define-command.js'
import { selectorArgs, toSelector } from '../process/selector-args.js'

/**
 * `od signal <SIGNAL> <selector>` (PM2's `sendSignal`): send a signal to each selected instance's
 * main pid, or with `--group` to its whole process group. The signal is checked before the daemon
 * is contacted, so a typo starts nothing and changes nothing.
 */
export default defineCommand({
  name: 'signal',
  aliases: ['sendSignal'],
  description: 'Send a signal (SIGUSR2, USR2, 12 …) to processes',
  usage: 'signal <SIGNAL> <name|id|all> [selector flags] [--group] [--all] [--json]',
  examples: ['od signal SIGUSR2 api', 'od signal HUP all', 'od signal 10 --tag web --all --group'],
  args: {
    signal: {
      type: 'positional',
      required: true,
      description: 'Signal name (SIGUSR2 or USR2) or number',
      valueName: 'signal',
    },
    ...selectorArgs,
    group: { type: 'boolean', description: "Signal each instance's whole process group" },
  },
  async run({ args, client, out }) {
    const signal = parseSignal(args.signal)
    const selector = toSelector(args, 'signal')
    const params = { ...selector, signal, ...(args.group ? { group: true } : {}) }
    const sent = (await (await client()).call('process.signal', params)) as SignalResult[]
    if (out.mode.json) out.json(sent)
    for (const s of out.mode.json ? [] : sent) {
      if (s.sent) out.success(`sent ${s.signal} to id ${s.id} (pid ${s.pid})`)
      else out.warn(`id ${s.id} (pid ${s.pid}) ended before ${s.signal} reached it`)
    }
    if (sent.length > 0) return 0
    out.error(`no selected process is running, so ${signal} was not sent; start it with \`od start\``)
    return 1
  },
})
