import type { PluginInfo } from '@opendaemon/core/client'
import { defineCommand } from '../../define-command.js'
import { paintState, pluginState } from '../../plugins/plugin-view.js'

/** `od plugin list`. */
export default defineCommand({
  name: 'list',
  aliases: ['ls'],
  description: 'List the plugins with their state, priority, methods and failures',
  examples: ['od plugin list', 'od plugin list --json'],
  async run({ args, client, out }) {
    const plugins = (await (await client()).call('plugin.list', {})) as PluginInfo[]
    if (args.json) {
      out.json(plugins)
      return 0
    }
    out.table(plugins, [
      { key: 'name', header: 'NAME' },
      { key: 'version', header: 'VERSION' },
      { key: 'state', header: 'STATE', format: (_v, p) => paintState(pluginState(p), p.state, out.colors) },
      { key: 'priority', header: 'PRIORITY', align: 'right' },
      { key: 'methods', header: 'METHODS', align: 'right', format: (_v, p) => String(p.methods.length) },
      { key: 'failures', header: 'FAILURES', align: 'right' },
    ])
    return 0
  },
})
