/**
 * A minimal daemon for integration tests: a kernel running the log-manager plugin behind a real IPC
 * server (the same CallMeta wiring as the daemon's dispatcher), and clients for it.
 */
import { connect, type Socket } from 'node:net'
import {
  computeHmac,
  connectClient,
  createIpcServer,
  createKernel,
  encodeFrame,
  FrameDecoder,
  FrameType,
  resolvePaths,
  type Frame,
  type IpcClient,
  type IpcServer,
  type Kernel,
  type Plugin,
} from '@opendaemon/core'

export const TOKEN = 'ab'.repeat(32)

export interface LogDaemon {
  kernel: Kernel
  server: IpcServer
  socketPath: string
  client(): Promise<IpcClient>
  close(): Promise<void>
}

export async function startLogDaemon(home: string, plugins: Plugin[]): Promise<LogDaemon> {
  const paths = resolvePaths({ OD_HOME: home }, '/')
  const kernel = createKernel({ paths, plugins })
  await kernel.start()
  const server = createIpcServer({
    socketPath: paths.socketPath,
    token: TOKEN,
    dispatch: (method, params, ctx) =>
      kernel.call(method, params, {
        connectionId: ctx.connectionId,
        client: ctx.client,
        channel: {
          notify: (name, p) => ctx.notify(name, p),
          queuedBytes: () => ctx.queuedBytes?.() ?? 0,
          signal: ctx.signal,
        },
      }),
  })
  await server.listen()
  const clients: IpcClient[] = []
  return {
    kernel,
    server,
    socketPath: paths.socketPath,
    async client() {
      const client = await connectClient({ socketPath: paths.socketPath, token: TOKEN })
      clients.push(client)
      return client
    },
    async close() {
      await Promise.all(clients.map((c) => c.close()))
      await server.close()
      await kernel.stop()
    },
  }
}

/** A client that authenticates, sends requests, and can stop reading its socket (a stalled terminal). */
export interface RawClient {
  socket: Socket
  request(id: number, method: string, params: unknown): void
  /** Every frame read so far. */
  frames: Frame[]
  /** Notifications (0x03) read so far, parsed. */
  notifications(): { method: string; params: Record<string, unknown> }[]
  close(): void
}

export function rawClient(socketPath: string): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath)
    const decoder = new FrameDecoder({ maxPayload: 64 * 1024 * 1024 })
    const frames: Frame[] = []
    const client: RawClient = {
      socket,
      frames,
      request: (id, method, params) =>
        void socket.write(
          encodeFrame(FrameType.request, JSON.stringify({ jsonrpc: '2.0', id, method, params })),
        ),
      notifications: () =>
        frames
          .filter((f) => f.type === FrameType.notification)
          .map(
            (f) =>
              JSON.parse(f.payload.toString('utf8')) as { method: string; params: Record<string, unknown> },
          ),
      close: () => socket.destroy(),
    }
    socket.on('error', reject)
    socket.on('data', (chunk) => {
      for (const frame of decoder.push(chunk)) {
        if (frame.type === FrameType.authChallenge) {
          const { nonce } = JSON.parse(frame.payload.toString('utf8')) as { nonce: string }
          const answer = {
            v: 1,
            hmac: computeHmac(TOKEN, nonce),
            client: { name: 'raw', version: '0', pid: process.pid },
          }
          socket.write(encodeFrame(FrameType.authResponse, JSON.stringify(answer)))
        } else if (frame.type === FrameType.authResponse) resolve(client)
        else frames.push(frame)
      }
    })
  })
}
