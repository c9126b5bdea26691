import { defineCommand } from '../define-command.js'
import { selectorArgs, toSelector } from '../process/selector-args.js'

/** `od delete <selector>`: stop and remove processes (log files stay on disk). */
export default defineCommand({
  name: 'delete',
  aliases: ['del', 'rm'],
  description: 'Stop processes and remove them from the process list',
  examples: ['od delete api', 'od delete all'],
  args: selectorArgs,
  async run({ args, client, out }) {
    const deleted = (await (await client()).call('process.delete', toSelector(args, 'delete'))) as {
      id: number
      name: string
    }[]
    if (out.mode.json) out.json(deleted)
    else for (const p of deleted) out.success(`deleted ${p.name} (id ${p.id})`)
    return 0
  },
})
