import { VERSION } from '@opendaemon/core/client'
import { CliError } from '../cli-error.js'
import { findCommand, unknownCommandMessage, type CommandTable } from '../command-table.js'
import { defineCommand } from '../define-command.js'
import { describeCommand } from '../help/describe-command.js'
import { renderCommandHelp, renderCommandList, type CommandSummary } from '../help/render-help.js'
import { findSubcommand } from '../subcommands.js'

async function loadAll(table: CommandTable): Promise<CommandSummary[]> {
  return Promise.all(
    Object.entries(table).map(async ([name, entry]) => ({
      name,
      aliases: entry.aliases ?? [],
      def: (await entry.load()).default,
    })),
  )
}

/** `od help [command...]`: the command list, or the help of one command or subcommand. */
export default defineCommand({
  name: 'help',
  description: 'Show all commands, or the options and examples of one',
  args: {
    command: { type: 'positional', variadic: true, description: 'The command (and subcommand) to explain' },
  },
  examples: [
    { command: 'od help', description: 'List all commands' },
    { command: 'od help shim', description: 'Options and examples of `od shim`' },
    { command: 'od help --json', description: 'Every command and its arguments as JSON' },
  ],
  async run({ args, out, commands }) {
    const [first, ...words] = args.command
    if (first === undefined) {
      const summaries = await loadAll(commands)
      if (args.json) {
        out.json({ version: VERSION, commands: summaries.map((s) => describeCommand(s.def, [s.name])) })
      } else {
        out.write(renderCommandList(summaries, VERSION, out.colors))
      }
      return 0
    }
    const found = findCommand(commands, first)
    if (found === undefined) throw new CliError('OD_USAGE', unknownCommandMessage(commands, first))
    let def = (await found.entry.load()).default
    const path = [found.name]
    for (const word of words) {
      const sub = findSubcommand(def, word)
      if (sub === undefined) {
        throw new CliError(
          'OD_USAGE',
          `"od ${path.join(' ')}" has no subcommand "${word}". Run \`od help ${path.join(' ')}\`.`,
        )
      }
      def = sub
      path.push(sub.name)
    }
    if (args.json) out.json(describeCommand(def, path))
    else out.write(renderCommandHelp(def, path, out.colors))
    return 0
  },
})
