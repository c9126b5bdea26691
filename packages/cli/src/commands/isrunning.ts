import type { ProcessDetail } from '@opendaemon/core/client'
import { isNotRunning } from '../daemon/not-running.js'
import { defineCommand } from '../define-command.js'

/**
 * `od isrunning <name|id>`: exit 0 when every instance is online (`--any`: at least one), else 1.
 * It never starts a daemon: with none running, nothing is running and the answer is 1.
 */
export default defineCommand({
  name: 'isrunning',
  description: 'Exit 0 if the app is running, 1 if not (for scripts)',
  examples: ['od isrunning api && echo up', 'od isrunning api --any'],
  args: {
    target: { type: 'positional', required: true, description: 'name or id', valueName: 'name|id' },
    any: { type: 'boolean', description: 'Running when at least one instance is online' },
  },
  async run({ args, client, out }) {
    const target = /^\d+$/.test(args.target) ? Number(args.target) : args.target
    let details: ProcessDetail[]
    try {
      const connected = await client({ autoStart: false })
      details = (await connected.call('process.info', { target })) as ProcessDetail[]
    } catch (err) {
      // An unknown name, or no daemon at all, is simply "not running"; other failures propagate.
      if ((err as { code?: unknown }).code !== 'OD_PROCESS_NOT_FOUND' && !isNotRunning(err)) throw err
      details = []
    }
    const online = details.filter((d) => d.status === 'online').length
    const running = details.length > 0 && (args.any ? online > 0 : online === details.length)
    const first = details[0]
    if (out.mode.json) {
      out.json({
        name: first?.name ?? args.target,
        running,
        status: first?.status ?? 'unknown',
        pid: first?.pid ?? null,
        instances: details.map((d) => ({ id: d.id, status: d.status, pid: d.pid })),
      })
    } else {
      const states = [...new Set(details.map((d) => d.status))].join(', ') || 'unknown'
      const counts = `${online}/${details.length} online`
      out.line(
        running
          ? `${args.target} is running (${counts})`
          : `${args.target} is not running (${counts}: ${states})`,
      )
    }
    return running ? 0 : 1
  },
})
