/**
 * How process records are drawn: the `od list` table (status coloured, memory and uptime in human
 * units) and the key/value lines of `od info`.
 */
import type { ProcessDetail, ProcessInfo } from '@opendaemon/core/client'
import type { Output, TableColumnSpec } from '../output.js'
import type { Colors } from '../ui/colors.js'
import { formatBytes, formatDuration } from '../ui/format.js'

/** The colour of a status: green online, yellow in between, red errored, grey stopped. */
export function paintStatus(status: string, colors: Colors): string {
  if (status === 'online') return colors.green(status)
  if (status === 'errored') return colors.red(status)
  if (status === 'stopped' || status === 'created') return colors.gray(status)
  return colors.yellow(status)
}

function columns(colors: Colors): TableColumnSpec<ProcessInfo>[] {
  return [
    { key: 'id', align: 'right' },
    { key: 'name', maxWidth: 30 },
    { key: 'namespace', maxWidth: 20 },
    { key: 'status', format: (v) => paintStatus(String(v), colors) },
    { key: 'pid', align: 'right' },
    { key: 'cpu', align: 'right', format: (v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '-') },
    {
      key: 'memory',
      header: 'mem',
      align: 'right',
      format: (v) => (typeof v === 'number' ? formatBytes(v) : '-'),
    },
    { key: 'restarts', header: '↺', align: 'right' },
    {
      key: 'uptimeMs',
      header: 'uptime',
      align: 'right',
      format: (v, row) => (row.status === 'online' ? formatDuration(Number(v)) : '-'),
    },
  ]
}

/**
 * Print processes: JSON under `--json`, else the table (or a hint when there are none).
 *
 * @example
 * ```ts
 * printProcesses(out, await client.call('process.list', {}) as ProcessInfo[])
 * ```
 */
export function printProcesses(out: Output, procs: readonly ProcessInfo[]): void {
  if (out.mode.json) out.json(procs)
  else if (procs.length === 0) out.info('no processes; start one with `od start app.js`')
  else out.table(procs, columns(out.colors))
}

/** Names joined with commas; `-` for none (or a daemon that predates dependencies). */
function nameList(names: readonly string[] | undefined): string {
  return names === undefined || names.length === 0 ? '-' : names.join(', ')
}

/** `db, migrate (completed)`: names, with the condition when it is not the default `online`. */
function dependencyList(deps: ProcessDetail['dependencies'] | undefined): string {
  // Absent when the daemon predates dependencies.
  if (deps === undefined || deps.length === 0) return '-'
  return deps.map((d) => (d.condition === 'online' ? d.name : `${d.name} (${d.condition})`)).join(', ')
}

/** The key/value rows of `od info` for one instance. */
export function detailRows(p: ProcessDetail): { key: string; value: string }[] {
  const rows: [string, unknown][] = [
    ['id', p.id],
    ['name', p.name],
    ['namespace', p.namespace],
    ['status', p.status],
    ['pid', p.pid ?? '-'],
    ['instance', `${p.instance} of ${p.instances}`],
    ['script', p.script],
    ['interpreter', [p.interpreter, ...p.interpreterArgs].join(' ')],
    ['args', p.args.join(' ')],
    ['cwd', p.cwd],
    ['uptime', p.status === 'online' ? formatDuration(p.uptimeMs) : '-'],
    ['restarts', `${p.restarts} (unstable ${p.unstableRestarts})`],
    ['autorestart', p.autorestart],
    ['memory', p.memory === null ? '-' : formatBytes(p.memory)],
    [
      'last exit',
      p.lastExit === null ? '-' : `${p.lastExit.signal ?? `code ${p.lastExit.code}`} (${p.lastExit.reason})`,
    ],
    ['env keys', p.envKeys.join(', ')],
    ['dependencies', dependencyList(p.dependencies)],
    ['dependents', nameList(p.dependents)],
    ['out log', p.logs.out],
    ['err log', p.logs.err],
    ['error', p.error === null ? '-' : `${p.error.code}: ${p.error.message}`],
  ]
  return rows.map(([key, value]) => ({ key, value: String(value) }))
}
