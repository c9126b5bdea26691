import type { DaemonPing } from '@opendaemon/core/client'
import type { ClientLike } from '../client-like.js'
import { isNotRunning } from '../daemon/not-running.js'
import { defineCommand } from '../define-command.js'
import { formatDuration } from '../ui/format.js'

/** `od ping`: is a daemon answering? Pid, uptime, version and round-trip latency; never starts one. */
export default defineCommand({
  name: 'ping',
  description: 'Check that the daemon answers: pid, uptime and version (never starts one)',
  details: 'Exits 0 when the daemon answers and 3 when it does not. It never starts a daemon.',
  examples: [
    { command: 'od ping', description: 'OpenDaemon daemon running (pid 1150, uptime 4d 12h, version 0.1.0)' },
    {
      command: 'od ping --json',
      description: '{ "running": true, "pid": 1150, "uptimeMs": …, "latencyMs": 0.2 }',
    },
  ],
  async run({ args, client, out, paths, now }) {
    let connected: ClientLike
    try {
      connected = await client({ autoStart: false })
    } catch (error) {
      if (!isNotRunning(error)) throw error
      const { home, socketPath } = paths()
      if (args.json) {
        out.json({
          running: false,
          pid: null,
          uptime: null,
          uptimeMs: null,
          version: null,
          home,
          socket: socketPath,
          latencyMs: null,
        })
      } else {
        out.line(`OpenDaemon daemon not running (OD_HOME ${home})`)
      }
      return 3
    }
    // One call: daemon.ping carries pid, uptime and version, so `od ping` never builds a full status.
    const started = now()
    const status = (await connected.call('daemon.ping', {})) as DaemonPing
    const latencyMs = Math.round((now() - started) * 1000) / 1000
    const uptime = formatDuration(status.uptimeMs)
    if (args.json) {
      const { pid, uptimeMs, version } = status
      const { home, socketPath } = paths()
      out.json({ running: true, pid, uptime, uptimeMs, version, home, socket: socketPath, latencyMs })
    } else {
      out.line(`OpenDaemon daemon running (pid ${status.pid}, uptime ${uptime}, version ${status.version})`)
    }
    return 0
  },
})
