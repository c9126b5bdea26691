/**
 * The account the service runs as (SPECIFICATION.md §22.2): uid, primary group and home from
 * `getent passwd` / `getent group`, or `id` and `dscl` where there is no getent (macOS).
 */
import { DaemonError } from '@opendaemon/core'
import type { RunCommand } from './command-runner.js'
import type { Account } from './startup-target.js'

/**
 * One `passwd` line (`name:x:uid:gid:gecos:home:shell`) without the group name, or null when it is
 * not one.
 *
 * @example
 * ```ts
 * parsePasswdLine('deploy:x:1000:1000::/home/deploy:/bin/sh') // { name: 'deploy', uid: 1000, gid: 1000, home: '/home/deploy' }
 * ```
 */
export function parsePasswdLine(line: string): Omit<Account, 'group'> | null {
  const fields = line.trim().split(':')
  if (fields.length < 7) return null
  const [name = '', , uid = '', gid = '', , home = ''] = fields
  if (!/^\d+$/.test(uid) || !/^\d+$/.test(gid) || name === '') return null
  return { name, uid: Number(uid), gid: Number(gid), home }
}

/**
 * Looks `name` up.
 *
 * @throws {DaemonError} `OD_STARTUP_USER_UNKNOWN` when no account has that name.
 * @example
 * ```ts
 * const account = await lookupAccount('deploy', execRunner(process.env))
 * ```
 */
export async function lookupAccount(name: string, run: RunCommand): Promise<Account> {
  // A name such as "-x" would read as an option of getent or id.
  if (!/^[A-Za-z0-9_.][A-Za-z0-9_.@-]*\$?$/.test(name)) throw new DaemonError('OD_STARTUP_USER_UNKNOWN', name)
  const passwd = await run(['getent', 'passwd', name])
  if (passwd.code === 127) return lookupWithId(name, run)
  const entry = passwd.code === 0 ? parsePasswdLine(passwd.stdout.split('\n')[0] as string) : null
  if (entry === null) throw new DaemonError('OD_STARTUP_USER_UNKNOWN', name)
  const group = await run(['getent', 'group', String(entry.gid)])
  const groupName = group.code === 0 ? (group.stdout.split(':')[0] as string) : ''
  return { ...entry, group: groupName === '' ? String(entry.gid) : groupName }
}

async function lookupWithId(name: string, run: RunCommand): Promise<Account> {
  const [uid, gid, group, home] = await Promise.all([
    run(['id', '-u', name]),
    run(['id', '-g', name]),
    run(['id', '-gn', name]),
    run(['dscl', '.', '-read', `/Users/${name}`, 'NFSHomeDirectory']),
  ])
  if (uid.code !== 0 || gid.code !== 0) throw new DaemonError('OD_STARTUP_USER_UNKNOWN', name)
  const dir = /NFSHomeDirectory:\s*(\S.*)/.exec(home.stdout)?.[1]?.trim()
  return {
    name,
    uid: Number(uid.stdout.trim()),
    gid: Number(gid.stdout.trim()),
    group: group.code === 0 ? group.stdout.trim() : gid.stdout.trim(),
    home: home.code === 0 && dir !== undefined ? dir : `/Users/${name}`,
  }
}
