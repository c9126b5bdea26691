import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import { DaemonError } from '../../../src/errors/daemon-error.js'
import { computeHmac } from '../../../src/ipc/auth-client.js'
import { parseAuthChallenge } from '../../../src/ipc/auth-messages.js'
import { connectClient, type IpcClient } from '../../../src/ipc/client-connection.js'
import { encodeFrame, FrameDecoder, type Frame } from '../../../src/ipc/frame-codec.js'
import { FrameType, type FrameTypeCode } from '../../../src/ipc/frame-types.js'
import type { IpcLimitsInput } from '../../../src/ipc/ipc-limits.js'
import type { IpcDispatch, IpcRequestContext } from '../../../src/ipc/request-handler.js'
import {
  createIpcServer,
  type IpcServer,
  type IpcServerEvent,
  type IpcServerOptions,
} from '../../../src/ipc/server.js'

export const TOKEN = '5e'.repeat(32)

/** Requests parked by `test.wait` until the test releases them. */
export interface Gates {
  release(key: string, value?: unknown): void
  waiting(key: string): Promise<void>
}

function createGates(): { gates: Gates; wait(key: string): Promise<unknown> } {
  const parked = new Map<string, ((value: unknown) => void)[]>()
  const watchers = new Map<string, (() => void)[]>()
  return {
    wait(key) {
      return new Promise((resolve) => {
        parked.set(key, [...(parked.get(key) ?? []), resolve])
        for (const w of watchers.get(key) ?? []) w()
        watchers.delete(key)
      })
    },
    gates: {
      release(key, value) {
        for (const resolve of parked.get(key) ?? []) resolve(value ?? key)
        parked.delete(key)
      },
      waiting(key) {
        if (parked.has(key)) return Promise.resolve()
        return new Promise((resolve) => watchers.set(key, [...(watchers.get(key) ?? []), resolve]))
      },
    },
  }
}

export interface TestServer {
  server: IpcServer
  dir: string
  socketPath: string
  events: IpcServerEvent[]
  contexts: IpcRequestContext[]
  gates: Gates
  /** Resolves with the first event matching `type` (already seen or future). */
  nextEvent<T extends IpcServerEvent['type']>(
    type: T,
    after?: number,
  ): Promise<Extract<IpcServerEvent, { type: T }>>
  client(options?: { timeoutMs?: number; pingIntervalMs?: number }): Promise<IpcClient>
  stop(): Promise<void>
}

/** The tiny dispatcher of the integration tests. */
function testDispatch(wait: (key: string) => Promise<unknown>, contexts: IpcRequestContext[]): IpcDispatch {
  return async (method, params, ctx) => {
    const args = (params ?? {}) as Record<string, unknown>
    switch (method) {
      case 'test.echo':
        return params
      case 'test.wait':
        return wait(String(args['key']))
      case 'test.fail':
        throw new DaemonError('OD_PLUGIN_NOT_FOUND', String(args['name']), { data: { hint: 'test' } })
      case 'test.crash':
        if (args['string'] === true) throw 'a thrown string'
        throw new TypeError('kaboom')
      case 'test.big':
        return 'x'.repeat(Number(args['bytes']))
      case 'test.context':
        contexts.push(ctx)
        return { connectionId: ctx.connectionId, client: ctx.client, queuedBytes: ctx.queuedBytes?.() }
      case 'test.emit':
        ctx.sendEvent(String(args['event']), args['data'])
        return ctx.notify('custom.method', { n: 1 })
      default:
        throw new DaemonError('OD_METHOD_NOT_FOUND', method)
    }
  }
}

export async function startTestServer(
  limits: IpcLimitsInput = {},
  extra: Partial<IpcServerOptions> = {},
): Promise<TestServer> {
  const dir = mkdtempSync('/tmp/od-')
  const socketPath = join(dir, 'home', 'od.sock')
  const events: IpcServerEvent[] = []
  const listeners: ((e: IpcServerEvent) => void)[] = []
  const contexts: IpcRequestContext[] = []
  const { gates, wait } = createGates()
  const server = createIpcServer({
    socketPath,
    token: TOKEN,
    tokenPath: join(dir, 'auth-token'),
    daemonVersion: '9.9.9',
    dispatch: testDispatch(wait, contexts),
    limits,
    onEvent: (e) => {
      events.push(e)
      for (const l of [...listeners]) l(e)
    },
    ...extra,
  })
  await server.listen()
  const clients: IpcClient[] = []
  return {
    server,
    dir,
    socketPath,
    events,
    contexts,
    gates,
    nextEvent(type, after = 0) {
      type Wanted = Extract<IpcServerEvent, { type: typeof type }>
      const seen = events.slice(after).find((e) => e.type === type)
      if (seen) return Promise.resolve(seen as Wanted)
      return new Promise((resolve) => {
        const listener = (e: IpcServerEvent): void => {
          if (e.type !== type) return
          listeners.splice(listeners.indexOf(listener), 1)
          resolve(e as Wanted)
        }
        listeners.push(listener)
      })
    },
    async client(options = {}) {
      const client = await connectClient({
        socketPath,
        token: TOKEN,
        clientInfo: { name: 'kit', version: '1.0.0' },
        ...options,
      })
      clients.push(client)
      return client
    },
    async stop() {
      await Promise.all(clients.map((c) => c.close()))
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A hand-driven socket speaking raw frames, for misbehaving-client tests. */
export interface RawPeer {
  socket: Socket
  frames: Frame[]
  /** Resolves with the next frame not yet taken. */
  nextFrame(): Promise<Frame>
  /** Resolves when the socket closed. */
  closed: Promise<void>
  send(type: FrameTypeCode, payload: Buffer | string): void
  /** Answer the challenge with `token` (default: the right one). */
  authenticate(token?: string): Promise<void>
}

export async function rawConnect(socketPath: string, maxPayload = 64 << 20): Promise<RawPeer> {
  const socket = connect(socketPath)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  socket.on('error', () => undefined) // resets from the server are expected in these tests
  const decoder = new FrameDecoder({ maxPayload })
  const frames: Frame[] = []
  let taken = 0
  let wake: (() => void) | null = null
  socket.on('data', (chunk) => {
    frames.push(...decoder.push(chunk))
    wake?.()
  })
  let isClosed = false
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      isClosed = true
      wake?.()
      resolve()
    }),
  )
  const peer: RawPeer = {
    socket,
    frames,
    closed,
    async nextFrame() {
      while (taken >= frames.length) {
        if (isClosed) throw new Error(`socket closed while waiting for frame #${taken}`)
        await new Promise<void>((resolve) => (wake = resolve))
      }
      return frames[taken++] as Frame
    },
    send: (type, payload) => void socket.write(encodeFrame(type, payload)),
    async authenticate(token = TOKEN) {
      const challenge = parseAuthChallenge((await peer.nextFrame()).payload)
      const hmac = computeHmac(token, challenge?.nonce ?? '')
      peer.send(
        FrameType.authResponse,
        JSON.stringify({ v: 1, hmac, client: { name: 'raw', version: '0', pid: 1 } }),
      )
    },
  }
  return peer
}

/** Parse a JSON frame payload. */
export function json(frame: Frame): unknown {
  return JSON.parse(frame.payload.toString('utf8'))
}

/** A socket file left behind by a crashed daemon: bound, then its process killed without unlinking. */
export function makeStaleSocket(socketPath: string): void {
  const script = `const s=require('net').createServer();s.listen(${JSON.stringify(socketPath)},()=>process.kill(process.pid,'SIGKILL'))`
  spawnSync(process.execPath, ['-e', script])
  if (!statSync(socketPath).isSocket()) throw new Error('no stale socket was left behind')
}
