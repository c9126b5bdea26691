import type { AnyCommand, CommandExample } from '../define-command.js'
import type { ArgSpecs } from '../parser/arg-spec.js'
import { globalArgs, topLevelArgs } from '../parser/global-flags.js'
import type { Colors } from '../ui/colors.js'
import { pad } from '../ui/text-fit.js'
import { argNotes, flagLabel, flagsOf, positionalLabel, positionalsOf, usageLine } from './arg-labels.js'

/** A command as listed by `od help`. */
export interface CommandSummary {
  readonly name: string
  readonly aliases: readonly string[]
  readonly def: AnyCommand
}

const LABEL_MAX = 28

/** Two aligned columns; a label longer than {@link LABEL_MAX} puts its text on the next line. */
function twoColumns(rows: readonly (readonly [string, string])[], paint: (s: string) => string): string[] {
  const width = Math.min(LABEL_MAX, Math.max(0, ...rows.map(([label]) => label.length)))
  return rows.map(([label, text]) =>
    label.length > width
      ? `  ${paint(label)}\n  ${' '.repeat(width)}  ${text}`
      : `  ${paint(pad(label, width))}  ${text}`.trimEnd(),
  )
}

function optionRows(specs: ArgSpecs): [string, string][] {
  return flagsOf({ name: '', description: '', args: specs }).map(([key, spec]) => [
    flagLabel(key, spec),
    spec.description + argNotes(spec),
  ])
}

/**
 * The text of `od help`: every command with its one-line description, and the global options.
 *
 * @example
 * ```ts
 * renderCommandList([{ name: 'version', aliases: [], def: versionCommand }], '0.1.0', createColors(false))
 * ```
 */
export function renderCommandList(commands: readonly CommandSummary[], version: string, c: Colors): string {
  const rows = commands.map(({ name, aliases, def }): [string, string] => {
    const words = [name, ...aliases].join(', ')
    const positionals = positionalsOf(def).map(([key, spec]) => positionalLabel(key, spec))
    return [[words, ...positionals].join(' '), def.description]
  })
  return [
    `${c.bold('OpenDaemon')} ${version} - a zero-dependency process manager`,
    '',
    c.bold('Usage'),
    '  od <command> [options]',
    '  (`opendaemon` is the same program; `opendaemon shim` installs the `od` name)',
    '',
    c.bold('Commands'),
    ...twoColumns(rows, c.cyan),
    '',
    c.bold('Global options'),
    ...twoColumns(optionRows(topLevelArgs), (s) => s),
    '',
    'Run `od help <command>` for the options and examples of a command.',
    '',
  ].join('\n')
}

function exampleRows(examples: readonly (string | CommandExample)[]): [string, string][] {
  return examples.map((e) => (typeof e === 'string' ? [e, ''] : [e.command, e.description ?? '']))
}

/**
 * The text of `od help <command>` (and `od <command> --help`): usage, details, arguments, options,
 * subcommands and examples.
 */
export function renderCommandHelp(def: AnyCommand, path: readonly string[], c: Colors): string {
  const lines = [`${c.bold(`od ${path.join(' ')}`)} - ${def.description}`, '', c.bold('Usage')]
  lines.push(`  od ${usageLine(def, path)}`)
  if (def.aliases !== undefined && def.aliases.length > 0) lines.push(`  Aliases: ${def.aliases.join(', ')}`)
  if (def.details !== undefined)
    lines.push('', ...def.details.split('\n').map((l) => (l === '' ? '' : `  ${l}`)))
  const positionals = positionalsOf(def)
  if (positionals.length > 0) {
    const rows = positionals.map(([key, spec]): [string, string] => [
      positionalLabel(key, spec),
      spec.description + argNotes(spec),
    ])
    lines.push('', c.bold('Arguments'), ...twoColumns(rows, c.cyan))
  }
  const options = optionRows(def.args ?? {})
  if (options.length > 0) lines.push('', c.bold('Options'), ...twoColumns(options, c.cyan))
  if (def.subcommands !== undefined && def.subcommands.length > 0) {
    const rows = def.subcommands.map((sub): [string, string] => [sub.name, sub.description])
    lines.push('', c.bold('Subcommands'), ...twoColumns(rows, c.cyan))
  }
  const globals = optionRows(globalArgs).map(([label]) => label.replace(', ', '/'))
  lines.push('', `${c.bold('Global options')}: ${globals.join(', ')}`)
  if (def.examples !== undefined && def.examples.length > 0) {
    lines.push('', c.bold('Examples'), ...twoColumns(exampleRows(def.examples), (s) => s))
  }
  return `${lines.join('\n')}\n`
}
