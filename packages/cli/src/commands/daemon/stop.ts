import { defineCommand } from '../../define-command.js'
import { stopAndReport } from '../../daemon/stop-daemon.js'

/** `od daemon stop`: graceful shutdown, waiting until the daemon process has exited. */
export default defineCommand({
  name: 'stop',
  description: 'Stop the daemon (and its apps) and wait until it has exited',
  details:
    'Sends daemon.shutdown, then waits until the daemon pid is gone (up to --timeout, default 30s). Not running: exit 0 with a notice. It never starts a daemon.',
  examples: ['od daemon stop', 'od daemon stop --timeout 1m --json'],
  run: (ctx) => stopAndReport(ctx),
})
