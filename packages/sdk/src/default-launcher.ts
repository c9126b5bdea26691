import type { ChildProcess, SpawnOptions } from 'node:child_process'
import { DaemonError } from '@opendaemon/core/client'

/** Starts a child process: `child_process.spawn`, or a fake in tests. */
export type SpawnProcess = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess

/** What {@link createCommandLauncher} runs and with which environment. */
export interface CommandLauncherOptions {
  readonly home: string
  readonly socketPath: string
  /** The environment of the launched command (its `PATH` finds the executable). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Default `opendaemon`. */
  readonly command?: string
  readonly spawn: SpawnProcess
}

const STDERR_LIMIT = 4096

/**
 * The default `launcher` of the SDK: runs `opendaemon daemon start --quiet` (found on `PATH`) for the
 * client's OD_HOME and socket, and resolves once it exits 0 — the CLI returns only when the socket
 * answers.
 *
 * @example
 * ```ts
 * import { spawn } from 'node:child_process'
 * import { createCommandLauncher } from 'opendaemon-sdk'
 *
 * const launch = createCommandLauncher({
 *   home: '/home/me/.opendaemon',
 *   socketPath: '/home/me/.opendaemon/od.sock',
 *   env: process.env,
 *   spawn,
 * })
 * await launch()
 * ```
 * @since 0.1.0
 */
export function createCommandLauncher(options: CommandLauncherOptions): () => Promise<void> {
  const command = options.command ?? 'opendaemon'
  return () =>
    new Promise((resolve, reject) => {
      const env = { ...options.env, OD_HOME: options.home, OD_SOCKET: options.socketPath }
      const child = options.spawn(command, ['daemon', 'start', '--quiet'], {
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      let stderr = ''
      child.stderr?.setEncoding('utf8')
      child.stderr?.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-STDERR_LIMIT)
      })
      child.once('error', (err: NodeJS.ErrnoException) => {
        const detail =
          err.code === 'ENOENT'
            ? `\`${command}\` is not on PATH; install it with \`npm install -g opendaemon\`, or pass a launcher`
            : `cannot run \`${command} daemon start\` (${err.message})`
        reject(new DaemonError('OD_DAEMON_START_FAILED', detail, { cause: err }))
      })
      child.once('close', (code, signal) => {
        if (code === 0) return resolve()
        const said = stderr.trim().split('\n').at(-1) as string
        const how = signal === null ? `exited with code ${String(code)}` : `was killed by ${signal}`
        const detail = `\`${command} daemon start\` ${how}${said === '' ? '' : `: ${said}`}`
        reject(new DaemonError('OD_DAEMON_START_FAILED', detail))
      })
    })
}
