import type { DaemonStatus } from '@opendaemon/core/client'
import type { ClientLike } from '../../client-like.js'
import { isNotRunning } from '../../daemon/not-running.js'
import { statusRows } from '../../daemon/status-view.js'
import { defineCommand } from '../../define-command.js'
import { formatRows } from '../../ui/key-value.js'

/** `od daemon status`: the daemon's own health; exit 3 when it does not run (never starts one). */
export default defineCommand({
  name: 'status',
  description: "Show the daemon's state, pid, version, uptime, memory, event-loop lag and plugins",
  details: 'Exits 3 when no daemon runs. It never starts a daemon.',
  examples: ['od daemon status', 'od daemon status --json'],
  async run({ args, client, out, paths }) {
    let connected: ClientLike
    try {
      connected = await client({ autoStart: false })
    } catch (error) {
      if (!isNotRunning(error)) throw error
      const { home, socketPath } = paths()
      if (args.json) out.json({ running: false, home, socket: socketPath })
      else out.line('not running')
      return 3
    }
    const status = (await connected.call('daemon.status', {})) as DaemonStatus
    if (args.json) out.json({ running: true, ...status })
    else out.write(formatRows(statusRows(status), out.colors.bold))
    return 0
  },
})
