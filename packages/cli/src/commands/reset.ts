import { selectorCommand } from '../process/selector-command.js'

/** `od reset <selector>`: clear restart counters and the last exit. */
export default selectorCommand({
  name: 'reset',
  description: 'Clear the restart counters and last exit of processes',
  method: 'process.reset',
  examples: ['od reset api', 'od reset all'],
})
