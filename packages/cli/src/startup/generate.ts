/** The boot integration of any supported init system, from one target (pure: writes nothing). */
import type { InitSystem } from './init-systems.js'
import { launchdPlan } from './launchd-plist.js'
import { nssmPlan } from './nssm-script.js'
import { openrcPlan } from './openrc-script.js'
import { rcdPlan } from './rcd-script.js'
import type { StartupPlan } from './startup-plan.js'
import type { StartupTarget } from './startup-target.js'
import { systemdPlan } from './systemd-unit.js'
import { upstartPlan } from './upstart-conf.js'

const generators: { readonly [S in InitSystem]: (target: StartupTarget) => StartupPlan } = {
  systemd: systemdPlan,
  launchd: launchdPlan,
  upstart: upstartPlan,
  openrc: openrcPlan,
  rcd: rcdPlan,
  nssm: nssmPlan,
}

/**
 * The file and commands that install `target.system`'s boot integration.
 *
 * @example
 * ```ts
 * const plan = generateStartup(buildTarget({ system: 'systemd', mode: 'system', node, cli, account }))
 * console.log(plan.file, plan.content)
 * ```
 */
export function generateStartup(target: StartupTarget): StartupPlan {
  return generators[target.system](target)
}
