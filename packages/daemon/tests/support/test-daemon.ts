import { connectClient, type IpcClient, type OdPaths } from '@opendaemon/core'
import { startDaemon, type Daemon, type StartDaemonOptions } from '../../src/daemon.js'
import { createTempHomes } from './temp-home.js'

/** In-process daemons and clients for one test file; `cleanup()` stops them all. */
export function createDaemonHarness() {
  const homes = createTempHomes()
  let last: string | undefined
  const daemons: Daemon[] = []
  const clients: IpcClient[] = []
  return {
    home: () => homes.make(),
    /** The home of the last `start()`, while it may still be booting. */
    lastHome: () => last,
    async start(options: Partial<StartDaemonOptions> = {}): Promise<Daemon> {
      last = options.home ?? homes.make()
      const daemon = await startDaemon({ ...options, home: last })
      daemons.push(daemon)
      return daemon
    },
    track(daemon: Daemon): Daemon {
      daemons.push(daemon)
      return daemon
    },
    async connect(daemon: { paths: Pick<OdPaths, 'socketPath' | 'tokenFile'> }): Promise<IpcClient> {
      const client = await connectClient({
        socketPath: daemon.paths.socketPath,
        tokenPath: daemon.paths.tokenFile,
        clientInfo: { name: 'daemon-tests', version: '0.0.0' },
        timeoutMs: 10_000,
      })
      clients.push(client)
      return client
    },
    async cleanup() {
      await Promise.all(clients.splice(0).map((client) => client.close()))
      await Promise.all(daemons.splice(0).map((daemon) => daemon.stop({ timeoutMs: 2_000 })))
      homes.cleanup()
    },
  }
}
