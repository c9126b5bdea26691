import { chmodSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { judgeHome, prepareHome } from '../../src/home-dir.js'
import { createTempHomes } from '../support/temp-home.js'

const dir = (mode: number, uid = 1000) => ({
  isDirectory: true,
  isSymbolicLink: false,
  uid,
  mode: 0o40000 | mode,
})

describe('judgeHome', () => {
  it('uses a private directory of the user', () => {
    expect(judgeHome('/h', dir(0o700), 1000)).toEqual({ action: 'use', warning: null })
  })

  it('refuses a symlink, a file and another user’s directory', () => {
    const link = judgeHome('/h', { ...dir(0o700), isSymbolicLink: true }, 1000)
    expect(link).toMatchObject({ action: 'refuse', error: { code: 'OD_HOME_UNUSABLE' } })
    expect(link.action === 'refuse' && link.error.message).toContain('symlink')
    const file = judgeHome('/h', { ...dir(0o600), isDirectory: false }, 1000)
    expect(file).toMatchObject({ action: 'refuse', error: { code: 'OD_HOME_UNUSABLE' } })
    const other = judgeHome('/h', dir(0o700, 1001), 1000)
    expect(other.action === 'refuse' && other.error.message).toContain(
      'owned by uid 1001, not by you (uid 1000)',
    )
  })

  it('lets root use any owner’s directory', () => {
    expect(judgeHome('/h', dir(0o700, 1001), 0)).toEqual({ action: 'use', warning: null })
  })

  it('refuses a group- or world-writable home with OD_HOME_INSECURE and the chmod fix', () => {
    const verdict = judgeHome('/h', dir(0o777), 1000)
    expect(verdict).toMatchObject({ action: 'refuse', error: { code: 'OD_HOME_INSECURE' } })
    expect(verdict.action === 'refuse' && verdict.error.message).toContain('mode 0777')
    expect(verdict.action === 'refuse' && verdict.error.message).toContain('chmod 700 /h')
    expect(judgeHome('/h', dir(0o720), 1000).action).toBe('refuse')
  })

  it('warns about a group- or world-readable home', () => {
    const verdict = judgeHome('/h', dir(0o750), 1000)
    expect(verdict).toMatchObject({ action: 'use', warning: { code: 'OD_HOME_INSECURE' } })
  })
})

describe('prepareHome', () => {
  const homes = createTempHomes()
  afterEach(() => homes.cleanup())

  it('creates a missing home (and its parents) with mode 0700', async () => {
    const home = join(homes.make(), 'a', 'b')
    expect(await prepareHome(home)).toBeNull()
    expect(statSync(home).mode & 0o777).toBe(0o700)
    expect(statSync(join(home, '..')).mode & 0o777).toBe(0o700)
  })

  it('keeps an existing private home as it is', async () => {
    const home = homes.make()
    chmodSync(home, 0o700)
    expect(await prepareHome(home)).toBeNull()
  })

  it('refuses a world-writable home without changing it', async () => {
    const home = homes.make()
    chmodSync(home, 0o777)
    await expect(prepareHome(home)).rejects.toMatchObject({ code: 'OD_HOME_INSECURE' })
    expect(statSync(home).mode & 0o777).toBe(0o777)
  })

  it('returns a warning for a readable home', async () => {
    const home = homes.make()
    chmodSync(home, 0o755)
    expect(await prepareHome(home)).toMatchObject({ code: 'OD_HOME_INSECURE' })
  })

  it('refuses a symlink and a regular file', async () => {
    const base = homes.make()
    symlinkSync(base, join(base, 'link'))
    await expect(prepareHome(join(base, 'link'))).rejects.toMatchObject({ code: 'OD_HOME_UNUSABLE' })
    writeFileSync(join(base, 'file'), '')
    await expect(prepareHome(join(base, 'file'))).rejects.toMatchObject({ code: 'OD_HOME_UNUSABLE' })
  })

  it('refuses a home owned by another user', async () => {
    const home = homes.make()
    chmodSync(home, 0o700)
    const owner = statSync(home).uid
    await expect(prepareHome(home, owner + 4242)).rejects.toThrow(/owned by uid/)
  })

  it('refuses a path below a regular file', async () => {
    const base = homes.make()
    writeFileSync(join(base, 'file'), '')
    await expect(prepareHome(join(base, 'file', 'sub'))).rejects.toMatchObject({ code: 'OD_HOME_UNUSABLE' })
  })

  it('reports a path the system cannot create', async () => {
    const base = homes.make()
    await expect(prepareHome(join(base, 'x'.repeat(300)))).rejects.toThrow(/ENAMETOOLONG/)
  })

  it('refuses a home it cannot write to', async () => {
    // /proc/1 is a directory nobody may create files in, not even root.
    await expect(prepareHome('/proc/1', 0)).rejects.toThrow(/not writable/)
  })

  it('creates directories that ignore a narrow umask', async () => {
    const previous = process.umask(0o277)
    try {
      const home = join(homes.make(), 'narrow')
      await prepareHome(home)
      expect(statSync(home).mode & 0o777).toBe(0o700)
    } finally {
      process.umask(previous)
    }
  })
})
