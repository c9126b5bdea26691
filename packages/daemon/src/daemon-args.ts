import { DaemonError } from '@opendaemon/core'

/** The command line of the daemon entry (`node dist/daemon.js [--foreground] [--resurrect] [--home <dir>]`). */
export interface DaemonArgs {
  /** Stay attached and mirror the log to stdout (systemd `Type=simple`). */
  foreground: boolean
  /** Boot behaviour of §8.16: after a reboot start the saved apps, and fill an empty table from `dump.json`. */
  resurrect: boolean
  /** OD_HOME given on the command line; it wins over the `OD_HOME` variable. */
  home: string | undefined
}

const USAGE = 'the daemon accepts --foreground, --resurrect and --home <dir>'

/**
 * Parses the daemon's arguments (without the node and script paths).
 *
 * @throws {DaemonError} `OD_USAGE` for an unknown option or a missing value.
 * @example
 * ```ts
 * import { parseDaemonArgs } from '@opendaemon/daemon'
 *
 * parseDaemonArgs(['--foreground', '--home', '/srv/od']) // { foreground: true, resurrect: false, home: '/srv/od' }
 * ```
 * @since 0.1.0
 */
export function parseDaemonArgs(args: readonly string[]): DaemonArgs {
  const parsed: DaemonArgs = { foreground: false, resurrect: false, home: undefined }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--foreground') parsed.foreground = true
    else if (arg === '--resurrect') parsed.resurrect = true
    else if (arg.startsWith('--home=')) parsed.home = nonEmpty(arg.slice('--home='.length))
    else if (arg === '--home') parsed.home = nonEmpty(args[++i])
    else throw new DaemonError('OD_USAGE', `Unknown option "${arg}": ${USAGE}`)
  }
  return parsed
}

function nonEmpty(value: string | undefined): string {
  if (value === undefined || value === '')
    throw new DaemonError('OD_USAGE', `--home needs a directory: ${USAGE}`)
  return value
}
