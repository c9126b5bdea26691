/**
 * The readiness pipe between the launcher (the CLI) and a detached daemon. The launcher spawns the
 * daemon with a pipe on fd 3; the daemon writes exactly one line to it and closes it:
 *
 * - `ready <pid>\n` once the socket answers (listening, state `ready`);
 * - `exists <pid>\n` when another live daemon holds the lock (this one then exits 0);
 * - `error <CODE> <message>\n` when the start failed (this one then exits non-zero).
 *
 * Without a pipe on fd 3 (started by hand, or by systemd) nothing is written.
 */
import { closeSync, fstatSync, writeSync } from 'node:fs'
import { isErrorCode, type ErrorCode } from '@opendaemon/core'

/** The one message a daemon sends its launcher. */
export type ReadinessMessage =
  | { kind: 'ready'; pid: number }
  | { kind: 'exists'; pid: number }
  | { kind: 'error'; code: ErrorCode; message: string }

/** The file descriptor the launcher passes the pipe on. */
export const READINESS_FD = 3

/**
 * Formats a readiness message as its line (newline included). An error message is folded onto
 * one line.
 *
 * @example
 * ```ts
 * import { formatReadiness } from '@opendaemon/daemon'
 *
 * formatReadiness({ kind: 'ready', pid: 1150 }) // 'ready 1150\n'
 * ```
 * @since 0.1.0
 */
export function formatReadiness(message: ReadinessMessage): string {
  if (message.kind === 'error') return `error ${message.code} ${message.message.replace(/\s*\n\s*/g, ' ')}\n`
  return `${message.kind} ${message.pid}\n`
}

/**
 * Parses a readiness line (with or without its newline), for the launcher.
 *
 * @returns The message, or `null` when the line is not one.
 * @example
 * ```ts
 * import { parseReadiness } from '@opendaemon/daemon'
 *
 * parseReadiness('exists 1149\n') // { kind: 'exists', pid: 1149 }
 * parseReadiness('error OD_CONFIG_INVALID Invalid configuration: …')
 * // { kind: 'error', code: 'OD_CONFIG_INVALID', message: 'Invalid configuration: …' }
 * ```
 * @since 0.1.0
 */
export function parseReadiness(line: string): ReadinessMessage | null {
  const text = line.endsWith('\n') ? line.slice(0, -1) : line
  const pidMatch = /^(ready|exists) ([1-9]\d*)$/.exec(text)
  if (pidMatch !== null) return { kind: pidMatch[1] as 'ready' | 'exists', pid: Number(pidMatch[2]) }
  const errorMatch = /^error (\S+) (.*)$/.exec(text)
  if (errorMatch === null || !isErrorCode(errorMatch[1])) return null
  return { kind: 'error', code: errorMatch[1], message: errorMatch[2] as string }
}

/** Sends the readiness message; only the first call writes. */
export interface ReadinessReporter {
  report(message: ReadinessMessage): void
}

/** The file operations the reporter needs (tests pass fakes). */
export interface ReadinessFs {
  fstatSync(fd: number): { isFIFO(): boolean; isSocket(): boolean }
  writeSync(fd: number, text: string): number
  closeSync(fd: number): void
}

const nodeReadinessFs: ReadinessFs = { fstatSync, writeSync, closeSync }

/** The fd of a process's Node IPC channel (`fork()`), or `null` when it has none. */
export function ipcChannelFd(channel: unknown = process.channel): number | null {
  const fd = (channel as { fd?: unknown } | undefined)?.fd
  return typeof fd === 'number' ? fd : null
}

/**
 * Opens the readiness pipe when the launcher passed one on `fd`: a FIFO or a socket (what Node's
 * `stdio: 'pipe'` creates). Returns `null` when there is none, and when `fd` is this process's
 * Node IPC channel (a process started with `fork()`, such as a test worker), which must never
 * receive a stray line or be closed.
 *
 * @example
 * ```ts
 * import { openReadinessPipe } from '@opendaemon/daemon'
 *
 * const readiness = openReadinessPipe()
 * readiness?.report({ kind: 'ready', pid: process.pid })
 * ```
 * @since 0.1.0
 */
export function openReadinessPipe(
  fd = READINESS_FD,
  fs: ReadinessFs = nodeReadinessFs,
  channelFd: number | null = ipcChannelFd(),
): ReadinessReporter | null {
  if (channelFd === fd) return null
  try {
    const stats = fs.fstatSync(fd)
    if (!stats.isFIFO() && !stats.isSocket()) return null
  } catch {
    // EBADF: nothing is open on fd 3, the usual case when started by hand or by systemd.
    return null
  }
  let sent = false
  return {
    report(message) {
      if (sent) return
      sent = true
      try {
        fs.writeSync(fd, formatReadiness(message))
      } catch {
        // The launcher gave up waiting (EPIPE): the daemon runs on regardless.
      }
      try {
        fs.closeSync(fd)
      } catch {
        // Already closed by the kernel on a broken pipe; nothing left to release.
      }
    },
  }
}
