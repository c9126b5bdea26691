import { describe, expect, it } from 'vitest'
import { renderUpstartConf, upstartPlan } from '../../../src/startup/upstart-conf.js'
import { targetFor } from '../../support/startup-fixtures.js'

describe('upstart job', () => {
  it('is the job of §22.3', () => {
    expect(renderUpstartConf(targetFor('upstart'))).toBe(`description "OpenDaemon process manager (deploy)"
start on (local-filesystems and net-device-up IFACE!=lo)
stop on runlevel [016]
respawn
respawn limit 10 60
setuid deploy
setgid staff
chdir /home/deploy
env OD_HOME=/home/deploy/.opendaemon
env PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin
limit nofile 65536 65536
kill timeout 20
exec /usr/local/bin/node /usr/local/lib/node_modules/opendaemon/dist/cli.cjs daemon start --foreground --resurrect
`)
  })

  it('plans /etc/init/<service>.conf with initctl', () => {
    expect(upstartPlan(targetFor('upstart'))).toMatchObject({
      file: '/etc/init/opendaemon-deploy.conf',
      fileMode: 0o644,
      enable: [['initctl', 'reload-configuration']],
      start: [['initctl', 'start', 'opendaemon-deploy']],
      disable: [['initctl', 'stop', 'opendaemon-deploy']],
      cleanup: [['initctl', 'reload-configuration']],
    })
  })
})
