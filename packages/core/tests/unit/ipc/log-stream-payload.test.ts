import { describe, expect, it } from 'vitest'
import { FrameDecoder } from '../../../src/ipc/frame-codec.js'
import { FrameType, LogSource } from '../../../src/ipc/frame-types.js'
import { decodeLogStreamPayload, encodeLogStreamFrame } from '../../../src/ipc/log-stream-payload.js'

describe('log stream payload', () => {
  it('round-trips stream id, source and bytes through a binary frame', () => {
    const frame = encodeLogStreamFrame(0xdeadbeef, LogSource.stderr, Buffer.from('boom\n'))
    const [decoded] = new FrameDecoder({ maxPayload: 100 }).push(frame)
    expect(decoded?.type).toBe(FrameType.binary)
    const chunk = decodeLogStreamPayload(decoded?.payload as Buffer)
    expect(chunk).toEqual({ streamId: 0xdeadbeef, source: 2, bytes: Buffer.from('boom\n') })
  })

  it('accepts empty log bytes', () => {
    const frame = encodeLogStreamFrame(1, LogSource.stdout, Buffer.alloc(0))
    expect(decodeLogStreamPayload(frame.subarray(5))).toEqual({
      streamId: 1,
      source: 1,
      bytes: Buffer.alloc(0),
    })
  })

  it('rejects a payload shorter than the 5-byte prefix', () => {
    expect(() => decodeLogStreamPayload(Buffer.from([0, 0, 0, 1]))).toThrow(
      expect.objectContaining({ code: 'OD_BAD_FRAME', message: expect.stringContaining('shorter than 5') }),
    )
  })

  it('rejects a source other than 1 or 2', () => {
    expect(() => decodeLogStreamPayload(Buffer.from([0, 0, 0, 1, 3, 65]))).toThrow(/source 3/)
  })
})
