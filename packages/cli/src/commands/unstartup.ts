import { defineCommand } from '../define-command.js'
import { runUnstartup } from '../startup/startup-action.js'
import { targetFlags } from '../startup/startup-args.js'

/** `od unstartup [system]`: stop, disable and remove the boot integration. */
export default defineCommand({
  name: 'unstartup',
  description: 'Remove the boot integration written by `od startup`',
  usage: 'unstartup [systemd|launchd|upstart|openrc|rcd|nssm] [--user U] [--mode system|user]',
  details: `Stops and disables the service, removes its file and reloads the init system. OD_HOME, the logs
and the dump are kept. Without the rights to do so it prints the exact sudo command to run.`,
  args: {
    system: { type: 'positional', valueName: 'system', description: 'Init system (default: detected)' },
    ...targetFlags,
  },
  examples: [{ command: 'sudo opendaemon unstartup', description: 'Remove it for $SUDO_USER' }],
  run: (ctx) => runUnstartup(ctx, { ...ctx.args }),
})
