import { describe, expect, it } from 'vitest'
import { openrcPlan, renderOpenrcScript } from '../../../src/startup/openrc-script.js'
import { targetFor } from '../../support/startup-fixtures.js'

describe('openrc script', () => {
  it('is the script of §22.3', () => {
    expect(renderOpenrcScript(targetFor('openrc'))).toBe(`#!/sbin/openrc-run
name="opendaemon-deploy"
description="OpenDaemon process manager (deploy)"
command="/usr/local/bin/node"
command_args="/usr/local/lib/node_modules/opendaemon/dist/cli.cjs daemon start --foreground --resurrect"
command_user="deploy:staff"
command_background="yes"
pidfile="/run/\${RC_SVCNAME}.pid"
directory="/home/deploy"
output_log="/home/deploy/.opendaemon/openrc.log"
error_log="/home/deploy/.opendaemon/openrc.log"
rc_ulimit="-n 65536"
retry="TERM/20/KILL/5"
export OD_HOME="/home/deploy/.opendaemon"
export PATH="/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin"

depend() {
  need net
  after firewall
}
`)
  })

  it('escapes shell specials inside double quotes', () => {
    expect(renderOpenrcScript(targetFor('openrc', { odHome: '/srv/$x"y' }))).toContain(
      'export OD_HOME="/srv/\\$x\\"y"',
    )
  })

  it('plans /etc/init.d/<service> (0755) with rc-update and rc-service', () => {
    expect(openrcPlan(targetFor('openrc'))).toMatchObject({
      file: '/etc/init.d/opendaemon-deploy',
      fileMode: 0o755,
      enable: [['rc-update', 'add', 'opendaemon-deploy', 'default']],
      start: [['rc-service', 'opendaemon-deploy', 'start']],
      disable: [
        ['rc-service', 'opendaemon-deploy', 'stop'],
        ['rc-update', 'del', 'opendaemon-deploy', 'default'],
      ],
    })
  })
})
