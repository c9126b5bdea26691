import { DaemonError } from '../errors/daemon-error.js'
import { FRAME_HEADER_SIZE, FrameType, LogSource, type LogSourceCode } from './frame-types.js'

/** Bytes before the raw log bytes in a binary frame payload: u32 BE stream id and u8 source. */
export const LOG_STREAM_PREFIX_SIZE = 5

/** A decoded binary (0x04) frame payload. */
export interface LogStreamChunk {
  streamId: number
  source: LogSourceCode
  bytes: Buffer
}

/**
 * Encode a complete binary log-stream frame (header included) in one allocation.
 *
 * @param streamId - Stream id (u32) chosen by whoever opened the stream.
 * @param source - 1 = stdout, 2 = stderr.
 * @param bytes - Raw output bytes.
 * @example
 * ```ts
 * import { LogSource, encodeLogStreamFrame } from '@opendaemon/core'
 *
 * const frame = encodeLogStreamFrame(7, LogSource.stdout, Buffer.from('hello\n'))
 * ```
 * @since 0.1.0
 */
export function encodeLogStreamFrame(streamId: number, source: LogSourceCode, bytes: Buffer): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER_SIZE + LOG_STREAM_PREFIX_SIZE + bytes.length)
  frame[0] = FrameType.binary
  frame.writeUInt32BE(LOG_STREAM_PREFIX_SIZE + bytes.length, 1)
  frame.writeUInt32BE(streamId, FRAME_HEADER_SIZE)
  frame[FRAME_HEADER_SIZE + 4] = source
  bytes.copy(frame, FRAME_HEADER_SIZE + LOG_STREAM_PREFIX_SIZE)
  return frame
}

/**
 * Decode the payload of a binary (0x04) frame.
 *
 * @throws {DaemonError} `OD_BAD_FRAME` when the payload is shorter than 5 bytes or the source is not 1 or 2.
 * @example
 * ```ts
 * import { LogSource, decodeLogStreamPayload, encodeLogStreamFrame } from '@opendaemon/core'
 *
 * const frame = encodeLogStreamFrame(7, LogSource.stderr, Buffer.from('oops\n'))
 * const chunk = decodeLogStreamPayload(frame.subarray(5)) // { streamId: 7, source: 2, bytes }
 * ```
 * @since 0.1.0
 */
export function decodeLogStreamPayload(payload: Buffer): LogStreamChunk {
  if (payload.length < LOG_STREAM_PREFIX_SIZE) {
    throw new DaemonError('OD_BAD_FRAME', `binary frame payload of ${payload.length} bytes is shorter than 5`)
  }
  const source = payload[4]
  if (source !== LogSource.stdout && source !== LogSource.stderr) {
    throw new DaemonError(
      'OD_BAD_FRAME',
      `binary frame source ${String(source)} is neither 1 (stdout) nor 2 (stderr)`,
    )
  }
  return { streamId: payload.readUInt32BE(0), source, bytes: payload.subarray(LOG_STREAM_PREFIX_SIZE) }
}
