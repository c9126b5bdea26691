/**
 * The bridge from the IPC server to the kernel: every request becomes `kernel.call` with the
 * connection as `CallMeta`; requests that arrive while the daemon boots wait until it serves, and
 * requests during shutdown are refused. It also tracks open connections, so per-connection state
 * (event subscriptions) ends when its connection closes.
 */
import type { CallMeta, DaemonError, IpcDispatch, IpcRequestContext } from '@opendaemon/core'

/** What the dispatcher needs. */
export interface DispatchDeps {
  call(method: string, params: unknown, meta: CallMeta): unknown
  /** The error new requests get (shutting down), or `null` while serving. */
  refusal(): DaemonError | null
  /** A promise that settles once the daemon serves; `null` when it already does. */
  whenServing(): Promise<void> | null
  /** Called once when a connection that sent a request closes. */
  onConnectionClosed(connectionId: string): void
}

/** The dispatcher and its connection registry. */
export interface DaemonDispatch {
  readonly dispatch: IpcDispatch
  /** True while the connection is open (it has sent a request and not closed). */
  isOpen(connectionId: string): boolean
}

/**
 * Creates the dispatcher passed to `createIpcServer`.
 *
 * @example
 * ```ts
 * import { createDaemonDispatch } from '@opendaemon/daemon'
 *
 * const { dispatch } = createDaemonDispatch({
 *   call: (method, params) => ({ method, params }),
 *   refusal: () => null,
 *   whenServing: () => null,
 *   onConnectionClosed: () => {},
 * })
 * ```
 * @since 0.1.0
 */
export function createDaemonDispatch(deps: DispatchDeps): DaemonDispatch {
  const open = new Set<string>()

  function track(ctx: IpcRequestContext): void {
    if (open.has(ctx.connectionId) || ctx.signal.aborted) return
    open.add(ctx.connectionId)
    ctx.signal.addEventListener(
      'abort',
      () => {
        open.delete(ctx.connectionId)
        deps.onConnectionClosed(ctx.connectionId)
      },
      { once: true },
    )
  }

  const dispatch: IpcDispatch = (method, params, ctx) => {
    track(ctx)
    const refusal = deps.refusal()
    if (refusal !== null) throw refusal
    const meta: CallMeta = {
      connectionId: ctx.connectionId,
      client: ctx.client,
      channel: {
        notify: (name, params) => ctx.notify(name, params),
        queuedBytes: () => ctx.queuedBytes?.() ?? 0,
        signal: ctx.signal,
      },
    }
    const serving = deps.whenServing()
    if (serving === null) return deps.call(method, params, meta)
    return serving.then(() => {
      const late = deps.refusal()
      if (late !== null) throw late
      return deps.call(method, params, meta)
    })
  }

  return { dispatch, isOpen: (connectionId) => open.has(connectionId) }
}
