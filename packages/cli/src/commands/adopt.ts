import type { ProcessInfo } from '@opendaemon/core/client'
import { resolve } from 'node:path'
import { defineCommand } from '../define-command.js'
import { CliError } from '../cli-error.js'
import { printProcesses } from '../process/process-table.js'

/**
 * `od adopt <pid>`: watch a process OD did not start (listed, stoppable; restartable only with
 * `--restart-command`, which runs without a shell unless it contains shell syntax).
 */
export default defineCommand({
  name: 'adopt',
  description: 'Register a running process so it is listed, watched and stoppable',
  examples: [
    'od adopt 4242 --name legacy',
    'od adopt 4242 --kill-signal SIGINT --group-kill',
    'od adopt 4242 --name api --restart-command "node server.js --port 80" --cwd /srv/api',
  ],
  args: {
    pid: { type: 'positional', required: true, description: 'Process id to adopt', valueName: 'pid' },
    name: { type: 'string', short: 'n', description: "Name (default: the executable's name)" },
    namespace: { type: 'string', description: 'Namespace (default "default")', valueName: 'ns' },
    tag: { type: 'string', multiple: true, description: 'Tag (repeatable)', valueName: 'tag' },
    killSignal: { type: 'string', description: 'First stop signal (default SIGTERM)', valueName: 'sig' },
    killTimeout: { type: 'string', description: 'SIGKILL after this (default 5s)', valueName: 'dur' },
    groupKill: { type: 'boolean', description: "Signal the process's whole group" },
    restartCommand: {
      type: 'string',
      description: 'How to start it again once it ended (no shell unless it uses shell syntax)',
      valueName: 'cmd',
    },
    cmd: { type: 'string', hidden: true, description: 'Alias of --restart-command' },
    cwd: { type: 'string', description: 'Working directory of the restart command', valueName: 'dir' },
  },
  async run({ args, client, out, cwd }) {
    if (!/^\d+$/.test(args.pid)) throw new CliError('OD_USAGE', `od adopt: "${args.pid}" is not a process id`)
    if (args.restartCommand !== undefined && args.cmd !== undefined) {
      throw new CliError('OD_USAGE', '--cmd is an alias of --restart-command; give only one')
    }
    const restartCommand = args.restartCommand ?? args.cmd
    if (args.cwd !== undefined && restartCommand === undefined) {
      throw new CliError('OD_USAGE', '--cwd is the directory of the restart command; add --restart-command')
    }
    const params = {
      pid: Number(args.pid),
      ...(args.name === undefined ? {} : { name: args.name }),
      ...(args.namespace === undefined ? {} : { namespace: args.namespace }),
      ...(args.tag.length === 0 ? {} : { tags: args.tag }),
      ...(args.killSignal === undefined ? {} : { killSignal: args.killSignal }),
      ...(args.killTimeout === undefined ? {} : { killTimeout: args.killTimeout }),
      ...(args.groupKill ? { groupKill: true } : {}),
      ...(restartCommand === undefined ? {} : { restartCommand, cwd: resolve(cwd, args.cwd ?? '.') }),
    }
    const info = (await (await client()).call('process.adopt', params)) as ProcessInfo
    if (out.mode.json) out.json(info)
    else printProcesses(out, [info])
    return 0
  },
})
