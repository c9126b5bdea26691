/**
 * The methods the daemon registers itself (owner `kernel`): `daemon.*`, `plugin.*` and `event.*`
 * (SPECIFICATION.md §5.8). The table is typed against `RpcMethods`, so a missing or misspelled
 * method fails to compile.
 */
import {
  DaemonError,
  VERSION,
  type CallMeta,
  type Clock,
  type DaemonStatus,
  type Kernel,
  type MethodDef,
} from '@opendaemon/core'
import {
  parseEmptyParams,
  parsePluginNameParams,
  parseShutdownParams,
  parseSubscribeParams,
  parseUnsubscribeParams,
} from './builtin-params.js'
import type { Subscriptions } from './subscriptions.js'

/** The built-in method names. */
export type BuiltinMethod =
  | 'daemon.status'
  | 'daemon.version'
  | 'daemon.ping'
  | 'daemon.shutdown'
  | 'daemon.reload'
  | 'plugin.list'
  | 'plugin.info'
  | 'plugin.enable'
  | 'plugin.disable'
  | 'event.subscribe'
  | 'event.unsubscribe'

/** What the built-in methods act on. */
export interface BuiltinMethodDeps {
  kernel: Kernel
  clock: Clock
  pid: number
  /** When the daemon started (epoch ms), for `daemon.ping`'s uptime. */
  startedAt: number
  status(): DaemonStatus
  /** Starts a graceful shutdown after the current response is sent. */
  shutdown(timeoutMs: number | undefined): void
  reload(): Promise<{ changed: string[]; at: number }>
  subscriptions: Subscriptions
  isConnectionOpen(connectionId: string): boolean
}

function connectionOf(meta: CallMeta, deps: BuiltinMethodDeps, method: string): string {
  const id = meta.connectionId
  if (id === undefined)
    throw new DaemonError('OD_INVALID_REQUEST', `${method} is only available over the daemon socket`)
  if (!deps.isConnectionOpen(id))
    throw new DaemonError('OD_CONNECTION_CLOSED', `connection ${id} closed during ${method}`)
  return id
}

/** The definitions, one per built-in method. */
export function builtinMethodDefs(deps: BuiltinMethodDeps): { [M in BuiltinMethod]: MethodDef<M> } {
  const { kernel } = deps
  return {
    'daemon.status': {
      description: 'Daemon state, memory, watchdog and plugin summary',
      params: parseEmptyParams,
      handler: () => deps.status(),
    },
    'daemon.version': {
      description: 'Daemon and Node.js versions and platform',
      params: parseEmptyParams,
      handler: () => ({
        version: VERSION,
        node: process.version,
        platform: process.platform,
        arch: process.arch,
      }),
    },
    'daemon.ping': {
      description: 'Answer with pong, pid, uptime and version (the cheapest call)',
      params: parseEmptyParams,
      handler: () => {
        const at = deps.clock.now()
        return { pong: true, at, pid: deps.pid, uptimeMs: at - deps.startedAt, version: VERSION }
      },
    },
    'daemon.shutdown': {
      description: 'Stop the daemon gracefully; answers before it stops',
      params: parseShutdownParams,
      handler: ({ timeoutMs }) => {
        deps.shutdown(timeoutMs)
        return { stopping: true, pid: deps.pid }
      },
    },
    'daemon.reload': {
      description: 'Re-read config.json and apply what can change live',
      params: parseEmptyParams,
      handler: () => deps.reload(),
    },
    'plugin.list': {
      description: 'Every plugin with its state',
      params: parseEmptyParams,
      handler: () => kernel.listPlugins(),
    },
    'plugin.info': {
      description: 'One plugin in detail',
      params: parsePluginNameParams,
      handler: ({ name }) => kernel.pluginInfo(name),
    },
    'plugin.enable': {
      description: 'Enable a plugin (and the dependents it took down)',
      params: parsePluginNameParams,
      handler: ({ name }) => kernel.enablePlugin(name),
    },
    'plugin.disable': {
      description: 'Disable a plugin and its dependents',
      params: parsePluginNameParams,
      handler: ({ name }) => kernel.disablePlugin(name),
    },
    'event.subscribe': {
      description: 'Receive the events matching these patterns on this connection',
      params: parseSubscribeParams,
      handler: ({ events }, meta) => ({
        events: deps.subscriptions.subscribe(connectionOf(meta, deps, 'event.subscribe'), events),
      }),
    },
    'event.unsubscribe': {
      description: 'Stop receiving these patterns (all when omitted)',
      params: parseUnsubscribeParams,
      handler: ({ events }, meta) => ({
        events: deps.subscriptions.unsubscribe(connectionOf(meta, deps, 'event.unsubscribe'), events),
      }),
    },
  }
}

/**
 * Registers every built-in method on the kernel.
 *
 * @returns A function that unregisters them.
 * @example
 * ```ts
 * import { createKernel, resolvePaths, systemClock } from '@opendaemon/core'
 * import { createSubscriptions, registerBuiltinMethods } from '@opendaemon/daemon'
 *
 * const kernel = createKernel({ paths: resolvePaths({ OD_HOME: '/tmp/od-demo' }, '/home/me') })
 * registerBuiltinMethods({
 *   kernel,
 *   clock: systemClock,
 *   pid: process.pid,
 *   startedAt: Date.now(),
 *   status: () => { throw new Error('not in this example') },
 *   shutdown: () => {},
 *   reload: async () => ({ changed: [], at: Date.now() }),
 *   subscriptions: createSubscriptions({ events: kernel.events, send: () => false }),
 *   isConnectionOpen: () => false,
 * })
 * await kernel.call('daemon.ping', {})
 * ```
 * @since 0.1.0
 */
export function registerBuiltinMethods(deps: BuiltinMethodDeps): () => void {
  const defs = builtinMethodDefs(deps)
  const register = <M extends BuiltinMethod>(name: M) => deps.kernel.registerMethod(name, defs[name])
  const offs = (Object.keys(defs) as BuiltinMethod[]).map((name) => register(name))
  return () => offs.forEach((off) => off())
}
