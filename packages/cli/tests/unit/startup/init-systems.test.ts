import { describe, expect, it } from 'vitest'
import { INIT_SYSTEMS, resolveInitSystem } from '../../../src/startup/init-systems.js'

describe('resolveInitSystem', () => {
  it.each(INIT_SYSTEMS)('accepts its own name %s', (name) => {
    expect(resolveInitSystem(name)).toBe(name)
  })

  it.each([
    ['ubuntu', 'systemd'],
    ['CentOS', 'systemd'],
    ['redhat', 'systemd'],
    ['amazon', 'systemd'],
    ['gentoo', 'systemd'],
    ['debian', 'systemd'],
    ['darwin', 'launchd'],
    ['macos', 'launchd'],
    ['ubuntu14', 'upstart'],
    ['alpine', 'openrc'],
    ['freebsd', 'rcd'],
    ['windows', 'nssm'],
  ])('maps the PM2 name %s to %s', (alias, system) => {
    expect(resolveInitSystem(alias)).toBe(system)
  })

  it.each(['systemv', 'rcd-openbsd', 'smf'])('rejects %s as known but unsupported (exit 2)', (name) => {
    expect(() => resolveInitSystem(name)).toThrow(
      expect.objectContaining({ code: 'OD_STARTUP_UNSUPPORTED', exitCode: 2 }),
    )
    expect(() => resolveInitSystem(name)).toThrow(/is not supported by OpenDaemon.*systemd, launchd/)
  })

  it('rejects an unknown name and lists the supported ones', () => {
    expect(() => resolveInitSystem('runit')).toThrow(
      /"runit" is not an init system OpenDaemon knows\. Name a supported/,
    )
  })
})
