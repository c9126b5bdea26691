import type { CommandTable } from '../../src/command-table.js'
import { defineCommand, type AnyCommand } from '../../src/define-command.js'

/** Commands that record what they received, for dispatch tests. */
export function fakeCommands() {
  const calls: { path: readonly string[]; args: Record<string, unknown>; rest: readonly string[] }[] = []
  const record = (path: readonly string[], args: object, rest: readonly string[]) =>
    calls.push({ path, args: { ...args }, rest })

  const start = defineCommand({
    name: 'start',
    description: 'Start a script',
    args: {
      script: { type: 'positional', required: true, description: 'Script to run' },
      name: { type: 'string', short: 'n', description: 'Process name' },
    },
    run({ args, rest, path }) {
      record(path, args, rest)
      return 0
    },
  })
  const list = defineCommand({
    name: 'list',
    aliases: ['ls'],
    description: 'List processes',
    run({ args, rest, path }) {
      record(path, args, rest)
      return 0
    },
  })
  const daemonStart = defineCommand({
    name: 'start',
    description: 'Start the daemon',
    run({ args, rest, path }) {
      record(path, args, rest)
      return 0
    },
  })
  const daemon = defineCommand({
    name: 'daemon',
    description: 'Manage the daemon',
    subcommands: [daemonStart, defineCommand({ name: 'stop', description: 'Stop', run: () => 0 })],
  })
  const fail = defineCommand({
    name: 'fail',
    description: 'Throws what it is told',
    args: {
      kind: {
        type: 'enum',
        values: ['coded', 'plain', 'string', 'client'],
        required: true,
        description: 'k',
      },
    },
    async run({ args, client }) {
      if (args.kind === 'coded')
        throw Object.assign(new Error('daemon gone'), { code: 'OD_TIMEOUT', exitCode: 3 })
      if (args.kind === 'plain') throw new Error('boom')
      if (args.kind === 'client') await client()
      throw 'a string' // a non-Error throw, on purpose
    },
  })
  const clash = defineCommand({
    name: 'clash',
    description: 'Redeclares a global flag',
    args: { json: { type: 'boolean', description: 'x' } },
    run: () => 0,
  })
  const shortClash = defineCommand({
    name: 'short-clash',
    description: 'Redeclares a global short flag',
    args: { query: { type: 'string', short: 'q', description: 'x' } },
    run: () => 0,
  })
  const table: CommandTable = Object.fromEntries(
    [start, list, daemon, fail, clash, shortClash].map((def: AnyCommand) => [
      def.name,
      { ...(def.aliases ? { aliases: def.aliases } : {}), load: () => Promise.resolve({ default: def }) },
    ]),
  )
  return { table, calls }
}
