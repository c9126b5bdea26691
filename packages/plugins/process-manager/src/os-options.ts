/**
 * The operating-system options of a start request: user and group, nice value, umask and CPU
 * affinity. Validation only; applying them is the spawner's job (see `launch-wrappers.ts`).
 */
import {
  asInteger,
  asString,
  describe,
  findField,
  optionError,
  type FoundField,
  type RawFields,
} from './spec-fields.js'

/** Normalized OS options; `null` leaves the daemon's own value. */
export interface OsOptions {
  /** A numeric id, or a user name resolved when the app is spawned. */
  uid: number | string | null
  /** A numeric id, or a group name resolved when the app is spawned. */
  gid: number | string | null
  /** -20 (highest priority) to 19. */
  nice: number | null
  /** File-mode creation mask, 0 to 0o777. */
  umask: number | null
  /** CPU indexes the app may run on, ascending. */
  cpuAffinity: number[] | null
}

const ACCOUNT_NAME = /^[a-z_][a-z0-9_-]{0,31}\$?$/i

function parseAccount(field: FoundField | undefined, kind: 'user' | 'group'): number | string | null {
  if (field === undefined) return null
  if (typeof field.value === 'number' || (typeof field.value === 'string' && /^\d+$/.test(field.value))) {
    return asInteger(field, 0, 0xfffffffe)
  }
  const name = asString(field)
  if (!ACCOUNT_NAME.test(name)) {
    throw optionError(
      field.key,
      `"${name}" is not a valid ${kind} name or id`,
      `Pass a numeric id or an existing ${kind} name.`,
    )
  }
  return name
}

function parseUmask(field: FoundField | undefined): number | null {
  if (field === undefined) return null
  // Strings are octal ("022", "0o022"); numbers are taken as they are (0o22 in a .ts config).
  const value =
    typeof field.value === 'string' && /^(0o?)?[0-7]{1,4}$/i.test(field.value.trim())
      ? parseInt(field.value.trim().replace(/^0o/i, ''), 8)
      : field.value
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0o777) {
    throw optionError(
      field.key,
      `expected an octal mask from 000 to 777, got ${describe(field.value)}`,
      'Pass a string such as "022".',
    )
  }
  return value
}

function cpuRange(part: string, key: string): number[] {
  const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim())
  const from = Number(match?.[1] ?? NaN)
  const to = match?.[2] === undefined ? from : Number(match[2])
  if (!(to >= from)) {
    throw optionError(key, `"${part}" is not a CPU index or range`, 'Use indexes and ranges such as "0,2-3".')
  }
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

function parseCpuAffinity(field: FoundField | undefined, cpuCount: number): number[] | null {
  if (field === undefined) return null
  let cpus: number[]
  if (typeof field.value === 'string')
    cpus = field.value.split(',').flatMap((part) => cpuRange(part, field.key))
  else if (Array.isArray(field.value)) {
    cpus = field.value.map((v, i) =>
      asInteger({ key: `${field.key}[${i}]`, value: v }, 0, Number.MAX_SAFE_INTEGER),
    )
  } else
    throw optionError(
      field.key,
      `expected CPU indexes, got ${describe(field.value)}`,
      'Use a list such as [0, 1] or "0,2-3".',
    )
  if (cpus.length === 0)
    throw optionError(field.key, 'lists no CPU', 'Name at least one CPU, or leave the option out.')
  const missing = cpus.find((cpu) => cpu >= cpuCount)
  if (missing !== undefined) {
    throw optionError(
      field.key,
      `CPU ${missing} does not exist (this machine has CPUs 0-${cpuCount - 1})`,
      'Use existing CPU indexes.',
    )
  }
  return [...new Set(cpus)].sort((a, b) => a - b)
}

/**
 * Parse and validate the OS options of a start request.
 *
 * @param cpuCount - CPUs available to the daemon (`os.availableParallelism()`), for `cpuAffinity`.
 * @throws {DaemonError} `OD_APP_OPTION_INVALID` naming the key and the fix.
 * @example
 * ```ts
 * import { parseOsOptions } from '@opendaemon/plugin-process-manager'
 *
 * parseOsOptions({ user: 'www-data', nice: 5, umask: '027', cpu_affinity: '0-1' }, 4)
 * // { uid: 'www-data', gid: null, nice: 5, umask: 23, cpuAffinity: [0, 1] }
 * ```
 */
export function parseOsOptions(input: RawFields, cpuCount: number): OsOptions {
  const nice = findField(input, 'nice')
  return {
    uid: parseAccount(findField(input, 'uid', ['user']), 'user'),
    gid: parseAccount(findField(input, 'gid', ['group']), 'group'),
    nice: nice === undefined ? null : asInteger(nice, -20, 19),
    umask: parseUmask(findField(input, 'umask')),
    cpuAffinity: parseCpuAffinity(findField(input, 'cpuAffinity', ['cpus']), cpuCount),
  }
}
