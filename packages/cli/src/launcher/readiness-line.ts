import { DaemonError, daemonErrorFromWire, isErrorCode } from '@opendaemon/core/client'

/** How a daemon start ended, from the one line the daemon writes on fd 3. */
export type StartOutcome = { kind: 'ready'; pid: number } | { kind: 'exists'; pid: number }

/**
 * Reads the daemon's readiness line (`ready <pid>`, `exists <pid>`, `error <CODE> <message>`; the
 * contract of `@opendaemon/daemon` readiness.ts): the outcome, or the error to fail with.
 *
 * @example
 * ```ts
 * readinessOutcome('ready 1150') // { kind: 'ready', pid: 1150 }
 * readinessOutcome('error OD_CONFIG_INVALID Invalid configuration: …') // DaemonError OD_CONFIG_INVALID
 * ```
 */
export function readinessOutcome(line: string): StartOutcome | DaemonError {
  const text = line.replace(/\r?\n$/, '')
  const pidLine = /^(ready|exists) ([1-9]\d*)$/.exec(text)
  if (pidLine !== null) return { kind: pidLine[1] as 'ready' | 'exists', pid: Number(pidLine[2]) }
  const errorLine = /^error (\S+) (.*)$/.exec(text)
  if (errorLine === null) {
    return new DaemonError(
      'OD_DAEMON_START_FAILED',
      `the daemon sent an unexpected readiness line: ${JSON.stringify(text)}`,
    )
  }
  const [, code, message] = errorLine as unknown as [string, string, string]
  if (isErrorCode(code)) return daemonErrorFromWire(code, message)
  return new DaemonError('OD_DAEMON_START_FAILED', `${code}: ${message}`)
}
