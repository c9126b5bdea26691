/** The systemd service unit (SPECIFICATION.md §22.3): system mode with `User=`, or a user unit. */
import type { StartupPlan } from './startup-plan.js'
import { DAEMON_ARGS, type StartupTarget } from './startup-target.js'
import { systemdWord } from './text-escape.js'

/**
 * The unit file's text.
 *
 * @example
 * ```ts
 * renderSystemdUnit(target).split('\n')[0] // '[Unit]'
 * ```
 */
export function renderSystemdUnit(t: StartupTarget): string {
  const execStart = [t.node, t.cli, ...DAEMON_ARGS].map(systemdWord).join(' ')
  const system = t.mode === 'system'
  return [
    '[Unit]',
    `Description=OpenDaemon process manager (${t.user})`,
    'Documentation=https://opendaemon.dev',
    'After=network-online.target',
    'Wants=network-online.target',
    '',
    '[Service]',
    'Type=simple',
    ...(system ? [`User=${t.user}`, `Group=${t.group}`] : []),
    `WorkingDirectory=${systemdWord(t.home)}`,
    `Environment=${systemdWord(`OD_HOME=${t.odHome}`)}`,
    `Environment=${systemdWord(`PATH=${t.path}`)}`,
    `ExecStart=${execStart}`,
    'Restart=on-failure',
    'RestartSec=2',
    'KillMode=mixed',
    `TimeoutStopSec=${t.stopSeconds}`,
    'LimitNOFILE=65536',
    `SyslogIdentifier=${t.service}`,
    ...(t.delegate ? ['Delegate=yes'] : []),
    '',
    '[Install]',
    `WantedBy=${system ? 'multi-user.target' : 'default.target'}`,
    '',
  ].join('\n')
}

/**
 * Installing the unit: `/etc/systemd/system/<service>.service` (system mode) or
 * `<home>/.config/systemd/user/<service>.service` (user mode), then `systemctl daemon-reload`,
 * `enable`, `start` (`--user` forms in user mode).
 *
 * @example
 * ```ts
 * systemdPlan(target).file // '/etc/systemd/system/opendaemon-deploy.service'
 * ```
 */
export function systemdPlan(t: StartupTarget): StartupPlan {
  const user = t.mode === 'user'
  const ctl = user ? ['systemctl', '--user'] : ['systemctl']
  const dir = user ? `${t.home}/.config/systemd/user` : '/etc/systemd/system'
  const file = `${dir}/${t.service}.service`
  return {
    system: 'systemd',
    mode: t.mode,
    service: t.service,
    file,
    fileMode: 0o644,
    content: renderSystemdUnit(t),
    verify: user ? ['systemd-analyze', '--user', 'verify', file] : ['systemd-analyze', 'verify', file],
    enable: [
      [...ctl, 'daemon-reload'],
      [...ctl, 'enable', t.service],
    ],
    start: [[...ctl, 'start', t.service]],
    disable: [
      [...ctl, 'stop', t.service],
      [...ctl, 'disable', t.service],
    ],
    cleanup: [[...ctl, 'daemon-reload']],
    notes: user
      ? [
          `a user unit starts at boot only with lingering enabled: run \`loginctl enable-linger ${t.user}\` (as root)`,
        ]
      : [],
  }
}
