import type { PluginDetails } from '@opendaemon/core/client'
import { defineCommand } from '../../define-command.js'
import { pluginInfoRows } from '../../plugins/plugin-view.js'
import { formatRows } from '../../ui/key-value.js'

/** `od plugin info <name>`. */
export default defineCommand({
  name: 'info',
  description: 'Show one plugin: state, dependencies, dependents, methods, hooks, last error',
  args: { name: { type: 'positional', required: true, description: 'Plugin name' } },
  examples: ['od plugin info process-manager', 'od plugin info process-manager --json'],
  async run({ args, client, out }) {
    const plugin = (await (await client()).call('plugin.info', { name: args.name })) as PluginDetails
    if (args.json) out.json(plugin)
    else out.write(formatRows(pluginInfoRows(plugin), out.colors.bold))
    return 0
  },
})
