import type { DaemonStatus, PluginDetails } from '@opendaemon/core'

/** A `daemon.status` result for command tests. */
export function status(over: Partial<DaemonStatus> = {}): DaemonStatus {
  return {
    pid: 1150,
    version: '0.1.0',
    state: 'running',
    uptimeMs: 310_000,
    startedAt: Date.UTC(2026, 10, 22, 3, 4, 5),
    home: '/h/.opendaemon',
    socketPath: '/h/.opendaemon/od.sock',
    node: 'v20.20.2',
    rss: 47_395_635,
    heapUsed: 9_437_184,
    eventLoopLagMs: 0.4,
    plugins: {
      total: 3,
      registered: 0,
      installed: 0,
      started: 0,
      ready: 2,
      stopped: 0,
      failed: 1,
      disabled: 0,
    },
    watchdog: { lagMs: 0.44, lagMaxMs: 12.5, unhealthyPlugins: [], checkedAt: null },
    warnings: [],
    ...over,
  }
}

/** A `plugin.info` result for command tests. */
export function details(over: Partial<PluginDetails> = {}): PluginDetails {
  return {
    name: 'metrics',
    version: '0.1.0',
    description: 'Samples CPU and memory',
    state: 'ready',
    priority: 100,
    dependencies: ['process-manager'],
    conflicts: [],
    methods: ['metric.snapshot'],
    failures: 0,
    hooks: [],
    metrics: ['cpu'],
    subscriptions: 2,
    dependents: [],
    ...over,
  }
}
