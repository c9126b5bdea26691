/**
 * Which files are configs (SPECIFICATION.md §10.1), in which format, and the names discovery looks
 * for, in order (§10.2).
 */
import { basename } from 'node:path'

/** How a config file is read. */
export type ConfigFormat = 'ts' | 'js' | 'json' | 'yaml'

/** Discovery order: the first that exists wins (`package.json` only with an "opendaemon" field). */
export const CONFIG_CANDIDATES = [
  'opendaemon.config.ts',
  'opendaemon.config.mts',
  'opendaemon.config.js',
  'opendaemon.config.mjs',
  'opendaemon.config.cjs',
  'opendaemon.config.json',
  'opendaemon.config.yaml',
  'opendaemon.config.yml',
  '.opendaemonrc',
  'package.json',
  'ecosystem.config.js',
  'ecosystem.config.cjs',
  'ecosystem.config.mjs',
  'ecosystem.config.ts',
  'ecosystem.json',
  'ecosystem.json5',
  'ecosystem.yaml',
  'ecosystem.yml',
] as const

const MODULE = /\.(?:[cm]?js|[cm]?ts)$/

/**
 * The format of a config file by its name; `null` when the name is not a config format.
 *
 * @example
 * ```ts
 * configFormat('/srv/app/ecosystem.config.cjs') // 'js'
 * ```
 */
export function configFormat(file: string): ConfigFormat | null {
  const name = basename(file)
  if (name === '.opendaemonrc' || /\.json5?$/.test(name)) return 'json'
  if (/\.ya?ml$/.test(name)) return 'yaml'
  if (/\.[cm]?ts$/.test(name)) return 'ts'
  if (/\.[cm]?js$/.test(name)) return 'js'
  return null
}

/**
 * PM2's rule for `od start <file>`: JSON, JSON5, YAML and `.opendaemonrc` are configs; a JS or TS
 * file only when its name ends in `.config.<ext>` or starts with `ecosystem` — any other is a
 * script to run.
 *
 * @example
 * ```ts
 * isConfigTarget('ecosystem.config.js') // true
 * isConfigTarget('server.js') // false
 * ```
 */
export function isConfigTarget(target: string): boolean {
  const name = basename(target)
  const format = configFormat(name)
  if (format === null) return false
  if (!MODULE.test(name)) return true
  return /\.config\.[cm]?[jt]s$/.test(name) || name.startsWith('ecosystem')
}
