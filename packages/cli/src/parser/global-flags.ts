import type { ArgSpecs, ParsedArgs } from './arg-spec.js'

/** Flags every command accepts. A command must not declare these names itself. */
export const globalArgs = {
  json: { type: 'boolean', description: 'Print machine-readable JSON on stdout' },
  quiet: { type: 'boolean', short: 'q', description: 'Print only errors and the requested data' },
  verbose: { type: 'boolean', short: 'v', description: 'Print debug detail' },
  color: { type: 'boolean', default: true, description: 'Plain output without colours (also NO_COLOR=1)' },
  help: { type: 'boolean', short: 'h', description: 'Show help' },
  home: {
    type: 'string',
    valueName: 'dir',
    description: 'Use this OD_HOME (default: $OD_HOME or ~/.opendaemon)',
  },
  socket: {
    type: 'string',
    valueName: 'path',
    description: 'Use this daemon socket (default: $OD_SOCKET or <home>/od.sock)',
  },
  timeout: { type: 'string', valueName: 'duration', description: 'Deadline of RPC calls (default 30s)' },
  daemonStart: {
    type: 'boolean',
    default: true,
    description: 'Never start a daemon; fail with exit 3 instead (also OD_NO_AUTOSTART=1)',
  },
} as const satisfies ArgSpecs

/** Flags accepted only before the command name (`od --version`). */
export const topLevelArgs = {
  ...globalArgs,
  version: { type: 'boolean', short: 'V', description: 'Print the version' },
} as const satisfies ArgSpecs

/** The parsed global flags. */
export type GlobalArgs = ParsedArgs<typeof globalArgs>

/** The global flags that shape output, known before the command line is fully parsed. */
export type OutputGlobals = Pick<GlobalArgs, 'json' | 'quiet' | 'verbose' | 'color' | 'help'>

/**
 * A first look at the global flags before the command is known, so that errors found while resolving
 * the command already honour `--json`, `-q` and `--no-color`. Only exact spellings count; the full
 * parse later is authoritative.
 *
 * @example
 * ```ts
 * prescanGlobals(['list', '--json', '--', '--quiet']).json // true (and quiet stays false)
 * ```
 */
export function prescanGlobals(argv: readonly string[]): OutputGlobals {
  const end = argv.indexOf('--')
  const tokens = end === -1 ? argv : argv.slice(0, end)
  const has = (...spellings: string[]): boolean => tokens.some((t) => spellings.includes(t))
  return {
    json: has('--json'),
    quiet: has('-q', '--quiet'),
    verbose: has('-v', '--verbose'),
    color: !has('--no-color'),
    help: has('-h', '--help'),
  }
}
