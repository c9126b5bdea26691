/**
 * The log-manager plugin: every byte an app writes lands in its files (rotated, compressed,
 * retained), crash records are kept, and `log.flush` / `log.reload` are served. It provides the
 * process manager's log sink (`plugin.sink`, wired by the daemon). Logic lives beside it.
 */
import {
  createParamsParser,
  definePlugin,
  type Clock,
  type EmptyParams,
  type LogSelector,
  type Plugin,
  type TimerHandle,
} from '@opendaemon/core'
import type { Readable } from 'node:stream'
import { createLineHub, type LiveLineHub } from './live/line-hub.js'
import { registerLogReadMethods, type LogReadHandle } from './read/register.js'
import { createLogManager, type AttachedOutput, type LogManager, type SinkTarget } from './log-manager.js'
import { flushLogs, reloadLogs } from './log-maintenance.js'
import { LOG_DEFAULTS, parseLogOptions } from './log-options.js'
import { LOG_MANAGER_DEFAULTS, toLogSettings, type LogManagerConfig } from './log-settings.js'
import { nodeLogFs, type LogFs } from './write/log-fs.js'
import type { OffsetOf } from './format/timestamp-format.js'

/** The process manager's view of the plugin (structurally its `AppLogSink`). */
export interface LogSink {
  attach(app: SinkTarget, stdout: Readable, stderr: Readable): AttachedOutput
  paths(app: SinkTarget): { out: string; err: string }
  /** The newest crash record of an instance, with its last 20 lines. */
  lastCrash(app: SinkTarget): {
    at: number
    code: number | null
    signal: string | null
    reason: 'crash' | 'ready-timeout'
    lines: { timestamp: string; source: 'stdout' | 'stderr'; message: string }[]
  } | null
  /** Checks an app's log fields at start (throws `OD_APP_OPTION_INVALID` naming the field). */
  check(logs: Readonly<Record<string, unknown>> | undefined): void
}

/** The outside world of the plugin; every field has a real default. */
export interface LogManagerDeps {
  fs: LogFs
  /** Default: the kernel's clock. */
  clock?: Clock
  defer: (fn: () => void) => void
  offsetOf?: OffsetOf
}

/** The plugin plus the sink it provides. */
export type LogManagerPlugin = Plugin<LogManagerConfig> & {
  readonly sink: LogSink
  readonly hub: LiveLineHub
}

const parseFlush = createParamsParser<{ selector?: LogSelector; rotated?: boolean; crash?: boolean }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    selector: {
      type: 'object',
      additionalProperties: false,
      properties: {
        target: { type: ['string', 'integer'] },
        namespace: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        tagsAll: { type: 'array', items: { type: 'string' } },
      },
    },
    rotated: { type: 'boolean' },
    crash: { type: 'boolean' },
  },
})

const parseEmpty = createParamsParser<EmptyParams>({ type: 'object', additionalProperties: false })

const parseSync = createParamsParser<{ fsync?: boolean }>({
  type: 'object',
  additionalProperties: false,
  properties: { fsync: { type: 'boolean' } },
})

const drainOnly = (stdout: Readable, stderr: Readable): AttachedOutput => {
  stdout.resume()
  stderr.resume()
  return { close: () => Promise.resolve(), exited: () => undefined }
}

/**
 * Creates the plugin. Pass `plugin.sink` to the process manager.
 *
 * @example
 * ```ts
 * import { createLogManagerPlugin } from '@opendaemon/plugin-log-manager'
 * import { createProcessManagerPlugin } from '@opendaemon/plugin-process-manager'
 *
 * const logs = createLogManagerPlugin()
 * const plugins = [logs, createProcessManagerPlugin({ logSink: logs.sink })]
 * ```
 */
export function createLogManagerPlugin(overrides: Partial<LogManagerDeps> = {}): LogManagerPlugin {
  const deps: LogManagerDeps = { fs: nodeLogFs, defer: (fn) => void setImmediate(fn), ...overrides }
  const hub = createLineHub()
  let manager: LogManager | undefined
  let defaults = LOG_DEFAULTS
  let timers: { clock: Clock; handles: TimerHandle[] } | undefined
  let reads: LogReadHandle | undefined

  const sink: LogSink = {
    attach: (app, stdout, stderr) => manager?.attach(app, stdout, stderr) ?? drainOnly(stdout, stderr),
    paths: (app) => manager?.paths(app) ?? { out: '/dev/null', err: '/dev/null' },
    lastCrash(app) {
      const record = manager?.lastCrash(app) ?? null
      if (record === null) return null
      const { at, code, signal, reason, lines } = record
      return { at, code, signal, reason, lines: lines.slice(-20) }
    },
    check: (logs) => void parseLogOptions(logs, defaults),
  }

  const plugin = definePlugin<LogManagerConfig>({
    name: 'log-manager',
    version: '0.1.0',
    description: 'Writes app output to files with rotation, compression, retention and crash records',
    // Installed before the process manager, so it stops after it: the apps' last output is written.
    priority: 5,
    defaultConfig: LOG_MANAGER_DEFAULTS,

    install(ctx) {
      const clock = deps.clock ?? ctx.clock
      const settings = toLogSettings(ctx.pluginConfig as LogManagerConfig, ctx.paths.logDir)
      const logs = createLogManager({
        fs: deps.fs,
        clock,
        defer: deps.defer,
        events: ctx.events,
        logger: ctx.logger,
        hub,
        settings,
        ...(deps.offsetOf === undefined ? {} : { offsetOf: deps.offsetOf }),
      })
      manager = logs
      defaults = settings.defaults
      const cfg = ctx.pluginConfig
      timers = {
        clock,
        handles: [
          clock.setInterval(
            () => void Promise.all(logs.pool.all().map((w) => w.check())),
            cfg.checkIntervalMs,
          ),
          clock.setInterval(() => void logs.pool.retainAll(), cfg.retentionIntervalMs),
        ],
      }
      ctx.registerMethod('log.flush', {
        description: 'Truncate the current log files of the selection (every app when omitted)',
        params: parseFlush,
        handler: async (params) => {
          const results = await flushLogs(logs, deps.fs, settings.dir, params)
          const files = results.reduce((n, r) => n + r.files.length, 0)
          ctx.events.emit('log:flushed', { names: results.map((r) => r.name), files, at: clock.now() })
          return results
        },
      })
      ctx.registerMethod('log.sync', {
        description: 'Write every queued log byte now (fsync: true also syncs the files to disk)',
        params: parseSync,
        handler: async ({ fsync }) => {
          await Promise.all(logs.pool.all().map((w) => (fsync === true ? w.fsync() : w.flush())))
          return {}
        },
      })
      ctx.registerMethod('log.reload', {
        description: 'Close and reopen every log file (for external rotation tools)',
        params: parseEmpty,
        handler: async () => {
          const reopened = await reloadLogs(logs)
          ctx.events.emit('log:reopened', { files: reopened, at: clock.now() })
          return { reopened }
        },
      })
      reads = registerLogReadMethods(ctx, {
        hub,
        logDir: settings.dir,
        pathsFor: (app) => logs.paths(app),
        apps: () => logs.known(),
      })
    },

    async onStop() {
      reads?.close()
      reads = undefined
      if (timers !== undefined) for (const h of timers.handles) timers.clock.clearInterval(h)
      timers = undefined
      const logs = manager
      if (logs === undefined) return
      await logs.drainAll()
      await Promise.all(logs.pool.all().map((w) => w.close()))
      // Shutdown finishes the current gzip only; the others stay plain (still read and retained).
      await logs.compressor.stop()
      manager = undefined
    },
  })
  return Object.assign(plugin, { sink, hub })
}
