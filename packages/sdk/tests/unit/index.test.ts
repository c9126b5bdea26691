import { describe, expect, it } from 'vitest'
import * as sdk from '../../src/index.js'

describe('opendaemon-sdk entry', () => {
  it('exports the client, its building blocks and the shared error table', () => {
    expect(Object.keys(sdk).sort()).toEqual([
      'DEFAULT_RECONNECT',
      'DaemonClient',
      'DaemonError',
      'LONG_METHODS',
      'LONG_METHOD_TIMEOUT_MS',
      'LogStream',
      'NO_TIMEOUT_MS',
      'OpenDaemon',
      'VERSION',
      'callTimeoutMs',
      'createCommandLauncher',
      'createConnectionManager',
      'createEventRouter',
      'errorCodes',
      'isClientOnlyPattern',
      'logStreamParams',
      'reconnectDelay',
      'resolveClientOptions',
      'resolveReconnectPolicy',
    ])
    expect(new sdk.OpenDaemon({ home: '/tmp/od-i' })).toBeInstanceOf(sdk.DaemonClient)
  })
})
