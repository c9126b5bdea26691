import { defineCommand } from '../define-command.js'
import { runStartup } from '../startup/startup-action.js'
import { installFlags, STARTUP_DETAILS } from '../startup/startup-args.js'

/** `od startup [system]`: generate and install the boot integration (SPECIFICATION.md §22). */
export default defineCommand({
  name: 'startup',
  description: 'Start the daemon at boot (systemd, launchd, upstart, openrc, rc.d, nssm)',
  usage: 'startup [systemd|launchd|upstart|openrc|rcd|nssm] [--user U] [--mode system|user] [--print]',
  details: STARTUP_DETAILS,
  args: {
    system: { type: 'positional', valueName: 'system', description: 'Init system (default: detected)' },
    ...installFlags,
  },
  examples: [
    {
      command: 'sudo opendaemon startup',
      description: 'Install for $SUDO_USER with the detected init system',
    },
    { command: 'opendaemon startup systemd --print', description: 'Show the unit without installing it' },
    { command: 'opendaemon startup systemd --mode user', description: 'A systemd user unit, no root needed' },
  ],
  run: (ctx) => runStartup(ctx, { ...ctx.args }),
})
