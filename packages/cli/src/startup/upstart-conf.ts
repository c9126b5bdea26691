/** The Upstart job (SPECIFICATION.md §22.3): `/etc/init/<service>.conf`. */
import type { StartupPlan } from './startup-plan.js'
import { DAEMON_ARGS, type StartupTarget } from './startup-target.js'
import { shellLine, shellQuote } from './text-escape.js'

/**
 * The job file's text.
 *
 * @example
 * ```ts
 * renderUpstartConf(target).includes('respawn limit 10 60') // true
 * ```
 */
export function renderUpstartConf(t: StartupTarget): string {
  return [
    `description "OpenDaemon process manager (${t.user})"`,
    'start on (local-filesystems and net-device-up IFACE!=lo)',
    'stop on runlevel [016]',
    'respawn',
    'respawn limit 10 60',
    `setuid ${t.user}`,
    `setgid ${t.group}`,
    `chdir ${shellQuote(t.home)}`,
    `env OD_HOME=${shellQuote(t.odHome)}`,
    `env PATH=${shellQuote(t.path)}`,
    'limit nofile 65536 65536',
    `kill timeout ${t.stopSeconds}`,
    `exec ${shellLine([t.node, t.cli, ...DAEMON_ARGS])}`,
    '',
  ].join('\n')
}

/**
 * Installing the job: write it, `initctl reload-configuration`, `initctl start <service>`.
 *
 * @example
 * ```ts
 * upstartPlan(target).file // '/etc/init/opendaemon-deploy.conf'
 * ```
 */
export function upstartPlan(t: StartupTarget): StartupPlan {
  return {
    system: 'upstart',
    mode: t.mode,
    service: t.service,
    file: `/etc/init/${t.service}.conf`,
    fileMode: 0o644,
    content: renderUpstartConf(t),
    verify: null,
    enable: [['initctl', 'reload-configuration']],
    start: [['initctl', 'start', t.service]],
    disable: [['initctl', 'stop', t.service]],
    cleanup: [['initctl', 'reload-configuration']],
    notes: [],
  }
}
