import { defineCommand } from '../define-command.js'
import { stopAndReport } from '../daemon/stop-daemon.js'

/** `od kill`: stop everything and the daemon (GoPM/PM2 name of `od daemon stop`). */
export default defineCommand({
  name: 'kill',
  description: 'Stop every app and the daemon (same as `od daemon stop`)',
  details:
    'Waits until the daemon process has exited (up to --timeout, default 30s). When no daemon runs it says so and exits 0. It never starts a daemon.',
  examples: ['od kill', 'od kill --json'],
  run: (ctx) => stopAndReport(ctx),
})
