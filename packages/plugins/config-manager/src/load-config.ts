/**
 * The config loader used by `od start <file>` and `od validate`: discovery, reading, resolving and
 * validation in one call, with the real file system and CPU count as injectable defaults.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { discoverConfig, type DiscoveryFs } from './load/discover-config.js'
import type { ImportDeps } from './load/import-config.js'
import { readConfig } from './load/read-config.js'
import { resolveConfig, type ResolvedConfig } from './resolve-config.js'

/** Everything loading touches outside pure code. */
export interface ConfigDeps extends ImportDeps, DiscoveryFs {
  readonly cpuCount: number
  statKind(path: string): 'file' | 'directory' | 'other' | null
}

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** The file given on the command line; `null` = discovery in `cwd`. */
  readonly file: string | null
  readonly cwd: string
  readonly profile: string | null
  readonly only: readonly string[] | null
  /** CLI flags given with the file (canonical field names), applied to every app. */
  readonly overlay?: Readonly<Record<string, unknown>>
}

/** A loaded config and the discovery candidates that were not used. */
export interface LoadedAppConfig extends ResolvedConfig {
  /** Other config files discovery found in the directory (a warning names them). */
  readonly ignored: readonly string[]
}

function statKind(path: string): 'file' | 'directory' | 'other' | null {
  try {
    const st = statSync(path)
    return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other'
  } catch {
    // Missing or unreadable: the caller reports "does not exist".
    return null
  }
}

/**
 * The real file system, CPU count and Node facts.
 *
 * @param selfModuleUrl - The running `opendaemon` package's entry, for configs importing it without
 *   having it installed.
 */
export function nodeConfigDeps(selfModuleUrl?: string): ConfigDeps {
  const features = process.features as { typescript?: unknown }
  return {
    nodeVersion: process.version,
    typeStripping: Boolean(features.typescript),
    selfModuleUrl,
    cpuCount: availableParallelism(),
    statKind,
    isFile: (path) => existsSync(path) && statKind(path) === 'file',
    readText: (path) => readFileSync(path, 'utf8'),
    writeText: (path, text) => writeFileSync(path, text, { mode: 0o600 }),
    remove: (path) => rmSync(path, { force: true }),
  }
}

/**
 * Find (or take), read, resolve and validate a config file. Problems in the file are returned in
 * `errors`/`warnings`; problems reading it are thrown.
 *
 * @throws {DaemonError} `OD_CONFIG_NOT_FOUND`, `OD_JSON_SYNTAX`, `OD_YAML_SYNTAX`, `OD_YAML_UNSUPPORTED`,
 *   `OD_CONFIG_LOAD_FAILED`, `OD_CONFIG_TS_UNSUPPORTED`, `OD_CONFIG_APP_NOT_FOUND`.
 * @example
 * ```ts
 * import { loadConfig, nodeConfigDeps } from '@opendaemon/plugin-config-manager'
 *
 * const config = await loadConfig(
 *   { file: 'ecosystem.config.js', cwd: '/srv/app', profile: 'production', only: null },
 *   nodeConfigDeps(),
 * )
 * for (const app of config.apps) console.log(app.name, app.request)
 * ```
 */
export async function loadConfig(options: LoadConfigOptions, deps: ConfigDeps): Promise<LoadedAppConfig> {
  const found =
    options.file === null ? discoverConfig(options.cwd, deps) : { file: options.file, ignored: [] }
  const loaded = await readConfig(found.file, options.cwd, deps, { profile: options.profile })
  const resolved = resolveConfig(loaded, {
    profile: options.profile,
    only: options.only,
    cpuCount: deps.cpuCount,
    statKind: deps.statKind,
    ...(options.overlay === undefined ? {} : { overlay: options.overlay }),
  })
  return { ...resolved, ignored: found.ignored }
}
