import type { ConnectClient } from '../client-like.js'

/**
 * The connector the bin wires in. It loads the SDK and the launcher only when a command first asks for
 * a client, so commands that never talk to the daemon (`help`, `--version`) never load them.
 *
 * @example
 * ```ts
 * await main(process.argv.slice(2), { ...io, connect: connectLazily })
 * ```
 */
export const connectLazily: ConnectClient = async (request) =>
  (await import('./connect-daemon.js')).connectDaemon(request)
