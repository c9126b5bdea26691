/**
 * The shape shared by `od stop` and `od restart`: a selector, one RPC call, the
 * resulting processes printed as a table (or JSON).
 */
import type { ProcessInfo } from '@opendaemon/core/client'
import { defineCommand } from '../define-command.js'
import { printProcesses } from './process-table.js'
import { selectorArgs, toSelector } from './selector-args.js'

/** Options of {@link selectorCommand}. */
export interface SelectorCommandOptions {
  name: string
  description: string
  method: 'process.stop' | 'process.restart'
  examples: readonly string[]
}

/**
 * Declare a selector command.
 *
 * @example
 * ```ts
 * export default selectorCommand({ name: 'stop', description: 'Stop processes', method: 'process.stop', examples: ['od stop api'] })
 * ```
 */
export function selectorCommand(options: SelectorCommandOptions) {
  return defineCommand({
    name: options.name,
    description: options.description,
    examples: options.examples,
    args: selectorArgs,
    async run({ args, client, out }) {
      const selector = toSelector(args, options.name)
      const procs = (await (await client()).call(options.method, selector)) as ProcessInfo[]
      printProcesses(out, procs)
      return 0
    },
  })
}
