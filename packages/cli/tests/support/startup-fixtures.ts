import {
  buildTarget,
  type Account,
  type StartupTarget,
  type TargetInput,
} from '../../src/startup/startup-target.js'
import type { StartupHost } from '../../src/startup/startup-host.js'
import type { CommandResult, RunCommand } from '../../src/startup/command-runner.js'
import type { InitSystem } from '../../src/startup/init-systems.js'

export const deploy: Account = { name: 'deploy', uid: 1000, gid: 1001, group: 'staff', home: '/home/deploy' }

/** A target for `deploy` with fixed paths. */
export function targetFor(system: InitSystem, over: Partial<TargetInput> = {}): StartupTarget {
  return buildTarget({
    system,
    mode: 'system',
    account: deploy,
    node: '/usr/local/bin/node',
    cli: '/usr/local/lib/node_modules/opendaemon/dist/cli.cjs',
    ...over,
  })
}

/** A runner that answers from a table keyed by the joined argv and records every call. */
export function tableRunner(answers: Record<string, Partial<CommandResult>> = {}): RunCommand & {
  calls: string[][]
} {
  const calls: string[][] = []
  const run = (argv: readonly string[]): Promise<CommandResult> => {
    calls.push([...argv])
    const answer = answers[argv.join(' ')] ?? answers[argv[0] ?? ''] ?? {}
    return Promise.resolve({ code: 0, stdout: '', stderr: '', ...answer })
  }
  return Object.assign(run, { calls })
}

export const PASSWD: Record<string, Partial<CommandResult>> = {
  'getent passwd deploy': { stdout: 'deploy:x:1000:1001:Deploy:/home/deploy:/bin/sh\n' },
  'getent group 1001': { stdout: 'staff:x:1001:\n' },
  'getent passwd root': { stdout: 'root:x:0:0:root:/root:/bin/bash\n' },
  'getent group 0': { stdout: 'root:x:0:\n' },
  getent: { code: 2 },
}

/** A host with fixed facts; override any field. */
export function fakeHost(over: Partial<StartupHost> = {}): StartupHost {
  return {
    platform: 'linux',
    caller: { name: 'root', uid: 0 },
    run: tableRunner(PASSWD),
    root: '/tmp/od-never-written',
    initFacts: () =>
      Promise.resolve({ platform: 'linux', systemdRunning: true, openrc: false, initctlVersion: null }),
    realpath: (path) => path,
    exists: () => false,
    permissions: () => [],
    saved: () => ({ dump: true, stateHasApps: false }),
    shutdownTimeoutMs: () => undefined,
    ...over,
  }
}
