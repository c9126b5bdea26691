import type { AnyCommand } from './define-command.js'

/** A command reached through its subcommand words, and the tokens left for the argument parser. */
export interface ResolvedCommand {
  readonly def: AnyCommand
  readonly path: readonly string[]
  readonly tokens: readonly string[]
}

/**
 * Follows subcommand words (`od daemon start`): while the next token names a subcommand of the current
 * command, it descends. The remaining tokens are the command's arguments.
 *
 * @example
 * ```ts
 * resolveSubcommands(daemonCommand, ['daemon'], ['start', '--json'])
 * // { def: daemonStart, path: ['daemon', 'start'], tokens: ['--json'] }
 * ```
 */
export function resolveSubcommands(
  def: AnyCommand,
  path: readonly string[],
  tokens: readonly string[],
): ResolvedCommand {
  const word = tokens[0]
  const sub = word === undefined ? undefined : findSubcommand(def, word)
  if (sub === undefined) return { def, path, tokens }
  return resolveSubcommands(sub, [...path, sub.name], tokens.slice(1))
}

/** The subcommand of `def` named (or aliased) `word`. */
export function findSubcommand(def: AnyCommand, word: string): AnyCommand | undefined {
  return def.subcommands?.find((s) => s.name === word || s.aliases?.includes(word) === true)
}
