import { CliError } from '../cli-error.js'
import { defineCommand } from '../define-command.js'
import { runStartup } from '../startup/startup-action.js'
import { installFlags } from '../startup/startup-args.js'

/** `od install`: the GoPM name of `od startup systemd`. */
export default defineCommand({
  name: 'install',
  description: 'Start the daemon at boot with systemd (GoPM alias of `od startup systemd`)',
  usage: 'install [--user U] [--print]',
  details: `Same as \`od startup systemd\`; on a machine with another init system it uses that one and says
so. Unlike GoPM it copies no binary. (PM2's \`pm2 install <module>\` has no equivalent: OpenDaemon
has no module registry.)`,
  args: {
    module: { type: 'positional', hidden: true, description: 'PM2 module name (not supported)' },
    ...installFlags,
  },
  run(ctx) {
    const { module, ...flags } = ctx.args
    if (module !== undefined) {
      throw new CliError(
        'OD_USAGE',
        `\`od install\` sets up the boot integration (GoPM); OpenDaemon has no module registry, so "${module}" cannot be installed. Load plugins with "pluginModules" in config.json`,
      )
    }
    return runStartup(ctx, { ...flags, preferSystemd: true })
  },
})
