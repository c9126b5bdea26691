import { posix } from 'node:path'
import { DaemonError } from './errors/daemon-error.js'

/** Longest Unix socket path Linux accepts (sun_path is 108 bytes including the final NUL). */
export const MAX_SOCKET_PATH_BYTES = 107

/** Every file and directory the daemon uses, all inside OD_HOME unless overridden. */
export interface OdPaths {
  /** OD_HOME (mode 0700). */
  readonly home: string
  /** The IPC socket (mode 0600); `OD_SOCKET` overrides it. */
  readonly socketPath: string
  /** `daemon.pid`: JSON `{pid, startTime, version, socket}`, doubling as the single-instance lock. */
  readonly pidFile: string
  /** `auth-token` (0600, 32 random bytes hex). */
  readonly tokenFile: string
  /** `daemon.log`, the daemon's own log. */
  readonly logFile: string
  /** `config.json`, the optional daemon config. */
  readonly configFile: string
  /** `state.json`, the app table. */
  readonly stateFile: string
  /** `dump.json`, written by `od save`. */
  readonly dumpFile: string
  /** `logs/`, the apps' logs. */
  readonly logDir: string
}

/** The environment variables {@link resolvePaths} reads. */
export interface PathsEnv {
  readonly OD_HOME?: string | undefined
  readonly OD_SOCKET?: string | undefined
}

function absolute(value: string, homedir: string, cwd: string | undefined, variable: string): string {
  // posix.resolve only consults process.cwd() for relative input, which never reaches it here.
  if (value === '~' || value.startsWith('~/')) return posix.resolve(homedir, value.slice(2))
  if (posix.isAbsolute(value)) return posix.resolve(value)
  if (cwd !== undefined) return posix.resolve(cwd, value)
  throw new DaemonError('OD_HOME_UNUSABLE', value, `${variable} must be an absolute path`)
}

/**
 * Resolves OD_HOME and the paths inside it. Pure: the environment, home directory and (for
 * relative values) working directory are passed in. `OD_HOME` defaults to `~/.opendaemon`; a
 * leading `~` expands to `homedir`; empty values count as unset.
 *
 * @throws {DaemonError} `OD_SOCKET_PATH_TOO_LONG` when the socket path exceeds
 * {@link MAX_SOCKET_PATH_BYTES}; `OD_HOME_UNUSABLE` for a relative path without `cwd`.
 * @example
 * ```ts
 * import { resolvePaths } from '@opendaemon/core'
 *
 * const paths = resolvePaths({ OD_HOME: '/tmp/od-demo' }, '/home/me')
 * console.log(paths.socketPath) // '/tmp/od-demo/od.sock'
 * ```
 * @since 0.1.0
 */
export function resolvePaths(env: PathsEnv, homedir: string, cwd?: string): OdPaths {
  const homeValue = env.OD_HOME === undefined || env.OD_HOME === '' ? '~/.opendaemon' : env.OD_HOME
  const home = absolute(homeValue, homedir, cwd, 'OD_HOME')
  const socketPath =
    env.OD_SOCKET === undefined || env.OD_SOCKET === ''
      ? posix.join(home, 'od.sock')
      : absolute(env.OD_SOCKET, homedir, cwd, 'OD_SOCKET')
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH_BYTES) {
    throw new DaemonError('OD_SOCKET_PATH_TOO_LONG', socketPath, MAX_SOCKET_PATH_BYTES)
  }
  return {
    home,
    socketPath,
    pidFile: posix.join(home, 'daemon.pid'),
    tokenFile: posix.join(home, 'auth-token'),
    logFile: posix.join(home, 'daemon.log'),
    configFile: posix.join(home, 'config.json'),
    stateFile: posix.join(home, 'state.json'),
    dumpFile: posix.join(home, 'dump.json'),
    logDir: posix.join(home, 'logs'),
  }
}
