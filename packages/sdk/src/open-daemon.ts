import type {
  DaemonStatus,
  DaemonVersion,
  MethodParams,
  MethodResult,
  PluginDetails,
  PluginInfo,
} from '@opendaemon/core'
import { DaemonClient, type CallOptions } from './daemon-client.js'

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
}
