import type { OdPaths } from '@opendaemon/core/client'
import type { RuntimeInfo, SignalSubscriber } from './cli-io.js'
import type { ClientLike, ClientOptions } from './client-like.js'
import type { CommandTable } from './command-table.js'
import type { Output } from './output.js'
import type { ArgSpecs, ParsedArgs } from './parser/arg-spec.js'
import type { GlobalArgs } from './parser/global-flags.js'

/** An example shown in a command's help. */
export interface CommandExample {
  readonly command: string
  readonly description?: string
}

/** What a command's `run` receives. */
export interface CommandContext<A extends ArgSpecs = ArgSpecs> {
  /** The parsed arguments, plus the global flags (`json`, `quiet`, `verbose`, `color`, `help`). */
  readonly args: ParsedArgs<A> & GlobalArgs
  /** Everything after `--`, untouched (program arguments for `od start app.js -- --port 3000`). */
  readonly rest: readonly string[]
  /** Output wrapper: stdout/stderr, JSON, tables, messages; tests capture it. */
  readonly out: Output
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  /**
   * Connects to the daemon on first use (later calls share the connection, which `main` closes after the
   * command); commands that never call it never open a socket. It starts a daemon when none answers,
   * unless `{ autoStart: false }`, `--no-daemon-start` or `OD_NO_AUTOSTART=1`.
   */
  readonly client: (options?: ClientOptions) => Promise<ClientLike>
  /** OD_HOME and the paths inside it, from `--home`/`--socket` or the environment (resolved on first use). */
  readonly paths: () => OdPaths
  /** Subscribes to process signals (a no-op where the io has none). */
  readonly onSignal: SignalSubscriber
  /** A monotonic clock in ms (latency measurements). */
  readonly now: () => number
  /** Whether stdout is a terminal. */
  readonly isTTY: boolean
  readonly runtime: RuntimeInfo
  /** The command table in use (the help and shim commands read it). */
  readonly commands: CommandTable
  /** The command words that led here: `['daemon', 'start']`. */
  readonly path: readonly string[]
}

/** A command declaration. Method syntax on `run` keeps every `CommandDef<A>` assignable to {@link AnyCommand}. */
export interface CommandDef<A extends ArgSpecs = ArgSpecs> {
  readonly name: string
  /** Other words that run this command; a top-level command lists the same aliases in the command table. */
  readonly aliases?: readonly string[]
  /** One line, shown in command lists. */
  readonly description: string
  /** Usage line after `od ` (default: built from name and positionals). */
  readonly usage?: string
  /** Longer explanation shown in the command's own help. */
  readonly details?: string
  readonly examples?: readonly (string | CommandExample)[]
  readonly args?: A
  /** Subcommands (`od daemon start`); the word right after the command selects one. */
  readonly subcommands?: readonly AnyCommand[]
  /** Runs the command and resolves to its exit code. Optional only when subcommands exist. */
  run?(ctx: CommandContext<A>): number | Promise<number>
}

/** A command of any argument shape. */
export type AnyCommand = CommandDef<ArgSpecs>

/**
 * Declares a command; the argument types of `ctx.args` are inferred from `args`.
 *
 * @example
 * ```ts
 * export default defineCommand({
 *   name: 'greet',
 *   description: 'Say hello',
 *   args: { name: { type: 'positional', required: true, description: 'Who to greet' } },
 *   run({ args, out }) {
 *     out.line(`hello ${args.name}`)
 *     return 0
 *   },
 * })
 * ```
 */
export function defineCommand<const A extends ArgSpecs = Record<never, never>>(
  def: CommandDef<A>,
): CommandDef<A> {
  return def
}
