/**
 * Socket path length limits, shared by the daemon and clients (no file-system or socket module).
 */
import { DaemonError } from '../errors/daemon-error.js'

/**
 * Longest socket path in bytes: `sun_path` holds 108 bytes on Linux and 104 on macOS/BSD, NUL included.
 *
 * @example
 * ```ts
 * import { maxSocketPathBytes } from '@opendaemon/core'
 *
 * maxSocketPathBytes('linux') // 107
 * ```
 * @since 0.1.0
 */
export function maxSocketPathBytes(platform: NodeJS.Platform): number {
  return platform === 'linux' ? 107 : 103
}

/**
 * Throw when `socketPath` is too long to bind or connect to.
 *
 * @throws {DaemonError} `OD_SOCKET_PATH_TOO_LONG`
 * @example
 * ```ts
 * import { checkSocketPath } from '@opendaemon/core'
 *
 * checkSocketPath('/home/me/.opendaemon/od.sock', 107)
 * ```
 * @since 0.1.0
 */
export function checkSocketPath(socketPath: string, maxBytes: number): void {
  if (Buffer.byteLength(socketPath) > maxBytes) {
    throw new DaemonError('OD_SOCKET_PATH_TOO_LONG', socketPath, maxBytes)
  }
}
