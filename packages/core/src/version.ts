/**
 * The version of OpenDaemon this build belongs to. The daemon reports it in `daemon.version`,
 * `daemon.status` and the IPC auth challenge, so a CLI can notice it talks to an older daemon.
 *
 * @example
 * ```ts
 * import { VERSION } from '@opendaemon/core'
 *
 * console.log(`opendaemon ${VERSION}`)
 * ```
 * @since 0.1.0
 */
export const VERSION = '0.1.0'
