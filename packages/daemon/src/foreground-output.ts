const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z /

/**
 * A log line as foreground mode prints it on stdout: unchanged, or without its timestamp under
 * journald (`JOURNAL_STREAM` set), which stamps every line itself.
 *
 * @example
 * ```ts
 * import { foregroundLine } from '@opendaemon/daemon'
 *
 * foregroundLine('2026-11-22T03:04:05.123Z INFO  [daemon] ready', true) // 'INFO  [daemon] ready'
 * ```
 * @since 0.1.0
 */
export function foregroundLine(line: string, journald: boolean): string {
  return journald ? line.replace(TIMESTAMP, '') : line
}
