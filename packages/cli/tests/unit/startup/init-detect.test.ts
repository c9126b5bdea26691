import { describe, expect, it } from 'vitest'
import { detectInitSystem, type InitFacts } from '../../../src/startup/init-detect.js'

const linux: InitFacts = { platform: 'linux', systemdRunning: false, openrc: false, initctlVersion: null }

describe('detectInitSystem', () => {
  it.each([
    ['darwin', 'launchd'],
    ['win32', 'nssm'],
    ['freebsd', 'rcd'],
  ])('%s → %s whatever else is present', (platform, system) => {
    expect(detectInitSystem({ ...linux, platform, systemdRunning: true })).toBe(system)
  })

  it('prefers a running systemd over OpenRC and Upstart on Linux', () => {
    expect(
      detectInitSystem({ ...linux, systemdRunning: true, openrc: true, initctlVersion: 'upstart' }),
    ).toBe('systemd')
  })

  it('falls back to OpenRC, then Upstart', () => {
    expect(detectInitSystem({ ...linux, openrc: true, initctlVersion: 'init (upstart 1.12.1)' })).toBe(
      'openrc',
    )
    expect(detectInitSystem({ ...linux, initctlVersion: 'init (upstart 1.12.1)' })).toBe('upstart')
  })

  it('an initctl that is not Upstart does not count', () => {
    expect(() => detectInitSystem({ ...linux, initctlVersion: 'something else' })).toThrow(
      expect.objectContaining({ code: 'OD_STARTUP_UNSUPPORTED' }),
    )
  })

  it('nothing detected (also on other platforms) → OD_STARTUP_UNSUPPORTED naming the platform', () => {
    expect(() => detectInitSystem(linux)).toThrow(
      /No supported init system was detected on this linux machine/,
    )
    expect(() => detectInitSystem({ ...linux, platform: 'aix', systemdRunning: true })).toThrow(
      /this aix machine/,
    )
  })
})
