import { describe, expect, it } from 'vitest'
import { currentUid, untrustedFileReason } from '../../src/file-trust.js'

describe('untrustedFileReason', () => {
  it('trusts a file of the user or of root that only they can write', () => {
    expect(untrustedFileReason({ uid: 1000, mode: 0o100644 }, 1000)).toBeNull()
    expect(untrustedFileReason({ uid: 0, mode: 0o100600 }, 1000)).toBeNull()
  })

  it('distrusts another user’s file', () => {
    expect(untrustedFileReason({ uid: 1001, mode: 0o100600 }, 1000)).toBe(
      'it is owned by uid 1001, not by you (uid 1000) or root',
    )
  })

  it('distrusts a group- or world-writable file', () => {
    expect(untrustedFileReason({ uid: 1000, mode: 0o100666 }, 1000)).toBe(
      'mode 0666 lets other users change it',
    )
    expect(untrustedFileReason({ uid: 1000, mode: 0o100620 }, 1000)).toMatch(/0620/)
  })
})

describe('currentUid', () => {
  it('is the uid of this process', () => {
    expect(currentUid()).toBe(process.getuid?.())
  })
})
