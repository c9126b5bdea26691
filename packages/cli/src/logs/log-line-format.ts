/**
 * How `od logs` prints an entry (SPECIFICATION.md §9.9): `[name]` (or `[name:index]`) coloured per app,
 * stderr lines red — or `[name|err]` without colour — then the message. Pure.
 */
import type { LogEntry } from '@opendaemon/core/client'
import type { Colors, StyleName } from '../ui/colors.js'

/** Display options of {@link formatLogEntry}. */
export interface LogLineOptions {
  readonly colors: Colors
  /** Print the `[name]` prefix (default true; `--no-prefix`). */
  readonly prefix: boolean
  /** Print each line's timestamp (`--timestamp`). */
  readonly timestamp: boolean
  /** Only the message, as stored (`--raw`). */
  readonly raw: boolean
}

const PALETTE: readonly StyleName[] = ['cyan', 'magenta', 'blue', 'yellow', 'green']

/**
 * The stable colour of an app name (a hash of the name into a small palette).
 *
 * @example
 * ```ts
 * appColor('api') === appColor('api') // true
 * ```
 */
export function appColor(name: string): StyleName {
  let hash = 0
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0
  return PALETTE[hash % PALETTE.length] as StyleName
}

function label(entry: LogEntry, colors: Colors): string {
  const name = entry.instanceId > 0 ? `${entry.processName}:${entry.instanceId}` : entry.processName
  const err = entry.source === 'stderr'
  if (!colors.enabled) return `[${name}${err ? '|err' : ''}]`
  return `[${colors[appColor(entry.processName)](name)}]`
}

/**
 * One display line of an entry.
 *
 * @example
 * ```ts
 * const colors = createColors(false)
 * formatLogEntry(entry, { colors, prefix: true, timestamp: false, raw: false }) // '[api|err] boom'
 * ```
 */
export function formatLogEntry(entry: LogEntry, options: LogLineOptions): string {
  const { colors } = options
  if (options.raw) return entry.message
  const parts: string[] = []
  if (options.prefix) parts.push(label(entry, colors))
  if (options.timestamp) parts.push(colors.dim(entry.timestamp))
  const message = entry.source === 'stderr' ? colors.red(entry.message) : entry.message
  parts.push(entry.cont === true ? `${colors.dim('…')}${message}` : message)
  return parts.join(' ')
}

/**
 * The marker printed when the daemon skipped lines for this slow terminal.
 *
 * @example
 * ```ts
 * skippedMarker(4812) // '[od] 4812 lines skipped: this terminal could not keep up; the log files are complete'
 * ```
 */
export function skippedMarker(count: number): string {
  const lines = count === 1 ? 'line' : 'lines'
  return `[od] ${count} ${lines} skipped: this terminal could not keep up; the log files are complete`
}
