import {
  DaemonError,
  type ConnectClientOptions,
  type IpcClient,
  type NotificationHandler,
} from '@opendaemon/core'

export interface SentRequest {
  method: string
  params: unknown
  timeoutMs: number | undefined
  resolve(value: unknown): void
  reject(error: unknown): void
}

export type Responder = (method: string, params: unknown) => unknown

/** An in-memory IpcClient: requests are answered by `respond` (or queued when it returns `PENDING`). */
export interface FakeIpcClient {
  client: IpcClient
  requests: SentRequest[]
  /** Pushes a server notification to the client. */
  notify(method: string, params: unknown): void
  /** Simulates an unexpected close (daemon gone). */
  drop(reason?: DaemonError): void
  pings: { timeoutMs: number | undefined; resolve(ms: number): void; reject(error: unknown): void }[]
}

export const PENDING = Symbol('pending')

export function fakeIpcClient(
  respond: Responder = () => PENDING,
  daemon: { pid: number; version: string } = { pid: 4242, version: '0.1.0' },
): FakeIpcClient {
  const notificationHandlers = new Set<NotificationHandler>()
  const closeHandlers = new Set<(reason: DaemonError) => void>()
  const requests: SentRequest[] = []
  const pings: FakeIpcClient['pings'] = []
  let closeReason: DaemonError | null = null

  function close(reason: DaemonError): void {
    if (closeReason !== null) return
    closeReason = reason
    for (const r of requests.splice(0)) r.reject(reason)
    for (const p of pings.splice(0)) p.reject(reason)
    for (const handler of [...closeHandlers]) handler(reason)
  }

  const client: IpcClient = {
    request<T>(method: string, params?: unknown, options?: { timeoutMs?: number }): Promise<T> {
      if (closeReason !== null) return Promise.reject(closeReason)
      return new Promise<T>((resolve, reject) => {
        const sent: SentRequest = {
          method,
          params,
          timeoutMs: options?.timeoutMs,
          resolve: resolve as (v: unknown) => void,
          reject,
        }
        let answer: unknown
        try {
          answer = respond(method, params)
        } catch (error) {
          return reject(error)
        }
        if (answer === PENDING) requests.push(sent)
        else resolve(answer as T)
      })
    },
    notify: () => closeReason === null,
    onNotification(handler) {
      notificationHandlers.add(handler)
      return () => notificationHandlers.delete(handler)
    },
    onBinary: () => () => undefined,
    onClose(handler) {
      closeHandlers.add(handler)
      return () => closeHandlers.delete(handler)
    },
    ping(options) {
      if (closeReason !== null) return Promise.reject(closeReason)
      return new Promise((resolve, reject) => pings.push({ timeoutMs: options?.timeoutMs, resolve, reject }))
    },
    close() {
      close(new DaemonError('OD_CONNECTION_CLOSED', 'closed by this client'))
      return Promise.resolve()
    },
    authenticated: Promise.resolve(),
    get closed() {
      return closeReason !== null
    },
    get closeReason() {
      return closeReason
    },
    daemon,
    get pendingRequests() {
      return requests.length
    },
  }
  return {
    client,
    requests,
    pings,
    notify: (method, params) => {
      for (const handler of [...notificationHandlers]) handler(method, params)
    },
    drop: (reason = new DaemonError('OD_CONNECTION_CLOSED', 'socket hang up')) => close(reason),
  }
}

/** A `connect` function that hands out scripted outcomes in order (a client, or an error to reject with). */
export function scriptedConnect(outcomes: (FakeIpcClient | DaemonError | Error)[]) {
  const calls: ConnectClientOptions[] = []
  const connect = (options: ConnectClientOptions): Promise<IpcClient> => {
    calls.push(options)
    const next = outcomes.shift()
    if (next === undefined)
      return Promise.reject(new DaemonError('OD_DAEMON_NOT_RUNNING', options.socketPath))
    if (next instanceof Error) return Promise.reject(next)
    return Promise.resolve(next.client)
  }
  return { connect, calls }
}
