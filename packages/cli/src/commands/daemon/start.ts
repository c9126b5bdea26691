import { defineCommand } from '../../define-command.js'
import { runForeground } from '../../daemon/foreground.js'
import { startAndReport } from '../../daemon/start-daemon.js'

/** `od daemon start [--foreground] [--resurrect]`. */
export default defineCommand({
  name: 'start',
  description: 'Start the daemon in the background (or attached with --foreground)',
  details: `Detached (default): starts the daemon and returns once its socket answers; when one already runs
it says so and exits 0. --foreground runs the daemon attached to this terminal, logging to stdout
(for systemd Type=simple), and exits with the daemon's exit code. OD_START_TIMEOUT (default 10s)
bounds the wait for a detached start. --resurrect (used by the units of \`od startup\`) starts, after a
reboot, the apps that were online, and fills an empty process table from dump.json (\`od save\`).`,
  args: {
    foreground: { type: 'boolean', description: 'Stay attached and log to stdout (systemd Type=simple)' },
    resurrect: {
      type: 'boolean',
      description: 'Boot behaviour: start the saved apps after a reboot, or the apps of dump.json',
    },
  },
  examples: [
    { command: 'od daemon start', description: 'Started the OpenDaemon daemon (pid 1150).' },
    { command: 'od daemon start --foreground', description: 'Run attached, e.g. under systemd' },
    { command: 'od daemon start --foreground --resurrect', description: 'What the boot units run' },
  ],
  run: (ctx) => (ctx.args.foreground ? runForeground(ctx) : startAndReport(ctx)),
})
