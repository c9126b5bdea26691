import { defineCommand } from '../define-command.js'
import { runUnstartup } from '../startup/startup-action.js'
import { targetFlags } from '../startup/startup-args.js'

/** `od uninstall`: the GoPM name of `od unstartup systemd`. */
export default defineCommand({
  name: 'uninstall',
  description: 'Remove the boot integration (GoPM alias of `od unstartup systemd`)',
  usage: 'uninstall [--user U]',
  args: { ...targetFlags },
  run: (ctx) => runUnstartup(ctx, { ...ctx.args, preferSystemd: true }),
})
