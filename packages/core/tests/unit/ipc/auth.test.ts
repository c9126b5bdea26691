import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createHmac } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { computeHmac, isValidToken, readToken } from '../../../src/ipc/auth-client.js'
import { ensureToken, generateNonce, generateToken, verifyHmac } from '../../../src/ipc/auth.js'

const TOKEN = 'ab'.repeat(32)
const NONCE = 'cd'.repeat(32)

describe('tokens and HMAC', () => {
  it('generates distinct 64-hex tokens and nonces', () => {
    const values = [generateToken(), generateToken(), generateNonce(), generateNonce()]
    expect(new Set(values).size).toBe(4)
    for (const v of values) expect(isValidToken(v)).toBe(true)
  })

  it('computes HMAC-SHA256 keyed by the token text over the nonce text', () => {
    const expected = createHmac('sha256', Buffer.from(TOKEN, 'utf8'))
      .update(Buffer.from(NONCE, 'utf8'))
      .digest('hex')
    expect(computeHmac(TOKEN, NONCE)).toBe(expected)
  })

  it('verifies a correct HMAC, in lower or upper case', () => {
    const hmac = computeHmac(TOKEN, NONCE)
    expect(verifyHmac(TOKEN, NONCE, hmac)).toBe(true)
    expect(verifyHmac(TOKEN, NONCE, hmac.toUpperCase())).toBe(true)
  })

  it('rejects a wrong token, a wrong nonce and malformed answers', () => {
    const hmac = computeHmac(TOKEN, NONCE)
    expect(verifyHmac('ef'.repeat(32), NONCE, hmac)).toBe(false)
    expect(verifyHmac(TOKEN, 'ef'.repeat(32), hmac)).toBe(false)
    for (const bad of [undefined, 42, '', hmac.slice(2), `${hmac}00`, 'zz'.repeat(32)]) {
      expect(verifyHmac(TOKEN, NONCE, bad)).toBe(false)
    }
  })
})

describe('token file', () => {
  let dir: string
  let path: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
    path = join(dir, 'auth-token')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const mode = (): number => lstatSync(path).mode & 0o777

  it('creates a 0600 file with a fresh token and leaves no temporary file', async () => {
    const result = await ensureToken(path)
    expect(result.status).toBe('created')
    expect(readFileSync(path, 'utf8')).toBe(result.token)
    expect(mode()).toBe(0o600)
    expect(readdirSync(dir)).toEqual(['auth-token'])
  })

  it('reuses a valid private token (a trailing newline is fine)', async () => {
    writeFileSync(path, `${TOKEN}\n`, { mode: 0o600 })
    expect(await ensureToken(path)).toEqual({ token: TOKEN, status: 'reused' })
  })

  it('replaces a token other users could read, with a new one in a 0600 file', async () => {
    writeFileSync(path, TOKEN, { mode: 0o600 })
    chmodSync(path, 0o644)
    const result = await ensureToken(path)
    expect(result).toMatchObject({ status: 'replaced', reason: 'mode 0644 lets other users read it' })
    expect(result.token).not.toBe(TOKEN)
    expect([readFileSync(path, 'utf8'), mode()]).toEqual([result.token, 0o600])
    expect(readdirSync(dir)).toEqual(['auth-token'])
  })

  it('replaces a file whose content is not a token', async () => {
    writeFileSync(path, 'hello', { mode: 0o600 })
    expect(await ensureToken(path)).toMatchObject({
      status: 'replaced',
      reason: expect.stringContaining('not a 64'),
    })
  })

  it('replaces a symlink itself, never writing through it', async () => {
    const target = join(dir, 'elsewhere')
    writeFileSync(target, TOKEN, { mode: 0o600 })
    symlinkSync(target, path)
    const result = await ensureToken(path)
    expect(result).toMatchObject({ status: 'replaced', reason: 'not a regular file' })
    expect(lstatSync(path).isFile()).toBe(true)
    expect(readFileSync(target, 'utf8')).toBe(TOKEN)
  })

  it('hands every concurrent caller the same token', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => ensureToken(path)))
    const tokens = new Set(results.map((r) => r.token))
    expect(tokens.size).toBe(1)
    expect(results.filter((r) => r.status === 'created')).toHaveLength(1)
    expect(readdirSync(dir)).toEqual(['auth-token'])
  })

  it('propagates errors other than a missing file', async () => {
    writeFileSync(join(dir, 'file'), '')
    await expect(ensureToken(join(dir, 'file', 'auth-token'))).rejects.toMatchObject({ code: 'ENOTDIR' })
  })

  it('reads a client copy of the token', async () => {
    writeFileSync(path, `${TOKEN}\n`)
    expect(await readToken(path)).toBe(TOKEN)
  })

  it('fails to read a missing or malformed token with OD_AUTH_FAILED naming the file', async () => {
    await expect(readToken(path)).rejects.toMatchObject({
      code: 'OD_AUTH_FAILED',
      message: expect.stringContaining(path),
    })
    writeFileSync(path, 'nope')
    await expect(readToken(path)).rejects.toMatchObject({
      code: 'OD_AUTH_FAILED',
      data: { reason: 'not a token' },
    })
  })
})
