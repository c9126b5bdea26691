import { defineCommand } from '../define-command.js'
import logs from './daemon/logs.js'
import restart from './daemon/restart.js'
import start from './daemon/start.js'
import status from './daemon/status.js'
import stop from './daemon/stop.js'

/** `od daemon <start|stop|restart|status|logs>`: manage the daemon itself. */
export default defineCommand({
  name: 'daemon',
  description: 'Start, stop, restart and inspect the daemon',
  subcommands: [start, stop, restart, status, logs],
  examples: ['od daemon start', 'od daemon status --json', 'od daemon logs -f', 'od daemon stop'],
})
