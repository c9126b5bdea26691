/**
 * How an adopted process is started again (`od adopt --restart-command`, §8.15). A command without
 * shell syntax is split into words like a POSIX shell would and run directly (no shell, so nothing
 * in it is expanded); one with shell syntax (pipes, redirections, `;`, `&`, variables, globs,
 * backquotes, `~`, comments) runs through `/bin/sh -c`, as the user evidently wrote it for a shell.
 */
import { optionError } from './spec-fields.js'
import { splitArgs } from './split-args.js'

/** Characters that mean the command was written for a shell (outside the quoting splitArgs handles). */
const SHELL_SYNTAX = /[|&;<>()$`*?[\]{}~!#\n]/

/** The start request fields for a restart command. */
export interface RestartLaunch {
  script: string
  args: string[]
  shell: boolean
}

/**
 * Turn a restart command into the `script`/`args`/`shell` fields of an app.
 *
 * @throws {DaemonError} `OD_APP_OPTION_INVALID` for an empty command or an unclosed quote.
 * @example
 * ```ts
 * import { parseRestartCommand } from '@opendaemon/plugin-process-manager'
 *
 * parseRestartCommand('node "my server.js" --port 80') // { script: 'node', args: ['my server.js', '--port', '80'], shell: false }
 * parseRestartCommand('./run.sh > out.log 2>&1') // { script: './run.sh > out.log 2>&1', args: [], shell: true }
 * ```
 */
export function parseRestartCommand(command: string): RestartLaunch {
  const text = command.trim()
  const words = splitArgs(text)
  if (words === null) {
    throw optionError('restartCommand', 'has an unclosed quote', 'Close the quote.')
  }
  if (words.length === 0) {
    throw optionError('restartCommand', 'is empty', 'Give the command that starts the process again.')
  }
  if (SHELL_SYNTAX.test(withoutQuoted(text))) return { script: text, args: [], shell: true }
  return { script: words[0] as string, args: words.slice(1), shell: false }
}

/** `text` with quoted parts and backslash escapes removed (they cannot be shell syntax). */
function withoutQuoted(text: string): string {
  return text.replace(/'[^']*'|"(?:\\.|[^"\\])*"|\\./g, ' ')
}
