/**
 * Turning user and group names into numeric ids for spawn, from `/etc/passwd` and `/etc/group`.
 * Users that only exist in other NSS sources (LDAP, systemd-homed) need a numeric id.
 */
import { readFileSync } from 'node:fs'
import { optionError } from './spec-fields.js'

/**
 * Find `name` in a passwd(5) or group(5) file: both keep the numeric id in the third field.
 *
 * @returns The id, or `null` when no line names it.
 * @example
 * ```ts
 * import { lookupAccountId } from '@opendaemon/plugin-process-manager'
 *
 * lookupAccountId('root:x:0:0:root:/root:/bin/bash\nwww:x:33:33::/var/www:/bin/false\n', 'www') // 33
 * ```
 */
export function lookupAccountId(db: string, name: string): number | null {
  for (const line of db.split('\n')) {
    const fields = line.split(':')
    if (fields[0] === name && fields[2] !== undefined && /^\d+$/.test(fields[2])) return Number(fields[2])
  }
  return null
}

/** Reads the account database of a kind (`/etc/passwd` or `/etc/group`). */
export type AccountDbReader = (kind: 'user' | 'group') => string

/** The real reader. */
export const readAccountDb: AccountDbReader = (kind) =>
  readFileSync(kind === 'user' ? '/etc/passwd' : '/etc/group', 'utf8')

/**
 * The numeric id of a uid/gid option: numbers pass through, names are looked up.
 *
 * @throws {DaemonError} `OD_APP_OPTION_INVALID` for an unknown name.
 * @example
 * ```ts
 * import { resolveAccountId } from '@opendaemon/plugin-process-manager'
 *
 * resolveAccountId('root', 'user') // 0
 * ```
 */
export function resolveAccountId(
  value: number | string,
  kind: 'user' | 'group',
  read: AccountDbReader = readAccountDb,
): number {
  if (typeof value === 'number') return value
  const id = lookupAccountId(read(kind), value)
  if (id === null) {
    const field = kind === 'user' ? 'uid' : 'gid'
    const file = kind === 'user' ? '/etc/passwd' : '/etc/group'
    throw optionError(
      field,
      `no ${kind} named "${value}" in ${file}`,
      `Pass a numeric ${field}, or create the ${kind}.`,
    )
  }
  return id
}
