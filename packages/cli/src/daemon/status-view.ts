import type { DaemonStatus } from '@opendaemon/core/client'
import { formatBytes, formatDuration } from '../ui/format.js'

/**
 * The lines of `od daemon status` (label, value), in display order. Pure.
 *
 * @example
 * ```ts
 * statusRows(status)[0] // ['state', 'running']
 * ```
 */
export function statusRows(status: DaemonStatus): [string, string][] {
  const plugins = status.plugins
  const byState = (['ready', 'started', 'installed', 'registered', 'stopped', 'disabled', 'failed'] as const)
    .filter((state) => plugins[state] > 0)
    .map((state) => `${plugins[state]} ${state}`)
  const unhealthy = status.watchdog.unhealthyPlugins
  return [
    ['state', status.state],
    ['pid', String(status.pid)],
    ['version', status.version],
    ['uptime', formatDuration(status.uptimeMs)],
    ['started', new Date(status.startedAt).toISOString()],
    ['home', status.home],
    ['socket', status.socketPath],
    ['node', status.node],
    ['memory', `rss ${formatBytes(status.rss)}, heap ${formatBytes(status.heapUsed)}`],
    ['event loop', `lag ${round(status.watchdog.lagMs)} ms (max ${round(status.watchdog.lagMaxMs)} ms)`],
    ['plugins', `${plugins.total} (${byState.join(', ') || 'none'})`],
    ['watchdog', unhealthy.length === 0 ? 'ok' : `unhealthy: ${unhealthy.join(', ')}`],
  ]
}

function round(ms: number): string {
  return (Math.round(ms * 10) / 10).toString()
}
