import { describe, expect, it } from 'vitest'
import { daemonEnv } from '../../../src/launcher/daemon-env.js'

describe('daemonEnv', () => {
  it('keeps allowlisted names and LC_*/OD_* prefixes and drops everything else', () => {
    const env = {
      PATH: '/bin',
      HOME: '/home/ada',
      LC_ALL: 'C',
      https_proxy: 'http://proxy',
      NODE_EXTRA_CA_CERTS: '/ca.pem',
      OD_TRACE: '1',
      AWS_SECRET_ACCESS_KEY: 'x',
      NODE_OPTIONS: '--inspect',
      NODE_ENV: 'production',
      EMPTY: undefined,
    }
    expect(daemonEnv(env, '/srv/od')).toEqual({
      PATH: '/bin',
      HOME: '/home/ada',
      LC_ALL: 'C',
      https_proxy: 'http://proxy',
      NODE_EXTRA_CA_CERTS: '/ca.pem',
      OD_TRACE: '1',
      OD_HOME: '/srv/od',
    })
  })

  it('never passes the launcher-only variables', () => {
    const env = { OD_DAEMON_ENTRY: '/x.js', OD_START_TIMEOUT: '5s', OD_NO_AUTOSTART: '1', OD_READY_FD: '3' }
    expect(daemonEnv(env, '/h')).toEqual({ OD_HOME: '/h' })
  })

  it('sets OD_HOME over the caller value and OD_SOCKET only when a socket was chosen', () => {
    expect(daemonEnv({ OD_HOME: '/old', OD_SOCKET: '/old.sock' }, '/h')).toEqual({ OD_HOME: '/h' })
    expect(daemonEnv({}, '/h', '/run/od.sock')).toEqual({ OD_HOME: '/h', OD_SOCKET: '/run/od.sock' })
  })
})
