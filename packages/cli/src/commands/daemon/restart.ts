import { defineCommand } from '../../define-command.js'
import { startAndReport } from '../../daemon/start-daemon.js'
import { stopDaemon } from '../../daemon/stop-daemon.js'

/** `od daemon restart`: stop (if running), then start. */
export default defineCommand({
  name: 'restart',
  description: 'Stop the daemon (if it runs) and start it again',
  details: 'Use it after upgrading OpenDaemon, so the daemon runs the installed version.',
  examples: ['od daemon restart', 'od daemon restart --json'],
  async run(ctx) {
    const { pid } = await stopDaemon(ctx)
    if (pid !== null && !ctx.args.json) ctx.out.info(`Stopped the OpenDaemon daemon (pid ${pid}).`)
    return startAndReport(ctx, { previousPid: pid })
  },
})
