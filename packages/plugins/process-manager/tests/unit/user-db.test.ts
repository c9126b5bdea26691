import { describe, expect, it } from 'vitest'
import { lookupAccountId, readAccountDb, resolveAccountId } from '../../src/user-db.js'

const passwd =
  'root:x:0:0:root:/root:/bin/bash\n# comment\nbroken:x:abc:1::/:/bin/false\nwww:x:33:33::/var/www:/bin/false\n'
const group = 'root:x:0:\nstaff:x:50:alice,bob\n'

describe('lookupAccountId', () => {
  it('finds the id in the third field', () => {
    expect(lookupAccountId(passwd, 'www')).toBe(33)
    expect(lookupAccountId(group, 'staff')).toBe(50)
  })

  it('returns null for unknown names and malformed lines', () => {
    expect(lookupAccountId(passwd, 'nobody-here')).toBeNull()
    expect(lookupAccountId(passwd, 'broken')).toBeNull()
    expect(lookupAccountId('short', 'short')).toBeNull()
  })
})

describe('resolveAccountId', () => {
  const read = (kind: 'user' | 'group'): string => (kind === 'user' ? passwd : group)

  it('passes numbers through and looks names up', () => {
    expect(resolveAccountId(1000, 'user', read)).toBe(1000)
    expect(resolveAccountId('www', 'user', read)).toBe(33)
    expect(resolveAccountId('staff', 'group', read)).toBe(50)
  })

  it('names the option and the file for an unknown name', () => {
    expect(() => resolveAccountId('ghost', 'user', read)).toThrow(
      'uid: no user named "ghost" in /etc/passwd. Pass a numeric uid, or create the user.',
    )
    expect(() => resolveAccountId('ghost', 'group', read)).toThrow(
      'gid: no group named "ghost" in /etc/group.',
    )
  })

  it('reads the real databases', () => {
    expect(resolveAccountId('root', 'user')).toBe(0)
    expect(lookupAccountId(readAccountDb('group'), 'root')).toBe(0)
  })
})
