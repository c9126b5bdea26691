import { selectorCommand } from '../process/selector-command.js'

/** `od restart <selector>`: stop then start processes. */
export default selectorCommand({
  name: 'restart',
  description: 'Restart processes and wait until they are online again',
  method: 'process.restart',
  examples: ['od restart api', 'od restart --tag web --all'],
})
