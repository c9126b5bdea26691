import type { LogEntry, LogSearchResult } from '@opendaemon/core/client'
import type { LogFollowLike } from '../client-like.js'
import { defineCommand, type CommandContext } from '../define-command.js'
import { formatLogEntry, skippedMarker, type LogLineOptions } from '../logs/log-line-format.js'
import { logsRequest } from '../logs/logs-request.js'

// The levels of §9.3 (ENTRY_LEVELS in core; repeated so the CLI loads no log reader to parse flags).
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const

const args = {
  target: { type: 'positional', description: 'id, name or "all" (default: every app)' },
  lines: {
    type: 'number',
    integer: true,
    min: 0,
    max: 100_000,
    default: 20,
    short: 'n',
    description: 'How many of the newest lines to show',
  },
  follow: { type: 'boolean', short: 'f', description: 'Keep printing new lines until Ctrl-C' },
  nostream: { type: 'boolean', hidden: true, description: 'Do not follow (PM2 form)' },
  out: { type: 'boolean', description: 'Only stdout' },
  err: { type: 'boolean', description: 'Only stderr' },
  grep: { type: 'string', valueName: 're', description: 'Only lines matching this regular expression' },
  ignoreCase: { type: 'boolean', short: 'i', description: 'Match --grep case-insensitively' },
  since: {
    type: 'string',
    valueName: 'time',
    description: 'Only lines after this time (2h, 2026-11-22T03:00)',
  },
  until: { type: 'string', valueName: 'time', description: 'Only lines before this time' },
  level: { type: 'enum', values: LEVELS, description: 'Only lines at this level or above' },
  namespace: { type: 'string', valueName: 'ns', description: 'Only apps in this namespace' },
  raw: { type: 'boolean', description: 'Lines as stored, without prefixes' },
  timestamp: { type: 'boolean', description: "Show each line's timestamp" },
  prefix: { type: 'boolean', default: true, description: 'Prefix lines with [name] (--no-prefix omits it)' },
} as const

type LogsContext = CommandContext<typeof args>

function printer(ctx: LogsContext): (entry: LogEntry) => void {
  if (ctx.args.json) return (entry) => ctx.out.line(JSON.stringify(entry))
  const options: LogLineOptions = {
    colors: ctx.out.colors,
    prefix: ctx.args.prefix,
    timestamp: ctx.args.timestamp,
    raw: ctx.args.raw,
  }
  return (entry) => ctx.out.line(formatLogEntry(entry, options))
}

function onSkipped(ctx: LogsContext): (count: number) => void {
  return (count) => {
    if (ctx.args.json) ctx.out.warn(skippedMarker(count))
    else ctx.out.line(ctx.out.colors.dim(skippedMarker(count)))
  }
}

async function follow(
  ctx: LogsContext,
  stream: LogFollowLike,
  print: (entry: LogEntry) => void,
): Promise<number> {
  const stop = ctx.onSignal(['SIGINT', 'SIGTERM'], () => {
    stop()
    void stream.close()
  })
  stream.on('skipped', onSkipped(ctx))
  try {
    for await (const entry of stream) print(entry)
  } finally {
    stop()
  }
  return 0
}

/** `od logs [selector]`: the apps' logs, newest lines, optionally followed (SPECIFICATION.md §9.9). */
export default defineCommand({
  name: 'logs',
  description: "Show (and follow) the apps' logs",
  usage: 'logs [id|name|all] [--lines N] [-f] [--out|--err] [--grep RE] [--since T] [--level L]',
  details: `Without a selector, every app's lines are interleaved in time order with a [name] prefix
(coloured per app; stderr lines in red, or [name|err] without colour). --grep, --since and --until
also search the rotated (gzipped) files, newest first. -f keeps printing new lines; if this terminal
cannot keep up, the daemon skips lines and says how many (the log files are always complete).
--json prints one LogEntry object per line.`,
  args,
  examples: [
    'od logs',
    'od logs api --lines 100',
    'od logs api -f --err',
    'od logs --grep "timeout|ECONNRESET" -i --since 2h',
    'od logs worker --level warn --json',
  ],
  async run(ctx) {
    const a = ctx.args
    const target = a.target === 'all' ? undefined : a.target
    const request = logsRequest({
      target,
      namespace: a.namespace,
      lines: a.lines,
      out: a.out,
      err: a.err,
      grep: a.grep,
      ignoreCase: a.ignoreCase,
      since: a.since,
      until: a.until,
      level: a.level,
    })
    const client = await ctx.client()
    const print = printer(ctx)
    if (a.follow && !a.nostream && client.streamLogs !== undefined) {
      const { until: _until, ...params } = request.params
      return follow(ctx, client.streamLogs({ ...params, follow: true, format: 'json' }), print)
    }
    const result = (await client.call(request.method, request.params)) as Pick<
      LogSearchResult,
      'entries' | 'warnings'
    >
    for (const warning of result.warnings ?? []) ctx.out.warn(warning.message, warning.code)
    for (const entry of result.entries) print(entry)
    if (result.entries.length === 0 && !a.json) ctx.out.info('No log lines match.')
    return 0
  },
})
