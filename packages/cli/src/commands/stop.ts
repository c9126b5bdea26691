import { selectorCommand } from '../process/selector-command.js'

/** `od stop <selector>`: stop processes (kill signal to the group, SIGKILL after the kill timeout). */
export default selectorCommand({
  name: 'stop',
  description: 'Stop processes; they stay stopped until started again',
  method: 'process.stop',
  examples: ['od stop api', 'od stop all', 'od stop --namespace prod --all'],
})
