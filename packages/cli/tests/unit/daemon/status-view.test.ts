import { describe, expect, it } from 'vitest'
import { statusRows } from '../../../src/daemon/status-view.js'
import { status } from '../../support/daemon-fixtures.js'

describe('statusRows', () => {
  it('lists state, identity, uptime, paths, memory, lag, plugins and watchdog', () => {
    expect(statusRows(status())).toEqual([
      ['state', 'running'],
      ['pid', '1150'],
      ['version', '0.1.0'],
      ['uptime', '5m 10s'],
      ['started', '2026-11-22T03:04:05.000Z'],
      ['home', '/h/.opendaemon'],
      ['socket', '/h/.opendaemon/od.sock'],
      ['node', 'v20.20.2'],
      ['memory', 'rss 45.2MiB, heap 9.0MiB'],
      ['event loop', 'lag 0.4 ms (max 12.5 ms)'],
      ['plugins', '3 (2 ready, 1 failed)'],
      ['watchdog', 'ok'],
    ])
  })

  it('names unhealthy plugins and copes with none at all', () => {
    const rows = statusRows(
      status({
        plugins: {
          total: 0,
          registered: 0,
          installed: 0,
          started: 0,
          ready: 0,
          stopped: 0,
          failed: 0,
          disabled: 0,
        },
        watchdog: { lagMs: 0, lagMaxMs: 0, unhealthyPlugins: ['a', 'b'], checkedAt: 1 },
      }),
    )
    expect(rows).toContainEqual(['plugins', '0 (none)'])
    expect(rows).toContainEqual(['watchdog', 'unhealthy: a, b'])
  })
})
