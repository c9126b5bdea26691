import { describe, expect, it } from 'vitest'
import {
  encodeAuthAnswer,
  encodeAuthChallenge,
  encodeAuthResult,
  parseAuthAnswer,
  parseAuthChallenge,
  parseAuthResult,
  sanitizeClientInfo,
} from '../../../src/ipc/auth-messages.js'

const NONCE = '0f'.repeat(32)
const buf = (value: unknown): Buffer => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))

describe('auth challenge', () => {
  it('round-trips', () => {
    const challenge = { v: 1, nonce: NONCE, version: '0.1.0', pid: 42 } as const
    expect(parseAuthChallenge(buf(encodeAuthChallenge(challenge)))).toEqual(challenge)
  })

  it('defaults a missing version and pid', () => {
    expect(parseAuthChallenge(buf({ v: 1, nonce: NONCE }))).toEqual({
      v: 1,
      nonce: NONCE,
      version: '',
      pid: 0,
    })
  })

  it.each([
    ['not JSON', '{'],
    ['an array', '[1]'],
    ['null', 'null'],
    ['another version', { v: 2, nonce: NONCE }],
    ['a short nonce', { v: 1, nonce: 'abc' }],
    ['an upper-case nonce', { v: 1, nonce: NONCE.toUpperCase() }],
  ])('rejects %s', (_name, value) => {
    expect(parseAuthChallenge(buf(value))).toBeNull()
  })
})

describe('auth answer', () => {
  it('round-trips', () => {
    const answer = {
      v: 1,
      hmac: 'ab'.repeat(32),
      client: { name: 'od-cli', version: '0.1.0', pid: 7 },
    } as const
    expect(parseAuthAnswer(buf(encodeAuthAnswer(answer)))).toEqual(answer)
  })

  it('requires a string hmac', () => {
    expect(parseAuthAnswer(buf({ v: 1, hmac: 5 }))).toBeNull()
    expect(parseAuthAnswer(buf('garbage'))).toBeNull()
  })

  it('sanitizes client info', () => {
    expect(sanitizeClientInfo(undefined)).toEqual({ name: 'unknown', version: '', pid: 0 })
    expect(sanitizeClientInfo({ name: 'x'.repeat(500), version: 3, pid: -1 })).toEqual({
      name: 'x'.repeat(100),
      version: '',
      pid: 0,
    })
    expect(sanitizeClientInfo({ pid: 1.5 }).pid).toBe(0)
    expect(sanitizeClientInfo({ pid: '9' }).pid).toBe(0)
  })
})

describe('auth result', () => {
  it('round-trips success and failure', () => {
    expect(parseAuthResult(buf(encodeAuthResult({ v: 1, ok: true })))).toEqual({ v: 1, ok: true })
    const failure = { v: 1, ok: false, error: { code: 'OD_AUTH_FAILED', message: 'no' } } as const
    expect(parseAuthResult(buf(encodeAuthResult(failure)))).toEqual(failure)
  })

  it.each([
    ['not JSON', 'x'],
    ['ok missing', { v: 1 }],
    ['a failure without error', { v: 1, ok: false }],
    ['a failure with a null error', { v: 1, ok: false, error: null }],
    ['an error without message', { v: 1, ok: false, error: { code: 'X' } }],
    ['an error with a numeric code', { v: 1, ok: false, error: { code: 1, message: 'm' } }],
  ])('rejects %s', (_name, value) => {
    expect(parseAuthResult(buf(value))).toBeNull()
  })
})
