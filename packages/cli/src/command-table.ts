import type { AnyCommand } from './define-command.js'
import { closestMatch } from './parser/closest-match.js'

/** One row of the command table: how to load the command, and the aliases that reach it without loading. */
export interface CommandEntry {
  readonly aliases?: readonly string[]
  readonly load: () => Promise<{ readonly default: AnyCommand }>
}

/** Command name → entry. The bin loads only the command it runs. */
export type CommandTable = Readonly<Record<string, CommandEntry>>

/** A command found in the table by name or alias. */
export interface FoundCommand {
  readonly name: string
  readonly entry: CommandEntry
}

/**
 * Looks a command up by its name or one of its aliases.
 *
 * @example
 * ```ts
 * findCommand({ list: { aliases: ['ls'], load } }, 'ls') // { name: 'list', entry }
 * ```
 */
export function findCommand(table: CommandTable, token: string): FoundCommand | undefined {
  for (const [name, entry] of Object.entries(table)) {
    if (name === token || entry.aliases?.includes(token) === true) return { name, entry }
  }
  return undefined
}

/**
 * Every word that reaches a command (names and aliases), sorted: the shim routes exactly these to
 * OpenDaemon.
 */
export function commandWords(table: CommandTable): string[] {
  return Object.entries(table)
    .flatMap(([name, entry]) => [name, ...(entry.aliases ?? [])])
    .sort()
}

/**
 * The message for a word that is no command, with the closest command or alias as a suggestion.
 *
 * @example
 * ```ts
 * unknownCommandMessage(table, 'lsit')
 * // 'Unknown command "lsit". Did you mean "list"? Run `od help` to see all commands.'
 * ```
 */
export function unknownCommandMessage(table: CommandTable, token: string): string {
  const guess = closestMatch(token, commandWords(table))
  const hint = guess === undefined ? '' : ` Did you mean "${guess}"?`
  return `Unknown command "${token}".${hint} Run \`od help\` to see all commands.`
}
