import { describe, expect, it } from 'vitest'
import type { RuntimeInfo } from '../../../src/cli-io.js'
import type { StartupHost } from '../../../src/startup/startup-host.js'
import {
  resolveStartup,
  type RequestContext,
  type StartupRequest,
} from '../../../src/startup/startup-request.js'
import { fakeIo } from '../../support/fake-io.js'
import { fakeHost } from '../../support/startup-fixtures.js'

const runtime: RuntimeInfo = { ...fakeIo().runtime, isRoot: true }

function resolveWith(
  req: StartupRequest,
  over: {
    host?: Partial<StartupHost>
    env?: Record<string, string>
    runtime?: Partial<RuntimeInfo>
    purpose?: 'remove'
  } = {},
) {
  const ctx: RequestContext = {
    host: fakeHost(over.host),
    env: over.env ?? {},
    cwd: '/work',
    runtime: { ...runtime, ...over.runtime },
    purpose: over.purpose ?? 'install',
  }
  return resolveStartup(req, ctx)
}

describe('resolveStartup: init system and mode', () => {
  it('uses the named system (aliases too) and rejects unknown names', async () => {
    expect((await resolveWith({ system: 'alpine', user: 'deploy' })).plan.system).toBe('openrc')
    await expect(resolveWith({ system: 'runit' })).rejects.toMatchObject({
      code: 'OD_STARTUP_UNSUPPORTED',
      exitCode: 2,
    })
  })

  it('detects the system when none is named', async () => {
    expect((await resolveWith({ user: 'deploy' })).plan.system).toBe('systemd')
    const none = () =>
      Promise.resolve({ platform: 'linux', systemdRunning: false, openrc: false, initctlVersion: null })
    await expect(resolveWith({}, { host: { initFacts: none } })).rejects.toMatchObject({
      code: 'OD_STARTUP_UNSUPPORTED',
    })
  })

  it('the GoPM aliases mean systemd when nothing is detected, and say so when another system is', async () => {
    const none = () =>
      Promise.resolve({ platform: 'linux', systemdRunning: false, openrc: false, initctlVersion: null })
    const quiet = await resolveWith({ preferSystemd: true }, { host: { initFacts: none } })
    expect(quiet.plan.system).toBe('systemd')
    expect(quiet.warnings).toEqual([])
    const openrc = () =>
      Promise.resolve({ platform: 'linux', systemdRunning: false, openrc: true, initctlVersion: null })
    const other = await resolveWith({ preferSystemd: true }, { host: { initFacts: openrc } })
    expect(other.plan.system).toBe('openrc')
    expect(other.warnings).toContain('this machine uses openrc, not systemd: using openrc')
    expect((await resolveWith({ preferSystemd: true })).warnings).toEqual([])
  })

  it('mode: system by default, user for launchd without root, --mode user only for systemd and launchd', async () => {
    expect((await resolveWith({ system: 'systemd' })).plan.mode).toBe('system')
    expect((await resolveWith({ system: 'launchd' })).plan.mode).toBe('system')
    expect((await resolveWith({ system: 'launchd' }, { runtime: { isRoot: false } })).plan.mode).toBe('user')
    expect((await resolveWith({ system: 'systemd', mode: 'user' })).plan.mode).toBe('user')
    await expect(resolveWith({ system: 'openrc', mode: 'user' })).rejects.toMatchObject({
      code: 'OD_USAGE',
      message: '--mode user exists for systemd and launchd only, not openrc.',
    })
  })

  it('--service-name is checked and used', async () => {
    expect((await resolveWith({ system: 'systemd', serviceName: 'od@web.1' })).plan.service).toBe('od@web.1')
    await expect(resolveWith({ system: 'systemd', serviceName: '../x' })).rejects.toMatchObject({
      code: 'OD_USAGE',
    })
  })
})

describe('resolveStartup: account and paths', () => {
  it('user: --user, else $SUDO_USER, else the caller; unknown → OD_STARTUP_USER_UNKNOWN', async () => {
    expect(
      (await resolveWith({ system: 'systemd', user: 'deploy' }, { env: { SUDO_USER: 'root' } })).target.user,
    ).toBe('deploy')
    expect((await resolveWith({ system: 'systemd' }, { env: { SUDO_USER: 'deploy' } })).target.user).toBe(
      'deploy',
    )
    expect((await resolveWith({ system: 'systemd' }, { env: { SUDO_USER: '' } })).target.user).toBe('root')
    await expect(resolveWith({ system: 'systemd', user: 'ghost' })).rejects.toMatchObject({
      code: 'OD_STARTUP_USER_UNKNOWN',
    })
  })

  it('OD_HOME: --home-dir (made absolute), else $OD_HOME, else <home>/.opendaemon', async () => {
    expect((await resolveWith({ system: 'systemd', homeDir: 'od' })).target.odHome).toBe('/work/od')
    expect((await resolveWith({ system: 'systemd' }, { env: { OD_HOME: '/srv/od' } })).target.odHome).toBe(
      '/srv/od',
    )
    expect((await resolveWith({ system: 'systemd', user: 'deploy' })).target.odHome).toBe(
      '/home/deploy/.opendaemon',
    )
  })

  it('node: the real path of this one, or --node as given (must exist); the CLI by real path', async () => {
    const host = { realpath: (p: string) => `/real${p}` }
    const r = await resolveWith({ system: 'systemd' }, { host })
    expect(r.target.node).toBe('/real/usr/bin/node')
    expect(r.target.cli).toBe('/real/opt/opendaemon/dist/cli.cjs')
    const withNode = { ...host, exists: () => true }
    expect(
      (await resolveWith({ system: 'systemd', node: '/usr/local/bin/node' }, { host: withNode })).target.node,
    ).toBe('/usr/local/bin/node')
    await expect(
      resolveWith({ system: 'systemd', node: 'bin/node' }, { host: { exists: () => false } }),
    ).rejects.toMatchObject({ code: 'OD_USAGE', message: '--node /work/bin/node does not exist.' })
  })

  it('reads the shutdown budget from the OD_HOME config', async () => {
    expect(
      (await resolveWith({ system: 'systemd' }, { host: { shutdownTimeoutMs: () => 60_000 } })).target
        .stopSeconds,
    ).toBe(70)
  })
})

describe('resolveStartup: checks and rights', () => {
  const blocked = (path: string) => [{ path, mode: 0o40700, uid: 0, gid: 0, need: 'x' as const }]

  it('another user must reach node and the CLI → OD_STARTUP_PATH_INACCESSIBLE naming the blocker', async () => {
    await expect(
      resolveWith({ system: 'systemd', user: 'deploy' }, { host: { permissions: () => blocked('/root') } }),
    ).rejects.toMatchObject({
      code: 'OD_STARTUP_PATH_INACCESSIBLE',
      message: expect.stringContaining(
        '/usr/bin/node cannot be run by user deploy: /root is not searchable by it',
      ),
    })
    const file = (path: string, need: 'x' | 'r') => [{ path, mode: 0o100700, uid: 0, gid: 0, need }]
    await expect(
      resolveWith(
        { system: 'systemd', user: 'deploy' },
        { host: { permissions: (p, need) => file(p, need) } },
      ),
    ).rejects.toThrow('it cannot run it')
    const cliOnly = (p: string, need: 'x' | 'r') => (need === 'r' ? file(p, need) : [])
    await expect(
      resolveWith({ system: 'systemd', user: 'deploy' }, { host: { permissions: cliOnly } }),
    ).rejects.toThrow('/opt/opendaemon/dist/cli.cjs cannot be run by user deploy: it cannot read it')
  })

  it('skips the reachability check for the caller itself and for removal', async () => {
    const host = { permissions: () => blocked('/root') }
    await expect(resolveWith({ system: 'systemd' }, { host })).resolves.toBeDefined()
    await expect(
      resolveWith({ system: 'systemd', user: 'deploy' }, { host, purpose: 'remove' }),
    ).resolves.toBeDefined()
  })

  it('warns about a version-manager node, an empty saved list and a running daemon', async () => {
    const r = await resolveWith(
      { system: 'systemd' },
      {
        host: {
          realpath: () => '/root/.nvm/versions/node/v20.1.0/bin/node',
          saved: () => ({ dump: false, stateHasApps: false }),
          exists: (p) => p.endsWith('daemon.pid'),
        },
      },
    )
    expect(r.warnings).toHaveLength(3)
    expect(r.warnings[0]).toContain('version manager')
    expect(r.warnings[1]).toContain('nothing will be resurrected at boot')
    expect(r.warnings[2]).toContain('a daemon already runs for /root/.opendaemon')
    const quiet = await resolveWith({ system: 'systemd' }, { host: { exists: () => false } })
    expect(quiet.warnings).toEqual([])
  })

  it('may apply: root for system mode, the account itself for user mode, never for nssm', async () => {
    expect((await resolveWith({ system: 'systemd' })).canApply).toBe(true)
    expect((await resolveWith({ system: 'systemd' }, { runtime: { isRoot: false } })).canApply).toBe(false)
    expect(
      (await resolveWith({ system: 'systemd', mode: 'user' }, { runtime: { isRoot: false } })).canApply,
    ).toBe(true)
    expect((await resolveWith({ system: 'systemd', mode: 'user', user: 'deploy' })).canApply).toBe(false)
    expect((await resolveWith({ system: 'nssm' })).canApply).toBe(false)
  })
})
