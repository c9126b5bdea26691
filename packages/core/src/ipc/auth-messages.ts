/**
 * The JSON bodies of the auth frames (0x06 challenge, 0x07 response and result), built and parsed as
 * pure functions. Parsers return null for anything malformed; callers decide what that means.
 */
import type { IpcClientInfo } from '../events.js'

/** 0x06, server → client. */
export interface AuthChallenge {
  v: 1
  nonce: string
  version: string
  pid: number
}

/** 0x07, client → server. */
export interface AuthAnswer {
  v: 1
  hmac: string
  client: IpcClientInfo
}

/** 0x07, server → client. */
export type AuthResult = { v: 1; ok: true } | { v: 1; ok: false; error: { code: string; message: string } }

const NONCE_PATTERN = /^[0-9a-f]{64}$/
const MAX_NAME = 100

function parseObject(payload: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(payload.toString('utf8'))
    if (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      (value as { v?: unknown }).v === 1
    ) {
      return value as Record<string, unknown>
    }
  } catch {
    // Not JSON: reported as malformed (null) below.
  }
  return null
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value.slice(0, MAX_NAME) : fallback
}

/**
 * Normalise the `client` member of an auth answer: missing or wrongly typed fields get neutral
 * defaults and strings are capped at 100 characters, because it only feeds logs and `od daemon status`.
 *
 * @example
 * ```ts
 * import { sanitizeClientInfo } from '@opendaemon/core'
 *
 * sanitizeClientInfo({ name: 'od-cli', pid: 42 }) // { name: 'od-cli', version: '', pid: 42 }
 * ```
 */
export function sanitizeClientInfo(value: unknown): IpcClientInfo {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  const pid = raw['pid']
  return {
    name: text(raw['name'], 'unknown'),
    version: text(raw['version'], ''),
    pid: typeof pid === 'number' && Number.isSafeInteger(pid) && pid >= 0 ? pid : 0,
  }
}

/**
 * JSON of a challenge frame.
 *
 * @example
 * ```ts
 * import { encodeAuthChallenge, generateNonce } from '@opendaemon/core'
 *
 * encodeAuthChallenge({ v: 1, nonce: generateNonce(), version: '0.1.0', pid: 1234 })
 * ```
 */
export function encodeAuthChallenge(challenge: AuthChallenge): string {
  return JSON.stringify(challenge)
}

/** Parse a challenge payload, or null when it is malformed. */
export function parseAuthChallenge(payload: Buffer): AuthChallenge | null {
  const obj = parseObject(payload)
  if (!obj) return null
  const { nonce, version, pid } = obj
  if (typeof nonce !== 'string' || !NONCE_PATTERN.test(nonce)) return null
  return {
    v: 1,
    nonce,
    version: typeof version === 'string' ? version : '',
    pid: typeof pid === 'number' ? pid : 0,
  }
}

/**
 * JSON of an auth answer.
 *
 * @example
 * ```ts
 * import { computeHmac, encodeAuthAnswer } from '@opendaemon/core'
 *
 * const hmac = computeHmac('a'.repeat(64), 'b'.repeat(64))
 * encodeAuthAnswer({ v: 1, hmac, client: { name: 'od-cli', version: '0.1.0', pid: process.pid } })
 * ```
 */
export function encodeAuthAnswer(answer: AuthAnswer): string {
  return JSON.stringify(answer)
}

/** Parse an auth answer payload, or null when it is malformed. */
export function parseAuthAnswer(payload: Buffer): AuthAnswer | null {
  const obj = parseObject(payload)
  if (!obj || typeof obj['hmac'] !== 'string') return null
  return { v: 1, hmac: obj['hmac'], client: sanitizeClientInfo(obj['client']) }
}

/**
 * JSON of an auth result.
 *
 * @example
 * ```ts
 * import { encodeAuthResult } from '@opendaemon/core'
 *
 * encodeAuthResult({ v: 1, ok: true }) // '{"v":1,"ok":true}'
 * ```
 */
export function encodeAuthResult(result: AuthResult): string {
  return JSON.stringify(result)
}

/** Parse an auth result payload, or null when it is malformed. */
export function parseAuthResult(payload: Buffer): AuthResult | null {
  const obj = parseObject(payload)
  if (!obj) return null
  if (obj['ok'] === true) return { v: 1, ok: true }
  const error = obj['error']
  if (obj['ok'] !== false || typeof error !== 'object' || error === null) return null
  const { code, message } = error as Record<string, unknown>
  if (typeof code !== 'string' || typeof message !== 'string') return null
  return { v: 1, ok: false, error: { code, message } }
}
