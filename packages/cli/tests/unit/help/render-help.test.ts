import { describe, expect, it } from 'vitest'
import { defineCommand } from '../../../src/define-command.js'
import { renderCommandHelp, renderCommandList } from '../../../src/help/render-help.js'
import { createColors } from '../../../src/ui/colors.js'

const plain = createColors(false)

const start = defineCommand({
  name: 'start',
  aliases: ['run'],
  description: 'Start a process',
  details: 'Starts a script.\n\nThe daemon keeps it running.',
  args: {
    script: { type: 'positional', required: true, description: 'Script to run' },
    name: { type: 'string', short: 'n', description: 'Process name' },
    aVeryLongFlagNameThatOverflows: { type: 'string', valueName: 'value', description: 'Long one' },
  },
  examples: [
    'od start app.js',
    { command: 'od start app.js -n api', description: 'With a name' },
    { command: 'od x' },
  ],
  run: () => 0,
})

describe('renderCommandList', () => {
  it('lists commands with aliases, positionals and descriptions, then the global options', () => {
    const text = renderCommandList(
      [
        { name: 'start', aliases: ['run'], def: start },
        { name: 'list', aliases: [], def: { name: 'list', description: 'List processes' } },
      ],
      '9.9.9',
      plain,
    )
    expect(text).toContain('OpenDaemon 9.9.9 - a zero-dependency process manager\n')
    expect(text).toContain(
      'Commands\n  start, run <script>  Start a process\n  list                 List processes\n',
    )
    expect(text).toContain(
      '  --no-daemon-start     Never start a daemon; fail with exit 3 instead (also OD_NO_AUTOSTART=1)\n',
    )
    expect(text).toContain('  -V, --version         Print the version\n')
    expect(text).toContain('  --no-color            Plain output without colours (also NO_COLOR=1)\n')
    expect(text.endsWith('Run `od help <command>` for the options and examples of a command.\n')).toBe(true)
  })

  it('styles headings and command names when colours are on', () => {
    const text = renderCommandList([{ name: 'start', aliases: [], def: start }], '1', createColors(true))
    expect(text).toContain('\u001b[1mCommands\u001b[22m')
    expect(text).toContain('\u001b[36mstart <script>\u001b[39m')
  })
})

describe('renderCommandHelp', () => {
  const text = renderCommandHelp(start, ['start'], plain)

  it('shows title, usage, aliases and indented details', () => {
    expect(
      text.startsWith('od start - Start a process\n\nUsage\n  od start [options] <script>\n  Aliases: run\n'),
    ).toBe(true)
    expect(text).toContain('\n  Starts a script.\n\n  The daemon keeps it running.\n')
  })

  it('lists arguments and options, moving the text of a long label to the next line', () => {
    expect(text).toContain('Arguments\n  <script>  Script to run (required)\n')
    expect(text).toContain('Options\n  -n, --name <value>')
    expect(text).toContain(
      `  --a-very-long-flag-name-that-overflows <value>\n  ${' '.repeat(28)}  Long one\n`,
    )
  })

  it('lists the global options on one line and the examples', () => {
    expect(text).toContain(
      'Global options: --json, -q/--quiet, -v/--verbose, --no-color, -h/--help, --home <dir>, --socket <path>, --timeout <duration>, --no-daemon-start\n',
    )
    expect(text).toContain('Examples\n  od start app.js\n  od start app.js -n api  With a name\n  od x\n')
  })

  it('lists subcommands and leaves out empty sections', () => {
    const daemon = defineCommand({ name: 'daemon', description: 'Manage the daemon', subcommands: [start] })
    const help = renderCommandHelp(daemon, ['daemon'], plain)
    expect(help).toContain('Subcommands\n  start  Start a process\n')
    expect(help).not.toContain('Options')
    expect(help).not.toContain('Arguments')
    expect(help).not.toContain('Examples')
    expect(help).not.toContain('Aliases')
  })
})
