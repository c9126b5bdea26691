/**
 * The init systems `od startup` writes boot integration for, and the names users may call them by
 * (PM2's platform names map onto them), SPECIFICATION.md §22.1.
 */
import { DaemonError } from '@opendaemon/core'

/** Every supported init system, in the order of the help text. */
export const INIT_SYSTEMS = ['systemd', 'launchd', 'upstart', 'openrc', 'rcd', 'nssm'] as const

/** A supported init system. */
export type InitSystem = (typeof INIT_SYSTEMS)[number]

const ALIASES: Readonly<Record<string, InitSystem>> = {
  ubuntu: 'systemd',
  centos: 'systemd',
  redhat: 'systemd',
  amazon: 'systemd',
  gentoo: 'systemd',
  debian: 'systemd',
  darwin: 'launchd',
  macos: 'launchd',
  ubuntu14: 'upstart',
  alpine: 'openrc',
  freebsd: 'rcd',
  windows: 'nssm',
}

/** PM2 platform names OpenDaemon knows but does not support. */
const UNSUPPORTED: ReadonlySet<string> = new Set(['systemv', 'rcd-openbsd', 'smf'])

/**
 * The init system a command-line name means (case-insensitive; aliases allowed).
 *
 * @throws {DaemonError} `OD_STARTUP_UNSUPPORTED` for an unknown or unsupported name.
 * @example
 * ```ts
 * resolveInitSystem('alpine') // 'openrc'
 * ```
 */
export function resolveInitSystem(name: string): InitSystem {
  const key = name.toLowerCase()
  const direct = INIT_SYSTEMS.find((system) => system === key)
  if (direct !== undefined) return direct
  const alias = ALIASES[key]
  if (alias !== undefined) return alias
  const why = UNSUPPORTED.has(key)
    ? 'is not supported by OpenDaemon'
    : 'is not an init system OpenDaemon knows'
  throw new DaemonError('OD_STARTUP_UNSUPPORTED', `"${name}" ${why}`)
}
