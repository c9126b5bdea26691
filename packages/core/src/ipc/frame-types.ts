/**
 * The seven IPC frame types. A frame on the wire is `[type u8][length u32 BE][payload]`.
 *
 * @example
 * ```ts
 * import { FrameType, encodeFrame } from '@opendaemon/core'
 *
 * const ping = encodeFrame(FrameType.heartbeat, Buffer.from([0x00]))
 * ```
 * @since 0.1.0
 */
export const FrameType = {
  /** JSON-RPC request, batch, or request without id (notification). Client → server. */
  request: 0x01,
  /** JSON-RPC response or batch of responses. Server → client. */
  response: 0x02,
  /** JSON-RPC notification (`method: "event"` for bus events). Both directions. */
  notification: 0x03,
  /** Binary log stream: u32 BE stream id, u8 source (1 stdout, 2 stderr), raw bytes. Server → client. */
  binary: 0x04,
  /** Heartbeat: one byte, 0x00 ping or 0x01 pong. A ping is answered by a pong. Both directions. */
  heartbeat: 0x05,
  /** Auth challenge `{v, nonce, version, pid}`. Server → client, first frame of every connection. */
  authChallenge: 0x06,
  /** Auth response `{v, hmac, client}` (client → server) or result `{v, ok, error?}` (server → client). */
  authResponse: 0x07,
} as const

/** Name of a frame type (`'request'`, `'heartbeat'`, …). */
export type FrameTypeName = keyof typeof FrameType

/** Numeric code of a frame type (0x01 … 0x07). */
export type FrameTypeCode = (typeof FrameType)[FrameTypeName]

/** Size of the frame header: one type byte and a 32-bit big-endian payload length. */
export const FRAME_HEADER_SIZE = 5

/** Heartbeat payload bytes. */
export const Heartbeat = { ping: 0x00, pong: 0x01 } as const

/** Log stream source byte of a binary frame. */
export const LogSource = { stdout: 1, stderr: 2 } as const

/** Log stream source: 1 = stdout, 2 = stderr. */
export type LogSourceCode = (typeof LogSource)[keyof typeof LogSource]

/**
 * True when `value` is one of the seven frame type codes.
 *
 * @example
 * ```ts
 * import { isFrameType } from '@opendaemon/core'
 *
 * isFrameType(0x05) // true
 * isFrameType(0x2a) // false
 * ```
 */
export function isFrameType(value: number): value is FrameTypeCode {
  return value >= FrameType.request && value <= FrameType.authResponse
}
