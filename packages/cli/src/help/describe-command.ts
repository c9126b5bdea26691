import type { AnyCommand } from '../define-command.js'
import { flagName } from '../parser/arg-spec.js'
import { usageLine } from './arg-labels.js'

/** One argument of a command, as printed by `od help <command> --json`. */
export interface ArgDescription {
  readonly name: string
  readonly kind: 'flag' | 'positional'
  /** The flag spelling (`--update-env`); absent for positionals. */
  readonly flag?: string
  readonly short?: string
  readonly type: string
  readonly description: string
  readonly required: boolean
  readonly default?: unknown
  readonly multiple: boolean
  readonly values?: readonly string[]
}

/** A command as printed by `od help <command> --json`: stable data for scripts and LLM tools. */
export interface CommandDescription {
  readonly name: string
  readonly path: string
  readonly aliases: readonly string[]
  readonly description: string
  readonly usage: string
  readonly args: readonly ArgDescription[]
  readonly subcommands: readonly string[]
  readonly examples: readonly string[]
}

/**
 * Describes a command as plain JSON data.
 *
 * @example
 * ```ts
 * describeCommand(versionCommand, ['version']).usage // 'version [options]'
 * ```
 */
export function describeCommand(def: AnyCommand, path: readonly string[]): CommandDescription {
  const args = Object.entries(def.args ?? {})
    .filter(([, spec]) => spec.hidden !== true)
    .map(([name, spec]): ArgDescription => {
      const positional = spec.type === 'positional'
      return {
        name,
        kind: positional ? 'positional' : 'flag',
        ...(positional ? {} : { flag: `--${flagName(name)}` }),
        ...(!positional && spec.short !== undefined ? { short: `-${spec.short}` } : {}),
        type: positional ? 'string' : spec.type,
        description: spec.description,
        required: spec.type !== 'boolean' && spec.required === true,
        ...(spec.default === undefined ? {} : { default: spec.default }),
        multiple: positional ? spec.variadic === true : spec.type !== 'boolean' && spec.multiple === true,
        ...(spec.type === 'enum' ? { values: spec.values } : {}),
      }
    })
  return {
    name: def.name,
    path: path.join(' '),
    aliases: def.aliases ?? [],
    description: def.description,
    usage: usageLine(def, path),
    args,
    subcommands: (def.subcommands ?? []).map((s) => s.name),
    examples: (def.examples ?? []).map((e) => (typeof e === 'string' ? e : e.command)),
  }
}
