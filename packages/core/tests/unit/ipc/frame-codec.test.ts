import { describe, expect, it } from 'vitest'
import { DaemonError } from '../../../src/errors/daemon-error.js'
import { encodeFrame, FrameDecoder, type Frame } from '../../../src/ipc/frame-codec.js'
import {
  FRAME_HEADER_SIZE,
  FrameType,
  isFrameType,
  type FrameTypeCode,
} from '../../../src/ipc/frame-types.js'
import { createPrng } from './prng.js'

const MAX = 1024

function sampleFrames(): { type: FrameTypeCode; payload: Buffer }[] {
  return [
    { type: FrameType.request, payload: Buffer.from('{"jsonrpc":"2.0","id":1,"method":"a"}') },
    { type: FrameType.heartbeat, payload: Buffer.from([0]) },
    { type: FrameType.response, payload: Buffer.alloc(0) },
    { type: FrameType.binary, payload: Buffer.from([0, 0, 0, 7, 1, 104, 105]) },
    {
      type: FrameType.notification,
      payload: Buffer.from('{"jsonrpc":"2.0","method":"event","params":{"é":"ü"}}'),
    },
  ]
}

function wire(frames: { type: FrameTypeCode; payload: Buffer }[]): Buffer {
  return Buffer.concat(frames.map((f) => encodeFrame(f.type, f.payload)))
}

function plain(frames: Frame[]): { type: number; payload: string }[] {
  return frames.map((f) => ({ type: f.type, payload: f.payload.toString('hex') }))
}

function feed(decoder: FrameDecoder, bytes: Buffer, cuts: number[]): Frame[] {
  const out: Frame[] = []
  let start = 0
  for (const cut of [...cuts, bytes.length]) {
    out.push(...decoder.push(bytes.subarray(start, cut)))
    start = cut
  }
  return out
}

describe('encodeFrame', () => {
  it('writes type, big-endian length and payload in one buffer', () => {
    expect(encodeFrame(FrameType.request, Buffer.from([1, 2, 3]))).toEqual(
      Buffer.from([1, 0, 0, 0, 3, 1, 2, 3]),
    )
  })

  it('encodes a string payload as UTF-8 and counts bytes, not characters', () => {
    const frame = encodeFrame(FrameType.response, 'é€')
    expect(frame.readUInt32BE(1)).toBe(5)
    expect(frame.subarray(FRAME_HEADER_SIZE).toString('utf8')).toBe('é€')
  })

  it('encodes an empty payload as a bare header', () => {
    expect(encodeFrame(FrameType.heartbeat, '')).toEqual(Buffer.from([5, 0, 0, 0, 0]))
  })
})

describe('isFrameType', () => {
  it('accepts exactly 0x01 to 0x07', () => {
    const accepted = Array.from({ length: 256 }, (_, i) => i).filter(isFrameType)
    expect(accepted).toEqual([1, 2, 3, 4, 5, 6, 7])
  })
})

describe('FrameDecoder', () => {
  const frames = sampleFrames()
  const bytes = wire(frames)
  const expected = plain(frames)

  it('decodes coalesced frames from one chunk', () => {
    expect(plain(new FrameDecoder({ maxPayload: MAX }).push(bytes))).toEqual(expected)
  })

  it('decodes the stream split at every single byte boundary', () => {
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(plain(feed(new FrameDecoder({ maxPayload: MAX }), bytes, [cut])), `cut at ${cut}`).toEqual(
        expected,
      )
    }
  })

  it('decodes the stream split at every pair of boundaries', () => {
    for (let a = 1; a < bytes.length; a++) {
      for (let b = a; b < bytes.length; b++) {
        expect(plain(feed(new FrameDecoder({ maxPayload: MAX }), bytes, [a, b])), `cuts ${a},${b}`).toEqual(
          expected,
        )
      }
    }
  })

  it('decodes one byte at a time', () => {
    const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1)
    expect(plain(feed(new FrameDecoder({ maxPayload: MAX }), bytes, cuts))).toEqual(expected)
  })

  it('decodes random frames under random splits (seeded)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rng = createPrng(seed)
      const random = Array.from({ length: rng.int(1, 12) }, () => ({
        type: rng.int(1, 7) as FrameTypeCode,
        payload: rng.bytes(rng.pick([0, 1, 4, 5, 6, rng.int(0, MAX)])),
      }))
      const stream = wire(random)
      const cuts = Array.from({ length: rng.int(0, 20) }, () => rng.int(0, stream.length)).sort(
        (x, y) => x - y,
      )
      const decoder = new FrameDecoder({ maxPayload: MAX })
      expect(plain(feed(decoder, stream, cuts)), `seed ${seed}`).toEqual(plain(random))
      expect(decoder.partial).toBe(false)
    }
  })

  it('accepts a payload of exactly maxPayload bytes', () => {
    const [frame] = new FrameDecoder({ maxPayload: MAX }).push(
      encodeFrame(FrameType.request, Buffer.alloc(MAX, 7)),
    )
    expect(frame?.payload.length).toBe(MAX)
  })

  it('rejects maxPayload + 1 as soon as the header is complete, before any payload byte', () => {
    const decoder = new FrameDecoder({ maxPayload: MAX })
    const header = encodeFrame(FrameType.request, Buffer.alloc(MAX + 1)).subarray(0, FRAME_HEADER_SIZE)
    expect(decoder.push(header.subarray(0, 4))).toEqual([])
    expect(() => decoder.push(header.subarray(4))).toThrow(
      expect.objectContaining({ code: 'OD_FRAME_TOO_LARGE' }),
    )
    expect(decoder.bufferedBytes).toBe(0)
  })

  it('rejects a header announcing 4 GiB - 1 without allocating it', () => {
    const decoder = new FrameDecoder({ maxPayload: MAX })
    expect(() => decoder.push(Buffer.from([1, 0xff, 0xff, 0xff, 0xff]))).toThrow(
      /4294967295 bytes exceeds the limit of 1024/,
    )
  })

  it('rejects an unknown type with OD_BAD_FRAME naming it in hex', () => {
    const decoder = new FrameDecoder({ maxPayload: MAX })
    const error = (() => {
      try {
        decoder.push(Buffer.from([0x2a, 0, 0, 0, 0]))
      } catch (err) {
        return err
      }
    })()
    expect(error).toBeInstanceOf(DaemonError)
    expect(error).toMatchObject({ code: 'OD_BAD_FRAME', message: expect.stringContaining('0x2a') })
  })

  it('stays failed: later pushes throw the same error', () => {
    const decoder = new FrameDecoder({ maxPayload: MAX })
    expect(() => decoder.push(Buffer.from([0, 0, 0, 0, 0]))).toThrow()
    const first = decoder.error
    expect(first?.code).toBe('OD_BAD_FRAME')
    expect(() => decoder.push(encodeFrame(FrameType.request, '{}'))).toThrow(first as DaemonError)
  })

  it('reports a partial frame and its buffered bytes until it completes', () => {
    const decoder = new FrameDecoder({ maxPayload: MAX })
    const frame = encodeFrame(FrameType.request, 'abcdef')
    expect(decoder.partial).toBe(false)
    decoder.push(frame.subarray(0, 2))
    expect([decoder.partial, decoder.bufferedBytes]).toEqual([true, 2])
    decoder.push(frame.subarray(2, 8))
    expect([decoder.partial, decoder.bufferedBytes]).toEqual([true, 8])
    expect(decoder.push(frame.subarray(8))).toHaveLength(1)
    expect([decoder.partial, decoder.bufferedBytes, decoder.error]).toEqual([false, 0, null])
  })

  it('returns frames inside a chunk as views of it (no copy)', () => {
    const chunk = encodeFrame(FrameType.request, 'abc')
    const [frame] = new FrameDecoder({ maxPayload: MAX }).push(chunk)
    expect(frame?.payload.buffer).toBe(chunk.buffer)
  })

  it('decodes a 1 MiB frame fed in 7-byte chunks in linear time', () => {
    const payload = Buffer.alloc(1 << 20, 1)
    const stream = encodeFrame(FrameType.response, payload)
    const decoder = new FrameDecoder({ maxPayload: 2 << 20 })
    const out: Frame[] = []
    const started = performance.now()
    for (let i = 0; i < stream.length; i += 7) out.push(...decoder.push(stream.subarray(i, i + 7)))
    // A quadratic decoder (concat of the backlog per chunk) needs minutes here; linear takes well under a second.
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(out[0]?.payload.equals(payload)).toBe(true)
  })
})
