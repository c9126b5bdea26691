/** The OpenRC service script (SPECIFICATION.md §22.3): `/etc/init.d/<service>`, mode 0755. */
import type { StartupPlan } from './startup-plan.js'
import { DAEMON_ARGS, type StartupTarget } from './startup-target.js'
import { shDoubleQuoted, shellLine } from './text-escape.js'

/**
 * The script's text.
 *
 * @example
 * ```ts
 * renderOpenrcScript(target).split('\n')[0] // '#!/sbin/openrc-run'
 * ```
 */
export function renderOpenrcScript(t: StartupTarget): string {
  const log = shDoubleQuoted(`${t.odHome}/openrc.log`)
  return [
    '#!/sbin/openrc-run',
    `name=${shDoubleQuoted(t.service)}`,
    `description=${shDoubleQuoted(`OpenDaemon process manager (${t.user})`)}`,
    `command=${shDoubleQuoted(t.node)}`,
    `command_args=${shDoubleQuoted(shellLine([t.cli, ...DAEMON_ARGS]))}`,
    `command_user=${shDoubleQuoted(`${t.user}:${t.group}`)}`,
    'command_background="yes"',
    'pidfile="/run/${RC_SVCNAME}.pid"',
    `directory=${shDoubleQuoted(t.home)}`,
    `output_log=${log}`,
    `error_log=${log}`,
    'rc_ulimit="-n 65536"',
    `retry="TERM/${t.stopSeconds}/KILL/5"`,
    `export OD_HOME=${shDoubleQuoted(t.odHome)}`,
    `export PATH=${shDoubleQuoted(t.path)}`,
    '',
    'depend() {',
    '  need net',
    '  after firewall',
    '}',
    '',
  ].join('\n')
}

/**
 * Installing the script: write it, `rc-update add <service> default`, `rc-service <service> start`.
 *
 * @example
 * ```ts
 * openrcPlan(target).file // '/etc/init.d/opendaemon-deploy'
 * ```
 */
export function openrcPlan(t: StartupTarget): StartupPlan {
  return {
    system: 'openrc',
    mode: t.mode,
    service: t.service,
    file: `/etc/init.d/${t.service}`,
    fileMode: 0o755,
    content: renderOpenrcScript(t),
    verify: null,
    enable: [['rc-update', 'add', t.service, 'default']],
    start: [['rc-service', t.service, 'start']],
    disable: [
      ['rc-service', t.service, 'stop'],
      ['rc-update', 'del', t.service, 'default'],
    ],
    cleanup: [],
    notes: [],
  }
}
