import { stat } from 'node:fs/promises'
import { readLastLines } from '@opendaemon/core/logs'
import { defineCommand, type CommandContext } from '../../define-command.js'
import { followFile } from '../../logs/follow-file.js'
import { parseDaemonLogLine } from '../../logs/daemon-log-line.js'

function printer(ctx: CommandContext): (line: string) => void {
  if (ctx.args.json) return (line) => ctx.out.line(JSON.stringify(parseDaemonLogLine(line)))
  return (line) => ctx.out.line(line)
}

/** `od daemon logs [--lines N] [-f]`: the daemon's own log, read from the file (no daemon needed). */
export default defineCommand({
  name: 'logs',
  description: "Show the daemon's own log (works without a running daemon)",
  details: `Reads $OD_HOME/daemon.log from its end. -f keeps printing new lines (also across a rotation)
until Ctrl-C. --json prints one object per line: {"ts","level","scope","msg","line"}.`,
  args: {
    lines: {
      type: 'number',
      integer: true,
      min: 0,
      default: 50,
      short: 'n',
      description: 'How many lines to show',
    },
    follow: { type: 'boolean', short: 'f', description: 'Keep printing new lines until Ctrl-C' },
  },
  examples: ['od daemon logs', 'od daemon logs --lines 200', 'od daemon logs -f', 'od daemon logs --json'],
  async run(ctx) {
    const file = ctx.paths().logFile
    // Measured before the tail is read: a line written meanwhile may show twice under -f, but none is lost.
    const size = await stat(file).then(
      (s) => s.size,
      () => 0,
    )
    const print = printer(ctx)
    const lines = await readLastLines(file, ctx.args.lines)
    if (lines.length === 0 && !ctx.args.follow) ctx.out.info(`No daemon log yet at ${file}.`)
    for (const line of lines) print(line)
    if (!ctx.args.follow) return 0
    const follower = followFile(file, size, print)
    await new Promise<void>((resolve) => {
      const stop = ctx.onSignal(['SIGINT', 'SIGTERM'], () => {
        stop()
        resolve()
      })
    })
    follower.stop()
    return 0
  },
})
