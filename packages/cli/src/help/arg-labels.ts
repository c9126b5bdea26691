import type { AnyCommand } from '../define-command.js'
import { flagName, type ArgSpec, type FlagArg, type PositionalArg } from '../parser/arg-spec.js'

/**
 * How a flag is written in help: `-q, --quiet`, `--dir <path>`, `--level <debug|info>`, and `--no-color`
 * for a boolean that defaults to true.
 *
 * @example
 * ```ts
 * flagLabel('dir', { type: 'string', description: 'Directory', valueName: 'path' }) // '--dir <path>'
 * ```
 */
export function flagLabel(key: string, spec: FlagArg): string {
  const long =
    spec.type === 'boolean' && spec.default === true ? `--no-${flagName(key)}` : `--${flagName(key)}`
  const value = spec.type === 'boolean' ? '' : ` <${valuePlaceholder(spec)}>`
  const short = spec.short === undefined || spec.default === true ? '' : `-${spec.short}, `
  return `${short}${long}${value}`
}

function valuePlaceholder(spec: Exclude<FlagArg, { type: 'boolean' }>): string {
  if (spec.valueName !== undefined) return spec.valueName
  if (spec.type === 'enum') return spec.values.join('|')
  return spec.type === 'number' ? 'n' : 'value'
}

/**
 * How a positional is written in usage lines: `<target>`, `[name]`, `[args...]`.
 *
 * @example
 * ```ts
 * positionalLabel('command', { type: 'positional', variadic: true, description: 'Command' }) // '[command...]'
 * ```
 */
export function positionalLabel(key: string, spec: PositionalArg): string {
  const name = `${spec.valueName ?? key}${spec.variadic === true ? '...' : ''}`
  return spec.required === true ? `<${name}>` : `[${name}]`
}

/** Notes appended to an argument's description: default, required, repeatable. */
export function argNotes(spec: ArgSpec): string {
  const notes: string[] = []
  if (spec.type !== 'boolean' && spec.required === true) notes.push('required')
  if (spec.type !== 'boolean' && spec.default !== undefined) notes.push(`default: ${String(spec.default)}`)
  if (spec.type !== 'positional' && spec.type !== 'boolean' && spec.multiple === true)
    notes.push('repeatable')
  return notes.length === 0 ? '' : ` (${notes.join('; ')})`
}

/** Visible positionals of a command, in declaration order. */
export function positionalsOf(def: AnyCommand): [string, PositionalArg][] {
  return Object.entries(def.args ?? {}).filter(
    (entry): entry is [string, PositionalArg] => entry[1].type === 'positional' && entry[1].hidden !== true,
  )
}

/** Visible flags of a command, in declaration order. */
export function flagsOf(def: AnyCommand): [string, FlagArg][] {
  return Object.entries(def.args ?? {}).filter(
    (entry): entry is [string, FlagArg] => entry[1].type !== 'positional' && entry[1].hidden !== true,
  )
}

/**
 * The usage line of a command after `od `: its `usage`, or the command words, `[options]` and positionals.
 *
 * @example
 * ```ts
 * usageLine(helpCommand, ['help']) // 'help [options] [command...]'
 * ```
 */
export function usageLine(def: AnyCommand, path: readonly string[]): string {
  if (def.usage !== undefined) return def.usage
  const words = [...path]
  if (def.subcommands !== undefined && def.subcommands.length > 0) words.push('<subcommand>')
  words.push('[options]')
  for (const [key, spec] of positionalsOf(def)) words.push(positionalLabel(key, spec))
  return words.join(' ')
}
