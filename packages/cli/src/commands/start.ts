import type { ProcessInfo } from '@opendaemon/core/client'
import { CliError } from '../cli-error.js'
import { looksLikeConfig } from '../config/config-target.js'
import { defineCommand } from '../define-command.js'
import { printProcesses } from '../process/process-table.js'
import { logFlags } from '../process/log-flags.js'
import { toStartRequest } from '../process/start-request.js'

/** `od start <script|binary|name> [flags] [-- args]`: start an app and wait until it is online. */
export default defineCommand({
  name: 'start',
  description:
    'Start a script or binary (or a stopped app by name, or the apps of a config file) and keep it running',
  usage: 'start [<script|binary|name|config>] [flags] [-- <program args…>]',
  examples: [
    'od start server.js --name api -i 2',
    'od start ecosystem.config.js --only api,worker --env production',
    'od start   (the config file of the current directory)',
    'od start worker.py --restart-delay 1s --exp-backoff',
    'od start redis-server -- --port 7000',
  ],
  args: {
    script: {
      type: 'positional',
      description: 'Script, binary, existing app name, or config file (default: discovery)',
      valueName: 'script',
    },
    only: { type: 'string', description: 'With a config: start only these apps (a,b)', valueName: 'names' },
    name: { type: 'string', short: 'n', description: 'Unique app name (default: the script name)' },
    instances: {
      type: 'string',
      short: 'i',
      description: 'Number of instances, or "max" for one per CPU',
      valueName: 'N|max',
    },
    interpreter: {
      type: 'string',
      description: 'node, bun, deno, python3, a path, or "none"',
      valueName: 'bin',
    },
    nodeArgs: { type: 'string', description: 'Interpreter arguments (shell-split)', valueName: 'args' },
    cwd: { type: 'string', description: 'Working directory (default: the current one)', valueName: 'dir' },
    env: {
      type: 'string',
      multiple: true,
      description: 'Set a variable (repeatable); with a config, a name selects env_<name>',
      valueName: 'K=V|profile',
    },
    autorestart: {
      type: 'string',
      description: 'always, on-failure, unless-stopped or never',
      valueName: 'mode',
    },
    noAutorestart: { type: 'boolean', description: 'Never restart it (= --autorestart never)' },
    stopExitCodes: { type: 'string', description: 'Exit codes that never restart (0,3)', valueName: 'n,…' },
    restartDelay: { type: 'string', description: 'Delay before a restart (500ms, 2s)', valueName: 'dur' },
    backoff: { type: 'string', description: 'fixed, linear or exponential', valueName: 'kind' },
    expBackoff: { type: 'boolean', description: 'Exponential backoff (= --backoff exponential)' },
    maxDelay: { type: 'string', description: 'Cap of the backoff delay (default 30s)', valueName: 'dur' },
    maxRestarts: {
      type: 'number',
      integer: true,
      min: 0,
      description: 'Restarts in a row before errored (0 = unlimited)',
    },
    minUptime: { type: 'string', description: 'A run this long is stable (default 1s)', valueName: 'dur' },
    killTimeout: { type: 'string', description: 'SIGKILL after this (default 5s)', valueName: 'dur' },
    killSignal: { type: 'string', description: 'First stop signal (default SIGTERM)', valueName: 'sig' },
    waitReady: { type: 'boolean', description: "Online only after process.send('ready')" },
    listenTimeout: {
      type: 'string',
      description: 'How long to wait for ready (default 3s)',
      valueName: 'dur',
    },
    readyPattern: {
      type: 'string',
      description: 'Online when a stdout line matches this regex',
      valueName: 'regex',
    },
    maxMemory: { type: 'string', description: 'Restart above this RSS (512M)', valueName: 'size' },
    namespace: { type: 'string', description: 'Namespace (default "default")', valueName: 'ns' },
    tag: { type: 'string', multiple: true, description: 'Tag (repeatable)', valueName: 'tag' },
    ...logFlags,
  },
  async run(ctx) {
    const { args, rest, cwd, client, out } = ctx
    if (args.script === undefined || looksLikeConfig(args.script)) {
      const { configStartOptions } = await import('../config/config-start-options.js')
      const { startFromConfig } = await import('../config/start-config.js')
      return startFromConfig(ctx, configStartOptions({ ...args, script: args.script }, rest, cwd))
    }
    if (args.only !== undefined) throw new CliError('OD_USAGE', '--only needs a config file')
    const request = toStartRequest({ ...args, script: args.script }, rest, cwd)
    const procs = (await (await client()).call('process.start', request)) as ProcessInfo[]
    if (!out.mode.quiet || out.mode.json) printProcesses(out, procs)
    const failed = procs.filter((p) => p.status === 'errored')
    for (const p of failed)
      out.error(`${p.name} (id ${p.id}) failed to start: ${p.error?.message ?? 'errored'}`)
    return failed.length > 0 ? 1 : 0
  },
})
