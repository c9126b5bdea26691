/** One line of `daemon.log`, as `od daemon logs --json` prints it. Unknown parts are `null`. */
export interface DaemonLogEntry {
  /** ISO 8601 time stamp. */
  ts: string | null
  level: string | null
  scope: string | null
  msg: string
  /** The line exactly as in the file. */
  line: string
}

const TEXT_LINE = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z) (TRACE|DEBUG|INFO|WARN|ERROR)\s+(?:\[([^\]]*)\] )?(.*)$/

/**
 * Parses a `daemon.log` line: the daemon's text format
 * (`2026-11-22T03:04:05.123Z WARN  [kernel] message key=value`), a JSON object with `ts`, `level`,
 * `scope`, `msg` (SPECIFICATION.md §6.14), or anything else (stray output, kept as `msg`).
 *
 * @example
 * ```ts
 * parseDaemonLogLine('2026-11-22T03:04:05.123Z INFO  [kernel] ready')
 * // { ts: '2026-11-22T03:04:05.123Z', level: 'info', scope: 'kernel', msg: 'ready', line: '…' }
 * ```
 */
export function parseDaemonLogLine(line: string): DaemonLogEntry {
  const text = TEXT_LINE.exec(line)
  if (text !== null) {
    const [, ts, level, scope, msg] = text as unknown as [string, string, string, string | undefined, string]
    return { ts, level: level.toLowerCase(), scope: scope ?? null, msg, line }
  }
  if (line.startsWith('{')) {
    try {
      const value = JSON.parse(line) as Record<string, unknown>
      const str = (key: string): string | null =>
        typeof value[key] === 'string' ? (value[key] as string) : null
      return { ts: str('ts'), level: str('level'), scope: str('scope'), msg: str('msg') ?? line, line }
    } catch {
      // Not JSON after all: shown as it is, below.
    }
  }
  return { ts: null, level: null, scope: null, msg: line, line }
}
