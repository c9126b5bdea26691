import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { builtinCommands } from '../../src/commands/index.js'
import { connectLazily } from '../../src/launcher/lazy-connect.js'
import { fakeIo, type FakeIo } from './fake-io.js'

export const FAKE_DAEMON = join(__dirname, '..', 'fixtures', 'fake-daemon.cjs')

/** A short temporary OD_HOME for tests that start the fixture daemon through the real launcher. */
export interface TempHome {
  readonly dir: string
  readonly home: string
  /** An io with the real connector, the built-in commands and the fixture daemon as daemon entry. */
  io(overrides?: Parameters<typeof fakeIo>[0], env?: Record<string, string>): FakeIo
  /** The pid the fixture daemon recorded, if it ran. */
  daemonPid(): number | null
  /** Kills the fixture daemon (if it still runs) and removes the directory. */
  cleanup(): void
}

export function tempHome(): TempHome {
  const dir = mkdtempSync('/tmp/od-')
  const home = join(dir, 'h')
  const pidFile = join(home, 'fixture.pid')
  const daemonPid = (): number | null => (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : null)
  return {
    dir,
    home,
    daemonPid,
    io(overrides = {}, env = {}) {
      return fakeIo({
        commands: builtinCommands,
        connect: connectLazily,
        env: { OD_HOME: home, PATH: process.env['PATH'] ?? '', ...env },
        runtime: {
          execPath: process.execPath,
          cliPath: '/opt/opendaemon/dist/cli.cjs',
          nodeVersion: process.version,
          isRoot: false,
          homedir: dir,
          daemonEntry: FAKE_DAEMON,
        },
        ...overrides,
      })
    },
    cleanup() {
      const pid = daemonPid()
      if (pid !== null) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
