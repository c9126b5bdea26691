import { describe, expect, it } from 'vitest'
import { rcdName, rcdPlan, renderRcdScript } from '../../../src/startup/rcd-script.js'
import { targetFor } from '../../support/startup-fixtures.js'

describe('rc.d script', () => {
  it('names the script with [a-z0-9_] only', () => {
    expect(rcdName('OpenDaemon-deploy.x')).toBe('opendaemon_deploy_x')
  })

  it('is the script of §22.3', () => {
    expect(renderRcdScript(targetFor('rcd'))).toBe(`#!/bin/sh
# PROVIDE: opendaemon_deploy
# REQUIRE: LOGIN NETWORKING
# KEYWORD: shutdown

. /etc/rc.subr

name="opendaemon_deploy"
rcvar="opendaemon_deploy_enable"
load_rc_config $name
: \${opendaemon_deploy_enable:="NO"}
: \${opendaemon_deploy_user:="deploy"}

pidfile="/var/run/\${name}.pid"
command="/usr/sbin/daemon"
command_args="-f -r -P \${pidfile} -u \${opendaemon_deploy_user} /usr/bin/env OD_HOME=/home/deploy/.opendaemon PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin /usr/local/bin/node /usr/local/lib/node_modules/opendaemon/dist/cli.cjs daemon start --foreground --resurrect"

run_rc_command "$1"
`)
  })

  it('plans /usr/local/etc/rc.d/<rcname> (0755) with sysrc and service', () => {
    expect(rcdPlan(targetFor('rcd'))).toMatchObject({
      service: 'opendaemon_deploy',
      file: '/usr/local/etc/rc.d/opendaemon_deploy',
      fileMode: 0o755,
      enable: [['sysrc', 'opendaemon_deploy_enable=YES']],
      start: [['service', 'opendaemon_deploy', 'start']],
      disable: [
        ['service', 'opendaemon_deploy', 'stop'],
        ['sysrc', '-x', 'opendaemon_deploy_enable'],
      ],
    })
  })
})
