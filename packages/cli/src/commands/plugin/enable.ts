import type { PluginInfo } from '@opendaemon/core/client'
import { defineCommand } from '../../define-command.js'
import { pluginState } from '../../plugins/plugin-view.js'

/** `od plugin enable <name>`. */
export default defineCommand({
  name: 'enable',
  description: 'Enable a plugin (and the dependents its disabling took down)',
  args: { name: { type: 'positional', required: true, description: 'Plugin name' } },
  examples: ['od plugin enable metrics'],
  async run({ args, client, out }) {
    const changed = (await (await client()).call('plugin.enable', { name: args.name })) as PluginInfo[]
    if (args.json) {
      out.json(changed)
      return 0
    }
    for (const plugin of changed) out.success(`${plugin.name}: ${pluginState(plugin)}`)
    return 0
  },
})
