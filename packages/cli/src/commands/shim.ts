import { resolve, join, dirname } from 'node:path'
import { VERSION } from '@opendaemon/core/client'
import { CliError } from '../cli-error.js'
import { commandWords } from '../command-table.js'
import { defineCommand } from '../define-command.js'
import type { Output } from '../output.js'
import { probeOd, removeShimFile, writeShimFile } from '../shim/shim-files.js'
import { defaultShimDir, findSystemOd, pathAdvice, pathDirs, type PathAdvice } from '../shim/shim-location.js'
import { renderShimScript } from '../shim/shim-script.js'

const DETAILS = `The package installs only \`opendaemon\`: the name \`od\` belongs to the octal dump of coreutils
(/usr/bin/od), and a package claiming it would fail \`npm install -g\` or shadow it. This command writes
a small sh dispatcher named \`od\` into a directory that comes before the system od on PATH:
--dir if given, else /usr/local/bin for root, else ~/.local/bin (with a warning and the exact
\`export PATH=…\` line when that directory is not on PATH early enough).

The dispatcher looks at the first argument only. An OpenDaemon command (or alias), --version, -V,
--help, --json, --quiet, --verbose or --no-color runs OpenDaemon; \`-h\` alone runs OpenDaemon's help
when stdin is a terminal. With no arguments it shows OpenDaemon's help on a terminal and runs the
system od otherwise (\`echo hi | od\`). Everything else goes to the system od unchanged
(\`od -An -tx1 file\`, \`od -c\`, \`od -- help\`). It embeds absolute paths of Node.js, of this CLI and of
the system od found now (the first \`od\` on PATH that is not a shim), so run it again after upgrading
OpenDaemon or Node.js: the list of commands is taken from this version.

It never overwrites or removes a file it did not write (it checks its marker line).`

/** `od shim`: install, print or remove the `od` dispatcher. */
export default defineCommand({
  name: 'shim',
  description: 'Install the `od` command next to the system octal dump (od)',
  details: DETAILS,
  args: {
    dir: { type: 'string', valueName: 'path', description: 'Directory to write `od` into' },
    remove: { type: 'boolean', description: 'Remove the shim (only a file this command wrote)' },
    print: { type: 'boolean', description: 'Print the script instead of writing it' },
    systemOd: {
      type: 'string',
      valueName: 'path',
      description: 'The system od to hand other invocations to',
    },
  },
  examples: [
    { command: 'opendaemon shim', description: 'Install for this user (root: into /usr/local/bin)' },
    { command: 'opendaemon shim --dir ~/bin', description: 'Install into a directory of your choice' },
    { command: 'opendaemon shim --print', description: 'Show the script without writing it' },
    { command: 'opendaemon shim --remove', description: 'Remove it again' },
  ],
  run({ args, out, env, cwd, runtime, commands }) {
    if (args.remove && args.print) throw new CliError('OD_USAGE', 'Use either --remove or --print, not both.')
    const target = join(resolve(cwd, args.dir ?? defaultShimDir(runtime)), 'od')
    if (args.remove) return removeShim(target, out)
    const dirs = pathDirs(env['PATH'])
    const systemOd =
      args.systemOd === undefined ? findSystemOd(dirs, probeOd) : checkedSystemOd(args.systemOd, cwd)
    const words = commandWords(commands)
    const script = renderShimScript({
      nodePath: runtime.execPath,
      cliPath: runtime.cliPath,
      systemOd,
      words,
      version: VERSION,
    })
    if (args.print) {
      out.write(script)
      return 0
    }
    const existing = probeOd(target)
    if (existing !== 'missing' && existing !== 'shim') throw foreignFile(target)
    writeShimFile(target, script)
    const advice = pathAdvice(dirname(target), dirs, systemOd)
    if (args.json)
      out.json({ path: target, systemOd, node: runtime.execPath, cli: runtime.cliPath, words, advice })
    else reportInstalled(out, { target, systemOd, words, advice })
    return 0
  },
})

function checkedSystemOd(path: string, cwd: string): string {
  const file = resolve(cwd, path)
  if (probeOd(file) !== 'executable') {
    throw new CliError(
      'OD_USAGE',
      `--system-od ${file} is not an executable file (or is an OpenDaemon shim).`,
    )
  }
  return file
}

function foreignFile(target: string): CliError {
  return new CliError(
    'OD_SHIM_FOREIGN_FILE',
    `${target} exists and was not written by \`opendaemon shim\`, so it is left untouched. Choose another directory with --dir.`,
  )
}

function removeShim(target: string, out: Output): number {
  const state = probeOd(target)
  if (state === 'missing') {
    if (out.mode.json) out.json({ path: target, removed: false })
    else out.info(`Nothing to remove: ${target} does not exist.`)
    return 0
  }
  if (state !== 'shim') throw foreignFile(target)
  removeShimFile(target)
  if (out.mode.json) out.json({ path: target, removed: true })
  else out.success(`Removed ${target}`)
  return 0
}

interface Installed {
  readonly target: string
  readonly systemOd: string | null
  readonly words: readonly string[]
  readonly advice: PathAdvice
}

function reportInstalled(out: Output, { target, systemOd, words, advice }: Installed): void {
  out.success(`Installed ${target}`)
  out.info(`  OpenDaemon commands (${words.join(', ')}) go to OpenDaemon;`)
  out.info(`  everything else goes to ${systemOd ?? 'the system od, but none was found on PATH'}.`)
  if (systemOd === null) {
    out.warn(
      'No system od was found on PATH: `od` calls that are not OpenDaemon commands will fail with a message.',
    )
  }
  if (!advice.ok) {
    const where =
      advice.reason === 'not-on-path'
        ? `${dirname(target)} is not on your PATH`
        : `${dirname(target)} comes after ${advice.systemDir} on your PATH, so \`od\` still runs the system od`
    out.warn(
      `${where}. Add this line to your shell profile (~/.profile, ~/.bashrc or ~/.zshrc) and open a new shell:\n` +
        `  ${advice.exportLine}`,
    )
  } else {
    out.info('Run `hash -r` (or open a new shell) if this shell has already run `od`.')
  }
}
