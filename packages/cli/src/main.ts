import type { CliIo } from './cli-io.js'
import { CliError } from './cli-error.js'
import { prepareContext } from './command-context.js'
import { findCommand, unknownCommandMessage, type CommandTable } from './command-table.js'
import { builtinCommands } from './commands/index.js'
import type { AnyCommand } from './define-command.js'
import { createOutput, type Output } from './output.js'
import type { ArgSpecs } from './parser/arg-spec.js'
import {
  globalArgs,
  prescanGlobals,
  topLevelArgs,
  type GlobalArgs,
  type OutputGlobals,
} from './parser/global-flags.js'
import { parseArgs, type ParseOutcome } from './parser/parse-args.js'
import { reportError } from './report-error.js'
import { resolveSubcommands, type ResolvedCommand } from './subcommands.js'

/**
 * Runs the CLI and resolves to the exit code: 0 ok, 1 command failed, 2 usage error, 3 daemon
 * unreachable. It never calls `process.exit` and never touches `process`: the bin entry passes `io`.
 *
 * @example
 * ```ts
 * const code = await main(['--version'], io)
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const table = io.commands ?? builtinCommands
  let out = outputFor(io, prescanGlobals(argv))
  try {
    const resolved = await resolveInvocation(argv, table)
    const parsed = parseArgs(resolved.tokens, withGlobals(resolved.def))
    out = outputFor(io, parsed.values as GlobalArgs)
    return await execute(resolved, parsed, { io, table, out })
  } catch (err) {
    return reportError(err, io, out)
  }
}

function outputFor(io: CliIo, globals: OutputGlobals): Output {
  const { stdout, stderr, env, timers } = io
  const mode = { json: globals.json, quiet: globals.quiet, verbose: globals.verbose, color: globals.color }
  return createOutput(
    timers === undefined ? { stdout, stderr, env, mode } : { stdout, stderr, env, mode, timers },
  )
}

function usage(message: string): CliError {
  return new CliError('OD_USAGE', message)
}

/** Splits `[global flags] <command> [subcommands] [args]` and loads the command's module. */
async function resolveInvocation(argv: readonly string[], table: CommandTable): Promise<ResolvedCommand> {
  const start = leadingFlagCount(argv)
  const leading = parseArgs(argv.slice(0, start), topLevelArgs)
  const [problem] = leading.problems
  if (problem !== undefined) throw usage(`${problem} Run \`od help\` for usage.`)
  const word = argv[start]
  const implicit =
    leading.values['version'] === true ? 'version' : word === undefined || word === '--' ? 'help' : undefined
  const name = implicit ?? (word as string)
  // `od --help` alone lists the commands: the help flag only asks for a command's help once there is one.
  const globals = canonicalGlobals({
    ...(leading.values as GlobalArgs),
    help: implicit === undefined && leading.values['help'] === true,
  })
  const found = findCommand(table, name)
  if (found === undefined) throw usage(unknownCommandMessage(table, name))
  const def = (await found.entry.load()).default
  const rest = implicit === undefined ? argv.slice(start + 1) : []
  const resolved = resolveSubcommands(def, [found.name], rest)
  return { ...resolved, tokens: [...globals, ...resolved.tokens] }
}

/** How many tokens before the command word are flags (and the values of value flags such as `--home <dir>`). */
function leadingFlagCount(argv: readonly string[]): number {
  const valueFlags = Object.entries(topLevelArgs)
    .filter(([, spec]) => spec.type !== 'boolean')
    .map(([key]) => `--${key}`)
  let i = 0
  while (i < argv.length && argv[i] !== '--' && (argv[i] as string).startsWith('-')) {
    i += valueFlags.includes(argv[i] as string) && i + 1 < argv.length ? 2 : 1
  }
  return i
}

/** Global flags given before the command, re-spelled so the command's own parse sees them. */
function canonicalGlobals(values: GlobalArgs): string[] {
  const tokens: string[] = []
  if (values.json) tokens.push('--json')
  if (values.quiet) tokens.push('--quiet')
  if (values.verbose) tokens.push('--verbose')
  if (!values.color) tokens.push('--no-color')
  if (values.help) tokens.push('--help')
  if (!values.daemonStart) tokens.push('--no-daemon-start')
  for (const key of ['home', 'socket', 'timeout'] as const) {
    const value = values[key]
    if (value !== undefined) tokens.push(`--${key}=${value}`)
  }
  return tokens
}

/** The command's arguments plus the global flags; redeclaring a global is a programming error. */
function withGlobals(def: AnyCommand): ArgSpecs {
  const own = def.args ?? {}
  const globalShorts: string[] = Object.values(globalArgs).flatMap((s) => ('short' in s ? [s.short] : []))
  for (const [key, spec] of Object.entries(own)) {
    const clash = key in globalArgs || (spec.type !== 'positional' && globalShorts.includes(spec.short ?? ''))
    if (clash)
      throw new Error(`Command "${def.name}" redeclares the global flag "${key}"; remove it from args.`)
  }
  return { ...own, ...globalArgs }
}

interface Runtime {
  readonly io: CliIo
  readonly table: CommandTable
  readonly out: Output
}

async function execute(
  resolved: ResolvedCommand,
  parsed: ParseOutcome,
  { io, table, out }: Runtime,
): Promise<number> {
  const { def, path } = resolved
  const args = parsed.values as GlobalArgs
  if (args.help) {
    const [{ renderCommandHelp }, { describeCommand }] = await Promise.all([
      import('./help/render-help.js'),
      import('./help/describe-command.js'),
    ])
    if (args.json) out.json(describeCommand(def, path))
    else out.write(renderCommandHelp(def, path, out.colors))
    return 0
  }
  // Only the first problem: later ones are often echoes of it (the value of an unknown flag is "unexpected").
  const [problem] = parsed.problems
  if (problem !== undefined) throw usage(`${problem} Run \`od help ${path.join(' ')}\` for usage.`)
  if (def.run === undefined) {
    const names = def.subcommands?.map((s) => s.name).join(', ') ?? ''
    const needs = names === '' ? 'has nothing to run' : `needs a subcommand: ${names}`
    throw usage(`"od ${path.join(' ')}" ${needs}. Run \`od help ${path.join(' ')}\`.`)
  }
  const { ctx, dispose } = prepareContext({
    io,
    out,
    table,
    path,
    values: parsed.values,
    rest: parsed.rest,
  })
  try {
    return await def.run(ctx)
  } finally {
    await dispose()
  }
}
