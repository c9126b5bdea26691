import { describe, expect, it } from 'vitest'
import { checkPrivileges, type SpawnSpec } from '../../src/spawner.js'

const spec = (extra: Partial<SpawnSpec>): SpawnSpec => ({
  command: 'app',
  args: [],
  cwd: '/',
  env: {},
  ...extra,
})
const user = { uid: 1000, gid: 100 }

describe('checkPrivileges', () => {
  it('lets root do anything', () => {
    expect(() => checkPrivileges(spec({ uid: 5, gid: 5, nice: -20 }), { uid: 0, gid: 0 })).not.toThrow()
  })

  it('lets a user keep its own ids and lower its priority', () => {
    expect(() => checkPrivileges(spec({ uid: 1000, gid: 100, nice: 10 }), user)).not.toThrow()
  })

  it('refuses another uid or gid without root, naming the fix', () => {
    expect(() => checkPrivileges(spec({ uid: 0 }), user)).toThrow(
      'uid: running as uid 0 needs a daemon running as root (it runs as uid 1000). Run the daemon as root, or leave uid out.',
    )
    expect(() => checkPrivileges(spec({ gid: 0 }), user)).toThrow(
      /^gid: running as gid 0 needs a daemon running as root/,
    )
  })

  it('refuses a negative nice value without root', () => {
    expect(() => checkPrivileges(spec({ nice: -1 }), user)).toThrow(
      expect.objectContaining({
        code: 'OD_APP_OPTION_INVALID',
        message: expect.stringMatching(/^nice: a negative nice value \(-1\)/),
      }),
    )
  })
})
