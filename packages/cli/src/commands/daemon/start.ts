import { defineCommand } from '../../define-command.js'
import { runForeground } from '../../daemon/foreground.js'
import { startAndReport } from '../../daemon/start-daemon.js'

/** `od daemon start [--foreground]`. */
export default defineCommand({
  name: 'start',
  description: 'Start the daemon in the background (or attached with --foreground)',
  details: `Detached (default): starts the daemon and returns once its socket answers; when one already runs
it says so and exits 0. --foreground runs the daemon attached to this terminal, logging to stdout
(for systemd Type=simple), and exits with the daemon's exit code. OD_START_TIMEOUT (default 10s)
bounds the wait for a detached start.`,
  args: {
    foreground: { type: 'boolean', description: 'Stay attached and log to stdout (systemd Type=simple)' },
  },
  examples: [
    { command: 'od daemon start', description: 'Started the OpenDaemon daemon (pid 1150).' },
    { command: 'od daemon start --foreground', description: 'Run attached, e.g. under systemd' },
  ],
  run: (ctx) => (ctx.args.foreground ? runForeground(ctx) : startAndReport(ctx)),
})
