/**
 * The `log.*` read methods (§28.6): `log.tail`, `log.search`, `log.stream`, `log.unstream`. The
 * write path calls {@link registerLogReadMethods} from the plugin's `install` and publishes every
 * framed line to the hub.
 */
import {
  compileLogFilter,
  DaemonError,
  type CallMeta,
  type LogFilter,
  type LogReadParams,
  type LogSearchResult,
  type LogSelector,
  type PluginContext,
} from '@opendaemon/core'
import type { FollowerLimits } from '../live/follower.js'
import type { LiveLine, LiveLineHub } from '../live/line-hub.js'
import { createStreamRegistry, type StreamRegistry } from '../live/stream-registry.js'
import { collectEntries, type CollectResult, type SeriesSpec } from './collect.js'
import { listFileSeries } from './file-series.js'
import { discoverLogApps, selectLogApps, type LogApp } from './log-apps.js'
import { MAX_LINES, parseLogReadParams, parseLogStreamParams, parseUnstreamParams } from './log-params.js'

/** Where an app's current log files are. */
export type LogPathsFor = (app: { id: number; name: string; instance?: number }) => {
  out: string
  err: string
}

/** What the read methods need from the plugin. */
export interface LogReadDeps {
  /** The hub made by `createLineHub` (the writer publishes to it; streams subscribe). */
  hub: LiveLineHub
  logDir: string
  pathsFor: LogPathsFor
  /** The apps known to the writer; apps found only from files in `logDir` are added (id -1). */
  apps?: () => readonly LogApp[] | Promise<readonly LogApp[]>
  /** Follower queue bounds and policy (§9.12 `followerBuffer`, `slowFollower`). */
  follower?: Partial<FollowerLimits>
}

/** What {@link registerLogReadMethods} returns: call `close` from the plugin's `onStop`. */
export interface LogReadHandle {
  /** Ends every open stream with `log.end { reason }`. */
  close(reason?: 'shutdown'): void
  readonly streams: StreamRegistry
}

const DEFAULT_LINES = 20

function selects(selector: LogSelector | undefined, picked: readonly LogApp[]): (line: LiveLine) => boolean {
  const target = selector?.target === undefined ? 'all' : String(selector.target)
  const narrowed =
    selector?.namespace !== undefined || (selector?.tags ?? []).length + (selector?.tagsAll ?? []).length > 0
  if (target === 'all' && !narrowed) return () => true
  if (!narrowed && /^\d+$/.test(target)) return (line) => line.id === Number(target)
  if (!narrowed) return (line) => line.name === target
  return (line) => picked.some((app) => (app.id === -1 ? app.name === line.name : app.id === line.id))
}

interface StreamChannel extends NonNullable<CallMeta['channel']> {
  connectionId: string
}

function channelOf(meta: CallMeta): StreamChannel {
  const { channel, connectionId } = meta
  if (channel === undefined || connectionId === undefined) {
    throw new DaemonError('OD_INVALID_REQUEST', 'log.stream needs a socket connection to stream on')
  }
  return {
    connectionId,
    signal: channel.signal,
    notify: (method, params) => channel.notify(method, params),
    queuedBytes: () => channel.queuedBytes(),
  }
}

/**
 * Registers the `log.*` read methods on the plugin context.
 *
 * @example
 * ```ts
 * const hub = createLineHub()
 * const reads = registerLogReadMethods(ctx, { hub, logDir, pathsFor: (app) => sink.paths(app) })
 * // in onStop:
 * reads.close()
 * ```
 */
export function registerLogReadMethods(ctx: PluginContext, deps: LogReadDeps): LogReadHandle {
  const filesOf = (app: LogApp): { out: string; err: string } => app.currentFiles ?? deps.pathsFor(app)

  async function appsOf(): Promise<LogApp[]> {
    const known = [...((await deps.apps?.()) ?? [])]
    const covered = new Set(known.flatMap((app) => Object.values(filesOf(app))))
    // Apps of earlier daemon runs (or deleted ones) are still readable from their files.
    for (const app of await discoverLogApps(deps.logDir)) if (!covered.has(filesOf(app).out)) known.push(app)
    return known
  }

  async function seriesOf(picked: readonly LogApp[]): Promise<SeriesSpec[]> {
    const specs: SeriesSpec[] = []
    for (const app of picked) {
      const paths = filesOf(app)
      for (const source of ['stdout', 'stderr'] as const) {
        const files = await listFileSeries(source === 'stdout' ? paths.out : paths.err)
        const origin = { id: app.id, name: app.name, instance: app.instance, source }
        specs.push(
          app.namespace === undefined
            ? { origin, files }
            : { origin: { ...origin, namespace: app.namespace }, files },
        )
      }
    }
    return specs
  }

  async function read(params: LogReadParams, filter: LogFilter, lines: number): Promise<CollectResult> {
    const picked = selectLogApps(await appsOf(), params.selector)
    return collectEntries(await seriesOf(picked), filter, lines)
  }

  function report(result: CollectResult): NonNullable<LogSearchResult['warnings']> {
    return result.failures.map(({ file, reason }) => {
      const error = new DaemonError('OD_LOG_READ_FAILED', file, reason)
      ctx.logger.warn(error.message, { code: error.code })
      return { code: 'OD_LOG_READ_FAILED' as const, message: error.message }
    })
  }

  ctx.registerMethod('log.tail', {
    description: 'The newest lines of the selected apps, oldest first',
    params: parseLogReadParams,
    handler: async (params) => {
      const filter = compileLogFilter(params, ctx.clock.now())
      const result = await read(params, filter, params.lines ?? DEFAULT_LINES)
      report(result)
      return { entries: result.entries.map((item) => item.entry) }
    },
  })

  ctx.registerMethod('log.search', {
    description: 'Search current and rotated (gzipped) log files, newest first, stopping at since',
    params: parseLogReadParams,
    handler: async (params) => {
      const filter = compileLogFilter(params, ctx.clock.now())
      const result = await read(params, filter, params.lines ?? DEFAULT_LINES)
      const warnings = report(result)
      const found: LogSearchResult = {
        entries: result.entries.map((item) => item.entry),
        scannedFiles: result.scannedFiles,
        truncated: result.truncated,
      }
      return warnings.length === 0 ? found : { ...found, warnings }
    },
  })

  const streams = createStreamRegistry({
    hub: deps.hub,
    clock: ctx.clock,
    ...(deps.follower === undefined ? {} : { limits: deps.follower }),
    onError: (stream, error) =>
      ctx.logger.warn('log stream history failed', { stream, error: String(error) }),
    onSkipped: (streamId, connectionId, skipped) =>
      ctx.events.emit('log:skipped', { streamId, connectionId, skipped, at: ctx.clock.now() }),
    onDropped: (streamId, connectionId) =>
      ctx.events.emit('log:follower-dropped', {
        streamId,
        connectionId,
        reason: 'slow',
        at: ctx.clock.now(),
      }),
  })

  ctx.registerMethod('log.stream', {
    description:
      'Stream log lines to this connection: history, then live lines (filters applied in the daemon)',
    params: parseLogStreamParams,
    handler: async (params, meta) => {
      const channel = channelOf(meta)
      const filter = compileLogFilter(params, ctx.clock.now())
      const picked = selectLogApps(await appsOf(), params.selector)
      // History when asked for by `lines` or `since` (all lines since then, up to the maximum).
      const lines = params.lines ?? (params.since === undefined ? 0 : MAX_LINES)
      const stream = streams.open({
        connectionId: channel.connectionId,
        channel,
        filter,
        selects: selects(params.selector, picked),
        follow: params.follow ?? true,
        history: async () => {
          const found = await collectEntries(await seriesOf(picked), filter, lines)
          return found.entries.map((item) => item.entry)
        },
      })
      return { stream }
    },
  })

  ctx.registerMethod('log.unstream', {
    description: 'End a log stream of this connection',
    params: parseUnstreamParams,
    handler: ({ stream }, meta) => {
      if (meta.connectionId === undefined || !streams.close(stream, meta.connectionId)) {
        throw new DaemonError('OD_LOG_STREAM_NOT_FOUND', stream)
      }
      return { closed: true as const }
    },
  })

  return { close: (reason = 'shutdown') => streams.closeAll(reason), streams }
}
