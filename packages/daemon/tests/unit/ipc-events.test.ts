import { createEventBus, createLogger, type EventMap } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { forwardIpcEvents } from '../../src/ipc-events.js'

describe('forwardIpcEvents', () => {
  it('turns server events into bus events and log lines', () => {
    const events = createEventBus<EventMap>()
    const emitted: [string, unknown][] = []
    events.on('ipc:*', (data, event) => void emitted.push([event, data]))
    const lines: string[] = []
    const forward = forwardIpcEvents(
      events,
      createLogger({ level: 'debug', sink: (line) => lines.push(line) }),
    )
    const client = { name: 'od-cli', version: '0.1.0', pid: 9 }
    forward({ type: 'connected', connectionId: '1', at: 1 })
    forward({ type: 'authenticated', connectionId: '1', client, at: 2 })
    forward({ type: 'auth-failed', connectionId: '2', reason: 'wrong token', at: 3 })
    forward({
      type: 'disconnected',
      connectionId: '1',
      client,
      reason: 'client-closed',
      durationMs: 5,
      at: 6,
    })
    forward({ type: 'rejected', reason: 'max-connections', at: 7 })
    expect(emitted).toEqual([
      ['ipc:client:connected', { connectionId: '1', client, at: 2 }],
      ['ipc:auth:failed', { connectionId: '2', reason: 'wrong token', at: 3 }],
      [
        'ipc:client:disconnected',
        { connectionId: '1', client, reason: 'client-closed', durationMs: 5, at: 6 },
      ],
    ])
    expect(lines.map((line) => line.slice(25))).toEqual([
      expect.stringMatching(/^DEBUG client connected connectionId=1 client=/),
      'WARN  a client failed to authenticate connectionId=2 reason="wrong token"',
      'DEBUG client disconnected connectionId=1 reason=client-closed',
      'WARN  connection refused reason=max-connections',
    ])
  })
})
