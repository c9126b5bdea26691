import { describe, expect, it } from 'vitest'
import { defaultServiceName } from '../../../src/startup/startup-target.js'
import { deploy, targetFor } from '../../support/startup-fixtures.js'

describe('buildTarget', () => {
  it('fills every placeholder with the defaults of §22.2/§22.3', () => {
    expect(targetFor('systemd')).toEqual({
      system: 'systemd',
      mode: 'system',
      user: 'deploy',
      uid: 1000,
      group: 'staff',
      home: '/home/deploy',
      odHome: '/home/deploy/.opendaemon',
      node: '/usr/local/bin/node',
      cli: '/usr/local/lib/node_modules/opendaemon/dist/cli.cjs',
      path: '/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin',
      service: 'opendaemon-deploy',
      stopSeconds: 20,
      delegate: false,
    })
  })

  it("puts node's own directory first in PATH", () => {
    expect(targetFor('systemd', { node: '/opt/node/bin/node' }).path).toBe(
      '/opt/node/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    )
  })

  it('takes OD_HOME, service name, shutdown budget and delegate as given', () => {
    const t = targetFor('systemd', {
      odHome: '/srv/od',
      serviceName: 'od',
      shutdownTimeoutMs: 30_500,
      delegate: true,
      account: { ...deploy, home: '/home/deploy/' },
    })
    expect(t).toMatchObject({ odHome: '/srv/od', service: 'od', stopSeconds: 41, delegate: true })
    expect(targetFor('systemd', { account: { ...deploy, home: '/home/deploy/' } }).odHome).toBe(
      '/home/deploy/.opendaemon',
    )
  })

  it('names the service opendaemon-<user>, or opendaemon in user mode', () => {
    expect(defaultServiceName('system', 'ada')).toBe('opendaemon-ada')
    expect(defaultServiceName('user', 'ada')).toBe('opendaemon')
    expect(targetFor('systemd', { mode: 'user' }).service).toBe('opendaemon')
  })
})
