/**
 * Everything a generated boot file is made of (SPECIFICATION.md §22.3 placeholders), computed from the
 * command's inputs by a pure function.
 */
import { dirname } from 'node:path'
import type { InitSystem } from './init-systems.js'

/** Whether the service runs in the system manager (needs root) or the user's own (no root). */
export type StartupMode = 'system' | 'user'

/** A user account as `getent passwd` describes it. */
export interface Account {
  readonly name: string
  readonly uid: number
  readonly gid: number
  /** The primary group's name (the gid as text when the group has no name). */
  readonly group: string
  readonly home: string
}

/** The inputs of {@link buildTarget}. */
export interface TargetInput {
  readonly system: InitSystem
  readonly mode: StartupMode
  readonly account: Account
  /** OD_HOME of the service (absolute), or undefined for `<home>/.opendaemon`. */
  readonly odHome?: string | undefined
  /** Absolute, symlink-free Node.js binary. */
  readonly node: string
  /** Absolute, symlink-free CLI entry (`…/opendaemon/dist/cli.cjs`). */
  readonly cli: string
  /** `--service-name`. */
  readonly serviceName?: string | undefined
  /** The daemon's `shutdownTimeoutMs` (default 10 000). */
  readonly shutdownTimeoutMs?: number | undefined
  /** `--delegate`: systemd `Delegate=yes`. */
  readonly delegate?: boolean
}

/** The filled-in placeholders of a boot file. */
export interface StartupTarget {
  readonly system: InitSystem
  readonly mode: StartupMode
  readonly user: string
  readonly uid: number
  readonly group: string
  readonly home: string
  readonly odHome: string
  readonly node: string
  readonly cli: string
  /** `PATH` of the service: the node binary's directory, then the system directories. */
  readonly path: string
  readonly service: string
  /** `shutdownTimeoutMs` in seconds, plus 10. */
  readonly stopSeconds: number
  readonly delegate: boolean
}

/** The system directories after the node binary's directory in the service's PATH. */
export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** The default shutdown budget of the daemon (`shutdownTimeoutMs`). */
export const DEFAULT_SHUTDOWN_MS = 10_000

/** The arguments every boot file passes to the CLI. */
export const DAEMON_ARGS: readonly string[] = ['daemon', 'start', '--foreground', '--resurrect']

/**
 * The default service name: `opendaemon-<user>` in system mode, `opendaemon` in user mode.
 *
 * @example
 * ```ts
 * defaultServiceName('system', 'deploy') // 'opendaemon-deploy'
 * ```
 */
export function defaultServiceName(mode: StartupMode, user: string): string {
  return mode === 'user' ? 'opendaemon' : `opendaemon-${user}`
}

/**
 * Fills in the placeholders.
 *
 * @example
 * ```ts
 * const target = buildTarget({ system: 'systemd', mode: 'system', node: '/usr/bin/node',
 *   cli: '/usr/lib/node_modules/opendaemon/dist/cli.cjs',
 *   account: { name: 'deploy', uid: 1000, gid: 1000, group: 'deploy', home: '/home/deploy' } })
 * target.odHome // '/home/deploy/.opendaemon'
 * ```
 */
export function buildTarget(input: TargetInput): StartupTarget {
  const { account } = input
  const nodeDir = dirname(input.node)
  const path = [nodeDir, ...SYSTEM_PATH.split(':').filter((dir) => dir !== nodeDir)].join(':')
  return {
    system: input.system,
    mode: input.mode,
    user: account.name,
    uid: account.uid,
    group: account.group,
    home: account.home,
    odHome: input.odHome ?? `${account.home.replace(/\/+$/, '')}/.opendaemon`,
    node: input.node,
    cli: input.cli,
    path,
    service: input.serviceName ?? defaultServiceName(input.mode, account.name),
    stopSeconds: Math.ceil((input.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_MS) / 1000) + 10,
    delegate: input.delegate === true,
  }
}
