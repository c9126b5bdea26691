import { DaemonError } from '../errors/daemon-error.js'
import { FRAME_HEADER_SIZE, isFrameType, type FrameTypeCode } from './frame-types.js'

/** One decoded frame. `payload` may share memory with the chunk it came from: do not mutate it. */
export interface Frame {
  type: FrameTypeCode
  payload: Buffer
}

const EMPTY = Buffer.alloc(0)

/**
 * Encode one frame into a single Buffer (header and payload together, so it goes out in one write).
 * A string payload is written as UTF-8 without an intermediate copy.
 *
 * @param type - Frame type code from {@link FrameType}.
 * @param payload - Raw bytes or a string (UTF-8 encoded).
 * @returns `[type u8][length u32 BE][payload]`.
 * @throws RangeError when the payload is 4 GiB or larger.
 * @example
 * ```ts
 * import { FrameType, encodeFrame } from '@opendaemon/core'
 *
 * const frame = encodeFrame(FrameType.request, '{"jsonrpc":"2.0","id":1,"method":"daemon.status"}')
 * ```
 * @since 0.1.0
 */
export function encodeFrame(type: FrameTypeCode, payload: Buffer | string): Buffer {
  if (typeof payload === 'string') {
    const length = Buffer.byteLength(payload, 'utf8')
    const frame = Buffer.allocUnsafe(FRAME_HEADER_SIZE + length)
    frame[0] = type
    frame.writeUInt32BE(length, 1)
    frame.write(payload, FRAME_HEADER_SIZE, 'utf8')
    return frame
  }
  const frame = Buffer.allocUnsafe(FRAME_HEADER_SIZE + payload.length)
  frame[0] = type
  frame.writeUInt32BE(payload.length, 1)
  payload.copy(frame, FRAME_HEADER_SIZE)
  return frame
}

/** Options of {@link FrameDecoder}. */
export interface FrameDecoderOptions {
  /** Largest payload accepted, in bytes. A header announcing more fails at once, before any buffering. */
  maxPayload: number
}

/**
 * Streaming frame decoder. Feed it socket chunks in any split; it returns every frame completed by
 * each chunk. Each byte is copied at most once (complete frames inside a chunk are zero-copy views),
 * so decoding is O(n) however the stream is split.
 *
 * `push` throws a {@link DaemonError} as soon as a header is invalid: `OD_FRAME_TOO_LARGE` when the
 * announced length exceeds `maxPayload`, `OD_BAD_FRAME` for an unknown type. The decoder is then
 * failed: the stream cannot be resynchronised, every later `push` throws the same error, and frames
 * completed earlier in the failing chunk are discarded (the caller closes the connection anyway).
 *
 * @example
 * ```ts
 * import { FrameDecoder, FrameType, encodeFrame } from '@opendaemon/core'
 *
 * const decoder = new FrameDecoder({ maxPayload: 1024 })
 * const bytes = encodeFrame(FrameType.request, '{}')
 * decoder.push(bytes.subarray(0, 3)) // [] (header incomplete)
 * const [frame] = decoder.push(bytes.subarray(3)) // { type: 1, payload: <Buffer 7b 7d> }
 * ```
 * @since 0.1.0
 */
export class FrameDecoder {
  readonly maxPayload: number
  private readonly header = Buffer.alloc(FRAME_HEADER_SIZE)
  private headerFill = 0
  /** Type of the frame whose body is being received, or 0 while reading a header. */
  private bodyType = 0
  private bodyLength = 0
  private bodyMissing = 0
  private bodyParts: Buffer[] = []
  private failure: DaemonError | null = null

  constructor(options: FrameDecoderOptions) {
    this.maxPayload = options.maxPayload
  }

  /** True while a frame has started (at least one byte received) but is not complete. */
  get partial(): boolean {
    return this.headerFill > 0 || this.bodyType !== 0
  }

  /** Bytes of the incomplete frame held so far (header bytes included). */
  get bufferedBytes(): number {
    if (this.bodyType === 0) return this.headerFill
    return FRAME_HEADER_SIZE + this.bodyLength - this.bodyMissing
  }

  /** The error that failed this decoder, or null. */
  get error(): DaemonError | null {
    return this.failure
  }

  /**
   * Consume one chunk and return the frames it completed, in order.
   *
   * @throws {DaemonError} `OD_FRAME_TOO_LARGE` or `OD_BAD_FRAME`; the decoder stays failed.
   */
  push(chunk: Buffer): Frame[] {
    if (this.failure) throw this.failure
    const frames: Frame[] = []
    let offset = 0
    const end = chunk.length
    while (offset < end) {
      if (this.bodyType !== 0) {
        offset = this.continueBody(chunk, offset, frames)
        continue
      }
      let type: number
      let length: number
      if (this.headerFill === 0 && end - offset >= FRAME_HEADER_SIZE) {
        type = chunk[offset] as number
        length = chunk.readUInt32BE(offset + 1)
        offset += FRAME_HEADER_SIZE
      } else {
        const take = Math.min(FRAME_HEADER_SIZE - this.headerFill, end - offset)
        chunk.copy(this.header, this.headerFill, offset, offset + take)
        this.headerFill += take
        offset += take
        if (this.headerFill < FRAME_HEADER_SIZE) break
        this.headerFill = 0
        type = this.header[0] as number
        length = this.header.readUInt32BE(1)
      }
      this.checkHeader(type, length)
      if (end - offset >= length) {
        frames.push({
          type: type as FrameTypeCode,
          payload: length === 0 ? EMPTY : chunk.subarray(offset, offset + length),
        })
        offset += length
      } else {
        this.bodyType = type
        this.bodyLength = length
        this.bodyMissing = length
      }
    }
    return frames
  }

  private checkHeader(type: number, length: number): void {
    if (!isFrameType(type)) {
      this.failure = new DaemonError(
        'OD_BAD_FRAME',
        `unknown frame type 0x${type.toString(16).padStart(2, '0')}`,
      )
    } else if (length > this.maxPayload) {
      this.failure = new DaemonError('OD_FRAME_TOO_LARGE', length, this.maxPayload)
    }
    if (this.failure) {
      this.headerFill = 0
      throw this.failure
    }
  }

  private continueBody(chunk: Buffer, offset: number, frames: Frame[]): number {
    const take = Math.min(this.bodyMissing, chunk.length - offset)
    this.bodyParts.push(chunk.subarray(offset, offset + take))
    this.bodyMissing -= take
    if (this.bodyMissing === 0) {
      const parts = this.bodyParts
      const payload = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, this.bodyLength)
      frames.push({ type: this.bodyType as FrameTypeCode, payload })
      this.bodyType = 0
      this.bodyParts = []
    }
    return offset + take
  }
}
