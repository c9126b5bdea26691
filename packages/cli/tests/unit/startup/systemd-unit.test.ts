import { describe, expect, it } from 'vitest'
import { renderSystemdUnit, systemdPlan } from '../../../src/startup/systemd-unit.js'
import { targetFor } from '../../support/startup-fixtures.js'

describe('systemd unit', () => {
  it('system mode: exactly the unit of §8.18/§22.3', () => {
    expect(renderSystemdUnit(targetFor('systemd'))).toBe(`[Unit]
Description=OpenDaemon process manager (deploy)
Documentation=https://opendaemon.dev
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=deploy
Group=staff
WorkingDirectory=/home/deploy
Environment=OD_HOME=/home/deploy/.opendaemon
Environment=PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin
ExecStart=/usr/local/bin/node /usr/local/lib/node_modules/opendaemon/dist/cli.cjs daemon start --foreground --resurrect
Restart=on-failure
RestartSec=2
KillMode=mixed
TimeoutStopSec=20
LimitNOFILE=65536
SyslogIdentifier=opendaemon-deploy

[Install]
WantedBy=multi-user.target
`)
  })

  it('user mode: no User=/Group=, WantedBy=default.target; --delegate adds Delegate=yes', () => {
    const unit = renderSystemdUnit(targetFor('systemd', { mode: 'user', delegate: true }))
    expect(unit).not.toMatch(/^(User|Group)=/m)
    expect(unit).toContain('WantedBy=default.target\n')
    expect(unit).toContain('SyslogIdentifier=opendaemon\nDelegate=yes\n')
  })

  it('quotes paths with spaces and escapes % and $', () => {
    const unit = renderSystemdUnit(targetFor('systemd', { node: '/opt/my node/node', odHome: '/srv/100%$x' }))
    expect(unit).toContain('ExecStart="/opt/my node/node" /usr/local/lib')
    expect(unit).toContain('Environment=OD_HOME=/srv/100%%$$x\n')
    expect(unit).toContain('Environment="PATH=/opt/my node:/usr/local/sbin')
  })

  it('system plan: /etc/systemd/system, 0644, verify, daemon-reload + enable, start, and the removal commands', () => {
    const plan = systemdPlan(targetFor('systemd'))
    const file = '/etc/systemd/system/opendaemon-deploy.service'
    expect(plan).toMatchObject({
      system: 'systemd',
      mode: 'system',
      service: 'opendaemon-deploy',
      file,
      fileMode: 0o644,
      verify: ['systemd-analyze', 'verify', file],
      enable: [
        ['systemctl', 'daemon-reload'],
        ['systemctl', 'enable', 'opendaemon-deploy'],
      ],
      start: [['systemctl', 'start', 'opendaemon-deploy']],
      disable: [
        ['systemctl', 'stop', 'opendaemon-deploy'],
        ['systemctl', 'disable', 'opendaemon-deploy'],
      ],
      cleanup: [['systemctl', 'daemon-reload']],
      notes: [],
    })
  })

  it('user plan: ~/.config/systemd/user, --user forms, and the linger reminder', () => {
    const plan = systemdPlan(targetFor('systemd', { mode: 'user' }))
    const file = '/home/deploy/.config/systemd/user/opendaemon.service'
    expect(plan.file).toBe(file)
    expect(plan.verify).toEqual(['systemd-analyze', '--user', 'verify', file])
    expect(plan.enable[1]).toEqual(['systemctl', '--user', 'enable', 'opendaemon'])
    expect(plan.notes[0]).toContain('loginctl enable-linger deploy')
  })
})
