/**
 * Which init system this machine boots with (SPECIFICATION.md §22.1), decided from facts gathered at
 * the edge ({@link InitFacts}), so the rule is a pure function.
 */
import { DaemonError } from '@opendaemon/core'
import type { InitSystem } from './init-systems.js'

/** What detection looks at. */
export interface InitFacts {
  /** `process.platform`. */
  readonly platform: string
  /** `/run/systemd/system` is a directory (systemd is the running init). */
  readonly systemdRunning: boolean
  /** `/sbin/openrc-run` or `/sbin/openrc` exists. */
  readonly openrc: boolean
  /** What `/sbin/initctl version` printed, or null when there is no initctl (or it failed). */
  readonly initctlVersion: string | null
}

/**
 * The init system of the machine the facts describe, first match wins: macOS → launchd, Windows →
 * nssm, FreeBSD → rc.d, then on Linux systemd, OpenRC, Upstart.
 *
 * @throws {DaemonError} `OD_STARTUP_UNSUPPORTED` when none matches.
 * @example
 * ```ts
 * detectInitSystem({ platform: 'linux', systemdRunning: true, openrc: false, initctlVersion: null }) // 'systemd'
 * ```
 */
export function detectInitSystem(facts: InitFacts): InitSystem {
  if (facts.platform === 'darwin') return 'launchd'
  if (facts.platform === 'win32') return 'nssm'
  if (facts.platform === 'freebsd') return 'rcd'
  if (facts.platform === 'linux') {
    if (facts.systemdRunning) return 'systemd'
    if (facts.openrc) return 'openrc'
    if (facts.initctlVersion?.includes('upstart') === true) return 'upstart'
  }
  throw new DaemonError(
    'OD_STARTUP_UNSUPPORTED',
    `No supported init system was detected on this ${facts.platform} machine (no running systemd, OpenRC or Upstart)`,
  )
}
