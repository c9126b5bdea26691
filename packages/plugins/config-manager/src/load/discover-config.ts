import { DaemonError } from '@opendaemon/core'
import { join } from 'node:path'
import { CONFIG_CANDIDATES } from './config-files.js'

/** The file reads discovery needs (injected: tests pass a fake directory). */
export interface DiscoveryFs {
  /** Whether a regular file exists at `path`. */
  isFile(path: string): boolean
  readText(path: string): string
}

/** The config found in a directory, and the other candidates that were ignored. */
export interface DiscoveredConfig {
  readonly file: string
  readonly ignored: readonly string[]
}

function hasOpendaemonField(fs: DiscoveryFs, path: string): boolean {
  try {
    const pkg: unknown = JSON.parse(fs.readText(path))
    return typeof pkg === 'object' && pkg !== null && 'opendaemon' in pkg
  } catch {
    // An unreadable or invalid package.json is simply not a config; npm reports it elsewhere.
    return false
  }
}

/**
 * Finds the config file of `dir` (that directory only, no walking up): the first of
 * {@link CONFIG_CANDIDATES} that exists; the others found are returned so the caller can warn.
 *
 * @throws {DaemonError} `OD_CONFIG_NOT_FOUND` naming the directory and the names searched.
 * @example
 * ```ts
 * const { file, ignored } = discoverConfig('/srv/app', nodeDiscoveryFs)
 * ```
 */
export function discoverConfig(dir: string, fs: DiscoveryFs): DiscoveredConfig {
  const found = CONFIG_CANDIDATES.map((name) => join(dir, name)).filter(
    (path) => fs.isFile(path) && (!path.endsWith('package.json') || hasOpendaemonField(fs, path)),
  )
  const [file, ...ignored] = found
  if (file === undefined) {
    throw new DaemonError(
      'OD_CONFIG_NOT_FOUND',
      `No config file in ${dir} (looked for ${CONFIG_CANDIDATES.join(', ')})`,
    )
  }
  return { file, ignored }
}
