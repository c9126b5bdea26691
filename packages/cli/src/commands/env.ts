import type { ProcessEnvResult } from '@opendaemon/core/client'
import { defineCommand } from '../define-command.js'

/**
 * `od env <name|id|name:i>`: the environment an instance was spawned with, `KEY=VALUE` sorted;
 * values of secret-looking keys masked unless `--show-plain`. `-q` still prints the variables
 * (they are what the command exists to print), only the header and the hint go.
 */
export default defineCommand({
  name: 'env',
  description: 'Show the environment of a process (secret-looking values masked)',
  usage: 'env <name|id|name:index> [--show-plain] [--json]',
  examples: ['od env api', 'od env api:1', 'od env 3 --show-plain', 'od env api --json'],
  args: {
    target: {
      type: 'positional',
      required: true,
      description: 'App name (instance 0), id, or name:index',
      valueName: 'name|id|name:i',
    },
    showPlain: { type: 'boolean', description: 'Show the values of secret-looking keys too' },
  },
  async run({ args, client, out }) {
    const target = /^\d+$/.test(args.target) ? Number(args.target) : args.target
    const params = { target, ...(args.showPlain ? { showPlain: true } : {}) }
    const result = (await (await client()).call('process.env', params)) as ProcessEnvResult
    if (out.mode.json) {
      out.json(result)
      return 0
    }
    if (!result.running && !out.mode.quiet) out.line('# not running')
    for (const [key, value] of Object.entries(result.env)) out.line(`${key}=${value}`)
    if (result.masked.length > 0) {
      out.info(`${result.masked.length} secret-looking values masked; --show-plain shows them`)
    }
    return 0
  },
})
