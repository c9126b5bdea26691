import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  createIpcServer,
  DaemonError,
  matchesEventPattern,
  type IpcDispatch,
  type IpcRequestContext,
  type IpcServer,
} from '@opendaemon/core'

export const TOKEN = 'ab'.repeat(32)

/** A real IPC server (real socket, auth, frames) with a small dispatcher standing in for the daemon. */
export interface TestServer {
  home: string
  socketPath: string
  /** Every `event.subscribe` received, in order. */
  subscribes: string[][]
  /** Sends `event` to every connection subscribed to a matching pattern; returns how many got it. */
  emit(event: string, data: unknown): number
  /** Releases a parked `test.wait` call. */
  release(key: string, value: unknown): void
  /** Resolves once a `test.wait` call with this key is parked. */
  parked(key: string): Promise<void>
  start(): Promise<void>
  stop(): Promise<void>
  remove(): Promise<void>
}

export function createTestServer(): TestServer {
  const dir = mkdtempSync('/tmp/od-')
  const home = join(dir, 'h')
  mkdirSync(home, { mode: 0o700 })
  writeFileSync(join(home, 'auth-token'), `${TOKEN}\n`, { mode: 0o600 })
  const socketPath = join(home, 'od.sock')
  const subscribes: string[][] = []
  const subscribers = new Map<string, { ctx: IpcRequestContext; patterns: Set<string> }>()
  const waiting = new Map<string, (value: unknown) => void>()
  const parkWatchers = new Map<string, () => void>()
  const startedAt = Date.now()
  let server: IpcServer | null = null

  const dispatch: IpcDispatch = (method, params, ctx) => {
    const args = (params ?? {}) as Record<string, unknown>
    switch (method) {
      case 'daemon.ping':
        return { pong: true, at: Date.now() }
      case 'daemon.status':
        return { pid: process.pid, version: '9.9.9', state: 'running', uptimeMs: Date.now() - startedAt }
      case 'event.subscribe': {
        const events = args['events'] as string[]
        subscribes.push(events)
        const entry = subscribers.get(ctx.connectionId) ?? { ctx, patterns: new Set<string>() }
        for (const p of events) entry.patterns.add(p)
        subscribers.set(ctx.connectionId, entry)
        ctx.signal.addEventListener('abort', () => subscribers.delete(ctx.connectionId))
        return { events: [...entry.patterns] }
      }
      case 'event.unsubscribe': {
        const entry = subscribers.get(ctx.connectionId)
        for (const p of (args['events'] as string[] | undefined) ?? [...(entry?.patterns ?? [])])
          entry?.patterns.delete(p)
        return { events: [...(entry?.patterns ?? [])] }
      }
      case 'test.wait': {
        const key = String(args['key'])
        return new Promise((resolve) => {
          waiting.set(key, resolve)
          parkWatchers.get(key)?.()
        })
      }
      default:
        throw new DaemonError('OD_METHOD_NOT_FOUND', method)
    }
  }

  return {
    home,
    socketPath,
    subscribes,
    emit(event, data) {
      let sent = 0
      for (const { ctx, patterns } of subscribers.values()) {
        if ([...patterns].some((p) => matchesEventPattern(p, event)) && ctx.sendEvent(event, data)) sent++
      }
      return sent
    },
    release(key, value) {
      waiting.get(key)?.(value)
      waiting.delete(key)
    },
    parked(key) {
      if (waiting.has(key)) return Promise.resolve()
      return new Promise((resolve) => parkWatchers.set(key, resolve))
    },
    async start() {
      server = createIpcServer({ socketPath, token: TOKEN, dispatch, daemonVersion: '9.9.9' })
      await server.listen()
    },
    async stop() {
      await server?.close()
      server = null
    },
    async remove() {
      await server?.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
