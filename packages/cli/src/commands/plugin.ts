import { defineCommand } from '../define-command.js'
import disable from './plugin/disable.js'
import enable from './plugin/enable.js'
import info from './plugin/info.js'
import list from './plugin/list.js'

/** `od plugin <list|info|enable|disable>`. */
export default defineCommand({
  name: 'plugin',
  aliases: ['plugins'],
  description: 'List, inspect, enable and disable plugins',
  subcommands: [list, info, enable, disable],
  examples: ['od plugin list', 'od plugin info process-manager', 'od plugin disable metrics'],
})
