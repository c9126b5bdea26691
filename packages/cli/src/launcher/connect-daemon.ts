import { parseDuration, VERSION } from '@opendaemon/core/client'
import { OpenDaemon } from 'opendaemon-sdk'
import type { ClientLike, ConnectRequest } from '../client-like.js'
import { ensureDaemon, START_TIMEOUT_MS } from './ensure-daemon.js'

/**
 * The launcher's deadline: `OD_START_TIMEOUT` (a duration such as `20s`), else 10 s.
 *
 * @throws {DaemonError} `OD_INVALID_DURATION` for a malformed value.
 * @example
 * ```ts
 * startTimeoutMs({ OD_START_TIMEOUT: '20s' }) // 20000
 * ```
 */
export function startTimeoutMs(env: Readonly<Record<string, string | undefined>>): number {
  const value = env['OD_START_TIMEOUT']
  return value === undefined || value === '' ? START_TIMEOUT_MS : parseDuration(value)
}

/**
 * Opens the CLI's connection through the SDK: one-shot (no reconnect), named `od-cli`, and with
 * auto-start through {@link ensureDaemon} when the request allows it.
 *
 * @example
 * ```ts
 * const client = await connectDaemon({ paths, socket: undefined, timeoutMs: undefined, autoStart: true,
 *   daemonEntry, execPath: process.execPath, env: process.env, onStarted: () => {} })
 * await client.call('daemon.ping')
 * ```
 */
export async function connectDaemon(request: ConnectRequest): Promise<ClientLike> {
  const { paths } = request
  const launcher = async (): Promise<void> => {
    const result = await ensureDaemon(paths, {
      daemonEntry: request.daemonEntry,
      execPath: request.execPath,
      env: request.env,
      socket: request.socket,
      timeoutMs: startTimeoutMs(request.env),
    })
    if (result.started) request.onStarted(result.pid)
  }
  const od = new OpenDaemon(
    {
      home: paths.home,
      socketPath: paths.socketPath,
      tokenPath: paths.tokenFile,
      ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
      reconnect: false,
      autoStart: request.autoStart,
      launcher,
      clientName: 'od-cli',
      clientVersion: VERSION,
    },
    { env: request.env, homedir: '/', cwd: '/' },
  )
  // The first call is pipelined behind the auth response: one round trip less for every command.
  await od.connect({ waitForAuth: false })
  return {
    call: (method, params) => od.call(method as 'daemon.ping', params as never),
    // One-shot: start closing and move on; waiting for the daemon to acknowledge the close would add a
    // round trip to every command (the socket still closes, or dies with the process).
    close: () => {
      void od.disconnect()
      return Promise.resolve()
    },
    get daemon() {
      return od.daemon
    },
    streamLogs: (params) => od.streamLogs(params),
  }
}
