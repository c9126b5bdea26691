/** The FreeBSD rc.d script (SPECIFICATION.md §22.3): `/usr/local/etc/rc.d/<rcname>`, mode 0755. */
import type { StartupPlan } from './startup-plan.js'
import { DAEMON_ARGS, type StartupTarget } from './startup-target.js'
import { shellLine } from './text-escape.js'

/**
 * The rc.d name: the service name with every character outside `[a-z0-9_]` replaced by `_`.
 *
 * @example
 * ```ts
 * rcdName('opendaemon-deploy') // 'opendaemon_deploy'
 * ```
 */
export function rcdName(service: string): string {
  return service.toLowerCase().replace(/[^a-z0-9_]/g, '_')
}

/**
 * The script's text.
 *
 * @example
 * ```ts
 * renderRcdScript(target).includes('. /etc/rc.subr') // true
 * ```
 */
export function renderRcdScript(t: StartupTarget): string {
  const rc = rcdName(t.service)
  const run = shellLine([
    '/usr/bin/env',
    `OD_HOME=${t.odHome}`,
    `PATH=${t.path}`,
    t.node,
    t.cli,
    ...DAEMON_ARGS,
  ])
  return [
    '#!/bin/sh',
    `# PROVIDE: ${rc}`,
    '# REQUIRE: LOGIN NETWORKING',
    '# KEYWORD: shutdown',
    '',
    '. /etc/rc.subr',
    '',
    `name="${rc}"`,
    `rcvar="${rc}_enable"`,
    'load_rc_config $name',
    `: \${${rc}_enable:="NO"}`,
    `: \${${rc}_user:="${t.user}"}`,
    '',
    'pidfile="/var/run/${name}.pid"',
    'command="/usr/sbin/daemon"',
    `command_args="-f -r -P \${pidfile} -u \${${rc}_user} ${run.replace(/(["\\$`])/g, '\\$1')}"`,
    '',
    'run_rc_command "$1"',
    '',
  ].join('\n')
}

/**
 * Installing the script: write it, `sysrc <rcname>_enable=YES`, `service <rcname> start`.
 *
 * @example
 * ```ts
 * rcdPlan(target).file // '/usr/local/etc/rc.d/opendaemon_deploy'
 * ```
 */
export function rcdPlan(t: StartupTarget): StartupPlan {
  const rc = rcdName(t.service)
  return {
    system: 'rcd',
    mode: t.mode,
    service: rc,
    file: `/usr/local/etc/rc.d/${rc}`,
    fileMode: 0o755,
    content: renderRcdScript(t),
    verify: null,
    enable: [['sysrc', `${rc}_enable=YES`]],
    start: [['service', rc, 'start']],
    disable: [
      ['service', rc, 'stop'],
      ['sysrc', '-x', `${rc}_enable`],
    ],
    cleanup: [],
    notes: [],
  }
}
