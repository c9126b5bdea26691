import { describe, expect, it } from 'vitest'
import { DaemonError, MAX_SOCKET_PATH_BYTES, resolvePaths } from '../../src/index.js'

describe('resolvePaths', () => {
  it('defaults OD_HOME to ~/.opendaemon and puts every file inside it', () => {
    expect(resolvePaths({}, '/home/me')).toEqual({
      home: '/home/me/.opendaemon',
      socketPath: '/home/me/.opendaemon/od.sock',
      pidFile: '/home/me/.opendaemon/daemon.pid',
      tokenFile: '/home/me/.opendaemon/auth-token',
      logFile: '/home/me/.opendaemon/daemon.log',
      configFile: '/home/me/.opendaemon/config.json',
      stateFile: '/home/me/.opendaemon/state.json',
      dumpFile: '/home/me/.opendaemon/dump.json',
      logDir: '/home/me/.opendaemon/logs',
    })
  })

  it('uses an absolute OD_HOME, normalized', () => {
    const paths = resolvePaths({ OD_HOME: '/tmp/od-x/../od-y/' }, '/home/me')
    expect(paths.home).toBe('/tmp/od-y')
    expect(paths.socketPath).toBe('/tmp/od-y/od.sock')
  })

  it('treats an empty OD_HOME or OD_SOCKET as unset', () => {
    const paths = resolvePaths({ OD_HOME: '', OD_SOCKET: '' }, '/home/me')
    expect(paths.home).toBe('/home/me/.opendaemon')
    expect(paths.socketPath).toBe('/home/me/.opendaemon/od.sock')
  })

  it('expands a leading ~ to the home directory', () => {
    expect(resolvePaths({ OD_HOME: '~/od' }, '/home/me').home).toBe('/home/me/od')
    expect(resolvePaths({ OD_HOME: '~' }, '/home/me').home).toBe('/home/me')
  })

  it('lets OD_SOCKET override the socket path only', () => {
    const paths = resolvePaths({ OD_HOME: '/tmp/od-a', OD_SOCKET: '/run/od.sock' }, '/home/me')
    expect(paths.socketPath).toBe('/run/od.sock')
    expect(paths.pidFile).toBe('/tmp/od-a/daemon.pid')
  })

  it('resolves relative values against cwd when one is given', () => {
    const paths = resolvePaths({ OD_HOME: 'data', OD_SOCKET: 'sock/od.sock' }, '/home/me', '/srv/app')
    expect(paths.home).toBe('/srv/app/data')
    expect(paths.socketPath).toBe('/srv/app/sock/od.sock')
  })

  it('rejects relative values without cwd with OD_HOME_UNUSABLE naming the variable', () => {
    expect(() => resolvePaths({ OD_HOME: 'data' }, '/home/me')).toThrowError(
      expect.objectContaining({
        code: 'OD_HOME_UNUSABLE',
        message: expect.stringContaining('OD_HOME must be'),
      }),
    )
    expect(() => resolvePaths({ OD_SOCKET: 'od.sock' }, '/home/me')).toThrowError(
      /OD_SOCKET must be an absolute path/,
    )
  })

  it('rejects socket paths longer than 107 bytes with OD_SOCKET_PATH_TOO_LONG', () => {
    const home = `/tmp/${'x'.repeat(MAX_SOCKET_PATH_BYTES - '/tmp//od.sock'.length + 1)}`
    let caught: unknown
    try {
      resolvePaths({ OD_HOME: home }, '/home/me')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(DaemonError)
    expect((caught as DaemonError).code).toBe('OD_SOCKET_PATH_TOO_LONG')
    expect((caught as DaemonError).message).toContain('108 bytes')
  })

  it('accepts a socket path of exactly 107 bytes', () => {
    const home = `/tmp/${'x'.repeat(MAX_SOCKET_PATH_BYTES - '/tmp//od.sock'.length)}`
    expect(Buffer.byteLength(resolvePaths({ OD_HOME: home }, '/h').socketPath)).toBe(107)
  })
})
