import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { computeHmac } from '../../../src/ipc/auth-client.js'
import { encodeFrame, FrameDecoder } from '../../../src/ipc/frame-codec.js'
import { FrameType, type FrameTypeCode } from '../../../src/ipc/frame-types.js'
import { createPrng, type Prng } from '../../unit/ipc/prng.js'
import { startTestServer, TOKEN, type TestServer } from './ipc-test-kit.js'

const SEED = Number(process.env['OD_FUZZ_SEED'] ?? 20_261_122)
const ATTACKERS = 6
const SESSIONS_PER_ATTACKER = 60
const MAX_MESSAGE = 64 * 1024

function randomJson(rng: Prng, depth = 0): unknown {
  const kind = rng.int(0, depth > 2 ? 4 : 6)
  switch (kind) {
    case 0:
      return null
    case 1:
      return rng.int(-1e6, 1e6) / rng.pick([1, 7, 1000])
    case 2:
      return rng.pick(['', 'a', '2.0', 'test.echo', 'é', '\u0000', 'x'.repeat(rng.int(0, 300))])
    case 3:
      return rng.next() < 0.5
    case 4:
      return rng.pick(['jsonrpc', 'method', 'id', 'params'])
    case 5:
      return Array.from({ length: rng.int(0, 4) }, () => randomJson(rng, depth + 1))
    default: {
      const obj: Record<string, unknown> = {}
      for (let i = rng.int(0, 5); i > 0; i--) obj[String(randomJson(rng, 3))] = randomJson(rng, depth + 1)
      return obj
    }
  }
}

function randomRequest(rng: Prng): string {
  const roll = rng.int(0, 5)
  if (roll === 0) return JSON.stringify(randomJson(rng))
  if (roll === 1) return JSON.stringify(randomJson(rng)).slice(0, -1) // truncated JSON
  if (roll === 2) return rng.bytes(rng.int(0, 64)).toString('latin1')
  const one = (): unknown => ({
    jsonrpc: rng.pick(['2.0', '2.0', '2.0', '1.0', 2]),
    method: rng.pick(['test.echo', 'test.fail', 'test.crash', 'nope', 42, 'test.big']),
    ...(rng.next() < 0.8 ? { id: rng.pick([rng.int(0, 1e6), 'id', null, {}, [1]]) } : {}),
    ...(rng.next() < 0.8
      ? { params: rng.pick([randomJson(rng), { bytes: rng.int(0, 2 * MAX_MESSAGE) }, [1, 2]]) }
      : {}),
  })
  if (roll === 3) return JSON.stringify(Array.from({ length: rng.int(0, 8) }, one))
  return JSON.stringify(one())
}

/** One misbehaving session: what it sends depends only on `rng`. */
function plan(rng: Prng, nonce: string): { chunks: Buffer[]; stall: boolean; frames: number } {
  const auth = encodeFrame(
    FrameType.authResponse,
    JSON.stringify({ v: 1, hmac: computeHmac(TOKEN, nonce), client: { name: 'fuzz' } }),
  )
  const frames: Buffer[] = []
  const behaviour = rng.int(0, 9)
  let stall = false
  if (behaviour === 0) frames.push(rng.bytes(rng.int(1, 300)))
  else if (behaviour === 1)
    frames.push(encodeFrame(FrameType.authResponse, JSON.stringify({ v: 1, hmac: '00'.repeat(32) })))
  else if (behaviour === 2) frames.push(encodeFrame(FrameType.request, randomRequest(rng)))
  else {
    frames.push(auth)
    for (let i = rng.int(1, 30); i > 0; i--) {
      const roll = rng.int(0, 19)
      if (roll < 12)
        frames.push(encodeFrame(rng.pick([FrameType.request, FrameType.notification]), randomRequest(rng)))
      else if (roll < 14) frames.push(encodeFrame(FrameType.heartbeat, rng.bytes(rng.int(0, 2))))
      else if (roll < 15) frames.push(encodeFrame(rng.int(1, 7) as FrameTypeCode, rng.bytes(rng.int(0, 40))))
      else if (roll < 16) frames.push(Buffer.from([FrameType.request, 0xff, 0xff, 0xff, rng.int(0, 255)]))
      else if (roll < 17) frames.push(Buffer.from([rng.int(8, 255), 0, 0, 0, 0]))
      else if (roll < 18) frames.push(rng.bytes(rng.int(1, 100)))
      else {
        const frame = encodeFrame(FrameType.request, randomRequest(rng))
        frames.push(frame.subarray(0, rng.int(1, frame.length - 1))) // truncated, then silence
        stall = true
        break
      }
    }
  }
  const stream = Buffer.concat(frames)
  const chunks: Buffer[] = []
  for (let at = 0; at < stream.length;) {
    const size = rng.int(1, Math.max(1, Math.min(stream.length - at, rng.pick([1, 7, 100, 5000]))))
    chunks.push(stream.subarray(at, at + size))
    at += size
  }
  return { chunks, stall, frames: frames.length }
}

/** Frames sent and received by one session. */
interface SessionStats {
  sent: number
  received: number
}

/** Run one session; resolves when the socket is closed (by the server or by us after ending). */
function session(socketPath: string, rng: Prng): Promise<SessionStats> {
  return new Promise((resolve) => {
    const socket: Socket = connect(socketPath)
    const decoder = new FrameDecoder({ maxPayload: 1 << 30 })
    const stats = { sent: 0, received: 0 }
    let started = false
    socket.on('error', () => undefined)
    socket.on('data', (chunk) => {
      const got = decoder.push(chunk)
      stats.received += got.length
      const first = got[0]
      if (started || !first) return
      started = true
      const { chunks, stall, frames } = plan(rng, JSON.parse(first.payload.toString()).nonce as string)
      stats.sent = frames
      for (const chunk of chunks) socket.write(chunk)
      if (!stall) socket.end()
    })
    socket.on('close', () => resolve(stats))
  })
}

describe('IPC server under fuzzing', () => {
  let t: TestServer
  afterEach(() => t.stop())

  it(`keeps answering a well-behaved client while misbehaving clients send garbage (seed ${SEED})`, async () => {
    t = await startTestServer({
      maxMessageSize: MAX_MESSAGE,
      frameTimeoutMs: 300,
      authTimeoutMs: 1_000,
      closeGraceMs: 200,
      rateLimit: { perSecond: 1e9, burst: 1e9 },
    })
    const good = await t.client()
    const goodRng = createPrng(SEED)
    let attacking = true
    let goodRequests = 0
    const goodLoop = (async () => {
      while (attacking) {
        const params = { n: goodRequests, data: randomJson(goodRng) }
        const batch = [params, { n: -1 }].map((p) => good.request('test.echo', p))
        expect(await Promise.all(batch)).toEqual(JSON.parse(JSON.stringify([params, { n: -1 }])))
        goodRequests++
      }
    })()
    let sessions = 0
    let framesReceived = 0
    let framesSent = 0
    await Promise.all(
      Array.from({ length: ATTACKERS }, async (_, attacker) => {
        const rng = createPrng(SEED * 31 + attacker)
        for (let i = 0; i < SESSIONS_PER_ATTACKER; i++) {
          const stats = await session(t.socketPath, rng)
          framesReceived += stats.received
          framesSent += stats.sent
          sessions++
        }
      }),
    )
    attacking = false
    await goodLoop
    expect(sessions).toBe(ATTACKERS * SESSIONS_PER_ATTACKER)
    expect(framesReceived).toBeGreaterThan(sessions) // every session got at least its challenge
    expect(framesSent).toBeGreaterThan(1_500)
    expect(goodRequests).toBeGreaterThan(100)
    expect(await good.request('test.echo', ['still fine'])).toEqual(['still fine'])
    expect(t.server.connections()).toHaveLength(1)
    const reasons = new Set(t.events.flatMap((e) => (e.type === 'disconnected' ? [e.reason] : [])))
    expect([...reasons].sort()).toEqual(
      expect.arrayContaining([
        'auth-failed',
        'bad-frame',
        'client-closed',
        'frame-timeout',
        'frame-too-large',
      ]),
    )
  })
})
