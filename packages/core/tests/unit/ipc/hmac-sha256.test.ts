import { createHash, createHmac, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hmacSha256Hex, sha256 } from '../../../src/ipc/hmac-sha256.js'
import { createPrng } from './prng.js'

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(hex(sha256(new Uint8Array(0)))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
    const twoBlocks = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'
    expect(hex(sha256(new TextEncoder().encode(twoBlocks)))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    )
  })

  it('agrees with node:crypto at every length around the padding boundaries', () => {
    for (let length = 0; length <= 200; length++) {
      const data = randomBytes(length)
      expect(hex(sha256(data)), `length ${length}`).toBe(createHash('sha256').update(data).digest('hex'))
    }
  })
})

describe('hmacSha256Hex', () => {
  it('matches RFC 4231 test case 2 and the classic fox example', () => {
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
    expect(hmacSha256Hex('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    )
  })

  it('hashes keys longer than a block first, like node:crypto', () => {
    const key = 'k'.repeat(131)
    expect(hmacSha256Hex(key, 'msg')).toBe(createHmac('sha256', key).update('msg').digest('hex'))
  })

  it('agrees with node:crypto on random tokens, nonces and non-ASCII text', () => {
    const random = createPrng(7)
    for (let i = 0; i < 200; i++) {
      const key = random.bytes(random.int(1, 90)).toString(i % 2 === 0 ? 'hex' : 'latin1')
      const message = random.bytes(random.int(0, 150)).toString(i % 3 === 0 ? 'hex' : 'latin1')
      expect(hmacSha256Hex(key, message)).toBe(createHmac('sha256', key).update(message).digest('hex'))
    }
  })
})
