import type { PluginInfo } from '@opendaemon/core/client'
import { defineCommand } from '../../define-command.js'
import { pluginState } from '../../plugins/plugin-view.js'

/** `od plugin disable <name>`. */
export default defineCommand({
  name: 'disable',
  description: 'Disable a plugin and the plugins that depend on it',
  args: { name: { type: 'positional', required: true, description: 'Plugin name' } },
  examples: ['od plugin disable metrics'],
  async run({ args, client, out }) {
    const changed = (await (await client()).call('plugin.disable', { name: args.name })) as PluginInfo[]
    if (args.json) {
      out.json(changed)
      return 0
    }
    for (const plugin of changed) out.success(`${plugin.name}: ${pluginState(plugin)}`)
    return 0
  },
})
