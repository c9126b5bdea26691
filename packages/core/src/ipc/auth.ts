/**
 * Shared-secret authentication of IPC clients, daemon side: creating the auth-token file, nonces and
 * constant-time verification (the client side is in `auth-client.ts`).
 *
 * Wire rule (other-language clients need it exactly): `hmac = hex(HMAC-SHA256(key, msg))` where `key`
 * is the UTF-8 bytes of the 64-character hex token as stored in the file and `msg` is the UTF-8 bytes
 * of the 64-character hex nonce from the challenge.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { link, lstat, open, readFile, rename, unlink } from 'node:fs/promises'
import { isValidToken } from './auth-client.js'
import { currentUid } from './current-uid.js'
import { tokenFileProblem } from './file-ownership.js'

const HMAC_PATTERN = /^[0-9a-fA-F]{64}$/

/** What {@link ensureToken} did with the token file. */
export type TokenFileStatus = 'created' | 'reused' | 'replaced'

/** Result of {@link ensureToken}. */
export interface TokenFile {
  token: string
  status: TokenFileStatus
  /** Why an existing file was replaced (only when `status` is `'replaced'`). */
  reason?: string
}

/**
 * A new token: 32 random bytes as 64 lowercase hex characters.
 *
 * @example
 * ```ts
 * import { generateToken } from '@opendaemon/core'
 *
 * generateToken().length // 64
 * ```
 * @since 0.1.0
 */
export function generateToken(): string {
  return randomBytes(32).toString('hex')
}

/**
 * A challenge nonce: 32 random bytes as 64 lowercase hex characters.
 *
 * @example
 * ```ts
 * import { generateNonce } from '@opendaemon/core'
 *
 * generateNonce().length // 64
 * ```
 * @since 0.1.0
 */
export function generateNonce(): string {
  return randomBytes(32).toString('hex')
}

/**
 * Check a client's answer in constant time. Anything that is not 64 hex characters is rejected.
 *
 * @example
 * ```ts
 * import { computeHmac, verifyHmac } from '@opendaemon/core'
 *
 * const token = 'a'.repeat(64)
 * const nonce = 'b'.repeat(64)
 * verifyHmac(token, nonce, computeHmac(token, nonce)) // true
 * ```
 * @since 0.1.0
 */
export function verifyHmac(token: string, nonce: string, hmac: unknown): boolean {
  if (typeof hmac !== 'string' || !HMAC_PATTERN.test(hmac)) return false
  const expected = createHmac('sha256', token).update(nonce).digest()
  return timingSafeEqual(expected, Buffer.from(hmac, 'hex'))
}

/**
 * Daemon side: make sure `path` holds a private token and return it.
 *
 * - Missing: a new token is written to a temporary file (mode 0600 from creation) and hard-linked
 *   into place, so no reader ever sees a partial file and a concurrent creator loses cleanly.
 * - Present, a regular file owned by this user, mode without group/other bits, 64 hex characters:
 *   reused, so running clients keep working.
 * - Anything else (group/other permission bits, another owner, a symlink, bad content): REPLACED by a
 *   fresh token via an atomic rename. A token others could read must be treated as leaked, so fixing
 *   the mode alone would not be enough; clients read the file on every connect and pick up the new one.
 *
 * @example
 * ```ts
 * import { ensureToken } from '@opendaemon/core'
 *
 * const { token, status } = await ensureToken('/home/me/.opendaemon/auth-token')
 * ```
 * @since 0.1.0
 */
export async function ensureToken(path: string): Promise<TokenFile> {
  const problem = await inspectTokenFile(path)
  if (problem === 'missing') {
    const token = generateToken()
    if (await linkIntoPlace(await writeTempToken(path, token), path)) return { token, status: 'created' }
    // Another process created it between our lstat and link: use theirs (validated again).
    return ensureToken(path)
  }
  if (typeof problem === 'string') {
    const token = generateToken()
    await rename(await writeTempToken(path, token), path)
    return { token, status: 'replaced', reason: problem }
  }
  return { token: problem.token, status: 'reused' }
}

async function inspectTokenFile(path: string): Promise<'missing' | string | { token: string }> {
  let stats
  try {
    stats = await lstat(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw err
  }
  const facts = { mode: stats.mode, uid: stats.uid, isFile: stats.isFile(), isDirectory: stats.isDirectory() }
  const problem = tokenFileProblem(facts, currentUid(stats.uid))
  if (problem !== null) return problem
  const token = (await readFile(path, 'utf8')).trim()
  if (!isValidToken(token)) return 'content is not a 64-character hex token'
  return { token }
}

/** Hard-link `tmp` to `path` and remove `tmp`; false when `path` already exists. */
async function linkIntoPlace(tmp: string, path: string): Promise<boolean> {
  const failure = await link(tmp, path).then(
    () => null,
    (err: NodeJS.ErrnoException) => err,
  )
  await unlink(tmp)
  if (failure === null) return true
  if (failure.code === 'EEXIST') return false
  throw failure
}

async function writeTempToken(path: string, token: string): Promise<string> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  const handle = await open(tmp, 'wx', 0o600)
  try {
    await handle.writeFile(token)
    await handle.sync()
  } finally {
    await handle.close()
  }
  return tmp
}
