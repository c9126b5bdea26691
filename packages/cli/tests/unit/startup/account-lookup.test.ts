import { describe, expect, it } from 'vitest'
import { lookupAccount, parsePasswdLine } from '../../../src/startup/account-lookup.js'
import { PASSWD, tableRunner } from '../../support/startup-fixtures.js'

describe('parsePasswdLine', () => {
  it('reads name, uid, gid and home', () => {
    expect(parsePasswdLine('deploy:x:1000:1001:D:/home/deploy:/bin/sh\n')).toEqual({
      name: 'deploy',
      uid: 1000,
      gid: 1001,
      home: '/home/deploy',
    })
  })

  it.each(['', 'a:b:c', 'x:x:one:1::/h:/s', ':x:1:1::/h:/s'])('rejects %j', (line) => {
    expect(parsePasswdLine(line)).toBeNull()
  })
})

describe('lookupAccount', () => {
  it('uses getent passwd and getent group', async () => {
    const run = tableRunner(PASSWD)
    expect(await lookupAccount('deploy', run)).toEqual({
      name: 'deploy',
      uid: 1000,
      gid: 1001,
      group: 'staff',
      home: '/home/deploy',
    })
    expect(run.calls).toEqual([
      ['getent', 'passwd', 'deploy'],
      ['getent', 'group', '1001'],
    ])
  })

  it('falls back to the gid as group name when the group has no entry', async () => {
    const run = tableRunner({ 'getent passwd u': { stdout: 'u:x:5:77::/h:/s\n' }, getent: { code: 2 } })
    expect((await lookupAccount('u', run)).group).toBe('77')
  })

  it('an unknown user (or a name that looks like an option) → OD_STARTUP_USER_UNKNOWN, exit 2', async () => {
    await expect(lookupAccount('ghost', tableRunner(PASSWD))).rejects.toMatchObject({
      code: 'OD_STARTUP_USER_UNKNOWN',
      exitCode: 2,
      message: expect.stringContaining('No user account named "ghost"'),
    })
    const run = tableRunner(PASSWD)
    await expect(lookupAccount('--help', run)).rejects.toMatchObject({ code: 'OD_STARTUP_USER_UNKNOWN' })
    expect(run.calls).toEqual([])
  })

  it('without getent (macOS): id for the ids and group, dscl for the home', async () => {
    const run = tableRunner({
      getent: { code: 127 },
      'id -u ada': { stdout: '501\n' },
      'id -g ada': { stdout: '20\n' },
      'id -gn ada': { stdout: 'staff\n' },
      'dscl . -read /Users/ada NFSHomeDirectory': { stdout: 'NFSHomeDirectory: /Users/ada\n' },
    })
    expect(await lookupAccount('ada', run)).toEqual({
      name: 'ada',
      uid: 501,
      gid: 20,
      group: 'staff',
      home: '/Users/ada',
    })
  })

  it('without getent, dscl or a group name: /Users/<name> and the gid', async () => {
    const run = tableRunner({
      getent: { code: 127 },
      'id -u ada': { stdout: '501\n' },
      'id -g ada': { stdout: '20\n' },
      'id -gn ada': { code: 1 },
      dscl: { code: 127 },
    })
    expect(await lookupAccount('ada', run)).toMatchObject({ group: '20', home: '/Users/ada' })
  })

  it('without getent, an id failure means an unknown user', async () => {
    const run = tableRunner({ getent: { code: 127 }, id: { code: 1 } })
    await expect(lookupAccount('ada', run)).rejects.toMatchObject({ code: 'OD_STARTUP_USER_UNKNOWN' })
  })
})
