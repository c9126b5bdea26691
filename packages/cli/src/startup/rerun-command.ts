/**
 * The exact command to run when the caller lacks the rights to install (SPECIFICATION.md §22.4): the
 * same request through sudo, with absolute paths, so it works from any shell.
 */
import { dirname } from 'node:path'
import type { InitSystem } from './init-systems.js'
import type { StartupMode } from './startup-target.js'
import { shellLine, shellQuote } from './text-escape.js'

/** What {@link rerunCommand} needs. */
export interface RerunInput {
  readonly verb: 'startup' | 'unstartup'
  readonly system: InitSystem
  readonly mode: StartupMode
  readonly user: string
  readonly odHome: string
  /** The Node.js binary running this CLI, and the CLI entry. */
  readonly runner: { readonly node: string; readonly cli: string }
  /** Flags given by the user that must be passed on (`--service-name`, `--node`, `--delegate`, `--no-start`). */
  readonly extra: readonly string[]
}

/**
 * `sudo env PATH=$PATH:<node dir> <node> <cli> <verb> <system> --user U --home-dir D …` for system mode;
 * `sudo -u U env …` for a user unit of another user. `$PATH` is left for the shell to expand.
 *
 * @example
 * ```ts
 * rerunCommand({ verb: 'startup', system: 'systemd', mode: 'system', user: 'deploy',
 *   odHome: '/home/deploy/.opendaemon', runner: { node: '/usr/local/bin/node', cli: '/opt/od/dist/cli.cjs' }, extra: [] })
 * // 'sudo env PATH=$PATH:/usr/local/bin /usr/local/bin/node /opt/od/dist/cli.cjs startup systemd --user deploy --home-dir /home/deploy/.opendaemon'
 * ```
 */
export function rerunCommand(input: RerunInput): string {
  const sudo = input.mode === 'user' ? ['sudo', '-u', shellQuote(input.user)] : ['sudo']
  const args = [
    input.runner.node,
    input.runner.cli,
    input.verb,
    input.system,
    ...(input.mode === 'user' ? ['--mode', 'user'] : []),
    '--user',
    input.user,
    ...(input.verb === 'startup' ? ['--home-dir', input.odHome] : []),
    ...input.extra,
  ]
  const path = `PATH=$PATH:${shellQuote(dirname(input.runner.node))}`
  return [...sudo, 'env', path, shellLine(args)].join(' ')
}
