/**
 * Client side of the challenge/response handshake: reading the token file and answering the
 * challenge. Loads neither `node:crypto` nor `node:fs/promises`, so the CLI's start-up stays small.
 *
 * Wire rule (other-language clients need it exactly): `hmac = hex(HMAC-SHA256(key, msg))` where `key`
 * is the UTF-8 bytes of the 64-character hex token as stored in the file and `msg` is the UTF-8 bytes
 * of the 64-character hex nonce from the challenge.
 */
import { readFile } from 'node:fs'
import { DaemonError } from '../errors/daemon-error.js'
import { hmacSha256Hex } from './hmac-sha256.js'

const TOKEN_PATTERN = /^[0-9a-f]{64}$/

/**
 * True when `text` has the shape of a token (64 lowercase hex characters).
 *
 * @example
 * ```ts
 * import { isValidToken } from '@opendaemon/core'
 *
 * isValidToken('abc') // false
 * ```
 */
export function isValidToken(text: string): boolean {
  return TOKEN_PATTERN.test(text)
}

/**
 * The answer to a challenge: `hex(HMAC-SHA256(key = token, msg = nonce))`.
 *
 * @example
 * ```ts
 * import { computeHmac } from '@opendaemon/core'
 *
 * computeHmac('a'.repeat(64), 'b'.repeat(64)).length // 64
 * ```
 * @since 0.1.0
 */
export function computeHmac(token: string, nonce: string): string {
  return hmacSha256Hex(token, nonce)
}

/**
 * Read a client's copy of the token.
 *
 * @throws {DaemonError} `OD_AUTH_FAILED` (naming `path`) when the file is missing, unreadable or not a token.
 * @example
 * ```ts
 * import { readToken } from '@opendaemon/core'
 *
 * const token = await readToken('/home/me/.opendaemon/auth-token')
 * ```
 * @since 0.1.0
 */
export function readToken(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    readFile(path, 'utf8', (err, content) => {
      if (err !== null) return reject(new DaemonError('OD_AUTH_FAILED', path, { cause: err }))
      const text = content.trim()
      if (!isValidToken(text)) {
        return reject(new DaemonError('OD_AUTH_FAILED', path, { data: { reason: 'not a token' } }))
      }
      resolve(text)
    })
  })
}
