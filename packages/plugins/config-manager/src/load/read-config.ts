/**
 * Reading a config file into plain data: JSON/JSON5 and YAML are parsed (never evaluated) with the
 * position of every value; JavaScript and TypeScript modules are imported (see `import-config.ts`).
 */
import { DaemonError } from '@opendaemon/core'
import { basename, resolve } from 'node:path'
import { createIssueSink, type ConfigIssue } from '../issues.js'
import { parseJson5 } from '../json5/parse-json5.js'
import type { PositionMap } from '../value-path.js'
import { parseYamlLocated } from '../yaml/parse-yaml.js'
import type { YamlError } from '../yaml/yaml-error.js'
import { configFormat, type ConfigFormat } from './config-files.js'
import { importConfigModule, type ImportDeps } from './import-config.js'

/** A config file read into data, before normalisation. */
export interface LoadedConfig {
  /** Absolute path. */
  readonly file: string
  readonly format: ConfigFormat
  readonly value: unknown
  /** JSON and YAML only: path text → where the value starts. */
  readonly positions: PositionMap | undefined
  /** Duplicate keys and the like. */
  readonly warnings: readonly ConfigIssue[]
}

/** What reading needs from the outside. */
export type ReadConfigDeps = ImportDeps

/** Options of {@link readConfig}. */
export interface ReadConfigOptions {
  /** The `--env` profile, passed to a config module that exports a function. */
  readonly profile: string | null
}

function readSource(file: string, deps: ReadConfigDeps): string {
  try {
    return deps.readText(file)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new DaemonError('OD_CONFIG_NOT_FOUND', `${file} does not exist`, { cause: err })
    throw new DaemonError('OD_CONFIG_LOAD_FAILED', file, (err as Error).message, { cause: err })
  }
}

function readJson(file: string, text: string): LoadedConfig {
  const doc = parseJson5(text, { filename: basename(file) })
  const issues = createIssueSink(file, doc.positions)
  for (const dup of doc.duplicates) {
    issues.warn('OD_JSON_SYNTAX', dup.path, 'this key is written twice; the last value wins')
  }
  let value = doc.value
  if (basename(file) === 'package.json') {
    const field =
      typeof value === 'object' && value !== null && !Array.isArray(value) ? value['opendaemon'] : undefined
    if (field === undefined) {
      throw new DaemonError('OD_CONFIG_NOT_FOUND', `${file} has no "opendaemon" field`)
    }
    value = field
    return {
      file,
      format: 'json',
      value,
      positions: rebase(doc.positions, 'opendaemon'),
      warnings: issues.warnings,
    }
  }
  return { file, format: 'json', value, positions: doc.positions, warnings: issues.warnings }
}

/** Positions of the subtree under `key`, re-rooted so `apps[0]` means `opendaemon.apps[0]`. */
function rebase(positions: PositionMap, key: string): PositionMap {
  const out = new Map<string, { line: number; column: number }>()
  for (const [path, at] of positions) {
    if (path === key) out.set('', at)
    else if (path.startsWith(`${key}.`) || path.startsWith(`${key}[`)) {
      out.set(path.slice(key.length).replace(/^\./, ''), at)
    }
  }
  return out
}

function readYaml(file: string, text: string): LoadedConfig {
  try {
    const doc = parseYamlLocated(text, { filename: basename(file) })
    return { file, format: 'yaml', value: doc.value, positions: doc.positions, warnings: [] }
  } catch (caught) {
    // The parser throws YamlError only: nesting depth and alias expansion are bounded, so no
    // RangeError escapes it.
    const err = caught as YamlError
    throw new DaemonError(err.code, err.message, {
      cause: err,
      data: { file, line: err.line, column: err.column },
    })
  }
}

/**
 * Read the config at `path` (resolved against `cwd`) into data.
 *
 * @throws {DaemonError} `OD_CONFIG_NOT_FOUND`, `OD_JSON_SYNTAX`, `OD_YAML_SYNTAX`,
 *   `OD_YAML_UNSUPPORTED`, `OD_CONFIG_LOAD_FAILED`, `OD_CONFIG_TS_UNSUPPORTED`.
 * @example
 * ```ts
 * const loaded = await readConfig('ecosystem.config.js', '/srv/app', deps, { profile: null })
 * console.log(loaded.format, loaded.value)
 * ```
 */
export async function readConfig(
  path: string,
  cwd: string,
  deps: ReadConfigDeps,
  options: ReadConfigOptions,
): Promise<LoadedConfig> {
  const file = resolve(cwd, path)
  const format = configFormat(file) ?? 'json'
  if (format === 'ts' || format === 'js') {
    readSource(file, deps) // existence check with the same errors as data files
    const value = await importConfigModule(file, format, deps, options.profile)
    return { file, format, value, positions: undefined, warnings: [] }
  }
  const text = readSource(file, deps)
  return format === 'yaml' ? readYaml(file, text) : readJson(file, text)
}
