import type {
  LogSelector,
  DaemonStatus,
  DaemonVersion,
  MethodParams,
  MethodResult,
  PluginDetails,
  PluginInfo,
} from '@opendaemon/core/client'
import { DaemonClient, type CallOptions } from './daemon-client.js'
import { LogStream, logStreamParams, type LogsOptions } from './log-stream.js'

/**
 * The typed OpenDaemon client: the connection, calls and events of {@link DaemonClient}, plus one method
 * per RPC method. The CLI, the TUI and SDK users all use it.
 *
 * @example
 * ```ts
 * import { OpenDaemon } from 'opendaemon-sdk'
 *
 * const od = new OpenDaemon()
 * await od.connect()
 * const { pid, uptimeMs } = await od.status()
 * console.log(`daemon ${pid} up for ${uptimeMs} ms`)
 * await od.disconnect()
 * ```
 * @since 0.1.0
 */
export class OpenDaemon extends DaemonClient {
  /**
   * The daemon's state, pid, version, uptime, memory, event-loop lag, plugins and watchdog (`daemon.status`).
   *
   * @example
   * ```ts
   * const { state, rss } = await od.status()
   * ```
   */
  status(options?: CallOptions): Promise<DaemonStatus> {
    return this.call('daemon.status', {}, options)
  }

  /**
   * The daemon's version, Node.js version, platform and architecture (`daemon.version`).
   *
   * @example
   * ```ts
   * const { version, node } = await od.version()
   * ```
   */
  version(options?: CallOptions): Promise<DaemonVersion> {
    return this.call('daemon.version', {}, options)
  }

  /**
   * The cheapest round trip (`daemon.ping`): resolves with `{ pong: true, at }`.
   *
   * @example
   * ```ts
   * const started = performance.now()
   * await od.ping()
   * console.log(`${(performance.now() - started).toFixed(2)} ms`)
   * ```
   */
  ping(options?: CallOptions): Promise<MethodResult<'daemon.ping'>> {
    return this.call('daemon.ping', {}, options)
  }

  /**
   * Starts a graceful shutdown of the daemon (`daemon.shutdown`); answers before the daemon exits, then the
   * connection closes.
   *
   * @example
   * ```ts
   * const { pid } = await od.shutdown({ timeoutMs: 10_000 })
   * ```
   */
  shutdown(
    params: MethodParams<'daemon.shutdown'> = {},
    options?: CallOptions,
  ): Promise<MethodResult<'daemon.shutdown'>> {
    return this.call('daemon.shutdown', params, options)
  }

  /**
   * Stops everything and the daemon (`od kill`). Until the process manager lands, this is
   * {@link OpenDaemon.shutdown}.
   *
   * @example
   * ```ts
   * await od.kill()
   * ```
   */
  kill(options?: CallOptions): Promise<MethodResult<'daemon.shutdown'>> {
    return this.shutdown({}, options)
  }

  /**
   * Re-reads the daemon's `config.json` (`daemon.reload`, like SIGHUP); `changed` lists the keys that changed.
   *
   * @example
   * ```ts
   * const { changed } = await od.reloadDaemon()
   * ```
   */
  reloadDaemon(options?: CallOptions): Promise<MethodResult<'daemon.reload'>> {
    return this.call('daemon.reload', {}, options)
  }

  /**
   * Every plugin with its state, priority, methods and failures (`plugin.list`).
   *
   * @example
   * ```ts
   * for (const plugin of await od.plugins()) console.log(plugin.name, plugin.state)
   * ```
   */
  plugins(options?: CallOptions): Promise<PluginInfo[]> {
    return this.call('plugin.list', {}, options)
  }

  /**
   * One plugin in detail: hooks, metrics, dependents, last error (`plugin.info`).
   *
   * @throws {DaemonError} `OD_PLUGIN_NOT_FOUND`.
   * @example
   * ```ts
   * const { dependents } = await od.pluginInfo('process-manager')
   * ```
   */
  pluginInfo(name: string, options?: CallOptions): Promise<PluginDetails> {
    return this.call('plugin.info', { name }, options)
  }

  /**
   * Enables a plugin and the dependents it took down; the named plugin comes first (`plugin.enable`).
   *
   * @throws {DaemonError} `OD_PLUGIN_NOT_FOUND`, `OD_PLUGIN_DEPENDENCY_MISSING`, `OD_PLUGIN_FAILED`.
   * @example
   * ```ts
   * const [plugin] = await od.enablePlugin('metrics')
   * ```
   */
  enablePlugin(name: string, options?: CallOptions): Promise<PluginInfo[]> {
    return this.call('plugin.enable', { name }, options)
  }

  /**
   * Disables a plugin and its dependents; the named plugin comes first (`plugin.disable`).
   *
   * @throws {DaemonError} `OD_PLUGIN_NOT_FOUND`.
   * @example
   * ```ts
   * const disabled = await od.disablePlugin('metrics')
   * console.log(disabled.map((p) => p.name))
   * ```
   */
  disablePlugin(name: string, options?: CallOptions): Promise<PluginInfo[]> {
    return this.call('plugin.disable', { name }, options)
  }

  /**
   * The logs of one app, a selection or every app (`log.stream`): the last `lines` entries, then — with
   * `follow` — new ones as they are written. Filters run in the daemon. The result is an async iterable
   * and an event emitter (`data`, `skipped`, `end`, `error`); `close()` ends it. A slow reader gets a
   * `skipped` count instead of slowing the app (the files stay complete).
   *
   * @example
   * ```ts
   * const stream = od.logs('api', { follow: true, lines: 50, filter: { level: 'error', grep: 'timeout' } })
   * stream.on('skipped', (count) => console.warn(`${count} lines skipped`))
   * for await (const entry of stream) console.log(entry.timestamp, entry.message)
   * ```
   */
  logs(selector?: string | number | LogSelector, options: LogsOptions = {}): LogStream {
    const buffered = options.maxBuffered === undefined ? {} : { maxBuffered: options.maxBuffered }
    return this.streamLogs(logStreamParams(selector, options), buffered)
  }

  /**
   * {@link OpenDaemon.logs} with the raw `log.stream` params.
   *
   * @example
   * ```ts
   * const stream = od.streamLogs({ selector: { target: 'api' }, follow: true, lines: 20, sources: ['stderr'] })
   * ```
   */
  streamLogs(params: MethodParams<'log.stream'>, options: { maxBuffered?: number } = {}): LogStream {
    const transport = {
      open: (params: MethodParams<'log.stream'>) => this.call('log.stream', params, { timeoutMs: 0 }),
      unstream: (stream: string) => this.call('log.unstream', { stream }),
      onNotification: (handler: (method: string, params: unknown) => void) => this.onNotification(handler),
      onClosed: (handler: () => void) => this.on('client:disconnected', () => handler()),
    }
    return new LogStream(transport, params, options)
  }

  /**
   * The newest lines of the selected apps, oldest first (`log.tail`).
   *
   * @example
   * ```ts
   * const { entries } = await od.tailLogs({ selector: { target: 'api' }, lines: 100, level: 'warn' })
   * ```
   */
  tailLogs(params: MethodParams<'log.tail'> = {}, options?: CallOptions): Promise<MethodResult<'log.tail'>> {
    return this.call('log.tail', params, options)
  }

  /**
   * Searches current and rotated (gzipped) files newest first, stopping at `since` (`log.search`).
   *
   * @example
   * ```ts
   * const { entries, scannedFiles } = await od.searchLogs({ grep: 'ECONNRESET', since: '1h', lines: 500 })
   * ```
   */
  searchLogs(
    params: MethodParams<'log.search'> = {},
    options?: CallOptions,
  ): Promise<MethodResult<'log.search'>> {
    return this.call('log.search', params, options)
  }
}
