import { describe, expect, it } from 'vitest'
import { DEFAULT_RECONNECT } from '../../src/backoff.js'
import { NO_TIMEOUT_MS, resolveClientOptions } from '../../src/client-options.js'

describe('resolveClientOptions', () => {
  it('defaults to ~/.opendaemon, 30 s calls, 5 s connect, reconnect on, no auto-start', () => {
    const resolved = resolveClientOptions({}, {}, '/home/ada', '1.2.3')
    expect(resolved).toEqual({
      home: '/home/ada/.opendaemon',
      socketPath: '/home/ada/.opendaemon/od.sock',
      tokenPath: '/home/ada/.opendaemon/auth-token',
      timeoutMs: 30_000,
      connectTimeoutMs: 5_000,
      reconnect: DEFAULT_RECONNECT,
      autoStart: false,
      launcher: undefined,
      clientName: 'opendaemon-sdk',
      clientVersion: '1.2.3',
      heartbeatIntervalMs: 30_000,
      heartbeatTimeoutMs: 10_000,
      onHandlerError: undefined,
    })
  })

  it('reads OD_HOME and OD_SOCKET from the environment; options win over them', () => {
    const env = { OD_HOME: '/srv/od', OD_SOCKET: '/run/od.sock' }
    expect(resolveClientOptions({}, env, '/h', '0')).toMatchObject({
      home: '/srv/od',
      socketPath: '/run/od.sock',
      tokenPath: '/srv/od/auth-token',
    })
    expect(resolveClientOptions({ home: '/a', socketPath: '/a/s.sock' }, env, '/h', '0')).toMatchObject({
      home: '/a',
      socketPath: '/a/s.sock',
    })
  })

  it('resolves a relative home against cwd and a relative token path against home', () => {
    const resolved = resolveClientOptions({ home: 'od', tokenPath: 'tok' }, {}, '/h', '0', '/work')
    expect(resolved.home).toBe('/work/od')
    expect(resolved.tokenPath).toBe('/work/od/tok')
    expect(resolveClientOptions({ tokenPath: '/etc/t' }, {}, '/h', '0').tokenPath).toBe('/etc/t')
  })

  it('keeps the given settings and maps a 0 timeout to none', () => {
    const launcher = (): Promise<void> => Promise.resolve()
    const onHandlerError = (): void => undefined
    const resolved = resolveClientOptions(
      {
        timeoutMs: 0,
        connectTimeoutMs: 250,
        reconnect: false,
        autoStart: true,
        launcher,
        clientName: 'od-cli',
        clientVersion: '9',
        heartbeatIntervalMs: 1e12,
        heartbeatTimeoutMs: 5,
        onHandlerError,
      },
      {},
      '/h',
      '0',
    )
    expect(resolved).toMatchObject({
      timeoutMs: NO_TIMEOUT_MS,
      connectTimeoutMs: 250,
      reconnect: null,
      autoStart: true,
      launcher,
      clientName: 'od-cli',
      clientVersion: '9',
      heartbeatIntervalMs: NO_TIMEOUT_MS,
      heartbeatTimeoutMs: 5,
      onHandlerError,
    })
  })

  it('rejects negative or non-finite durations', () => {
    expect(() => resolveClientOptions({ timeoutMs: -5 }, {}, '/h', '0')).toThrow(
      'timeoutMs: expected a number of milliseconds >= 0, got -5',
    )
    expect(() => resolveClientOptions({ connectTimeoutMs: Number.NaN }, {}, '/h', '0')).toThrow(
      'connectTimeoutMs',
    )
  })

  it('rejects a socket path longer than Unix sockets allow', () => {
    expect(() => resolveClientOptions({ home: `/tmp/${'x'.repeat(120)}` }, {}, '/h', '0')).toThrow(
      expect.objectContaining({ code: 'OD_SOCKET_PATH_TOO_LONG' }),
    )
  })
})
