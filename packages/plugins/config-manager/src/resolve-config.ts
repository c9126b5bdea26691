/**
 * From a read config file to the start requests of its apps (SPECIFICATION.md §10.8): shape and
 * flavour, canonical fields, defaults and profiles, then validation of every app with the process
 * manager's normaliser. All problems are collected; nothing here starts anything.
 */
import { DaemonError } from '@opendaemon/core'
import { dirname } from 'node:path'
import { createIssueSink, type ConfigIssue } from './issues.js'
import type { ConfigFormat } from './load/config-files.js'
import type { LoadedConfig } from './load/read-config.js'
import { buildAppRequest } from './normalize/app-request.js'
import { canonicalFields, type ConfigFlavour } from './normalize/canonical-fields.js'
import { configShape } from './normalize/config-shape.js'
import { createFieldIndex } from './normalize/field-table.js'
import type { SecretRef } from './normalize/secret-refs.js'
import { validateAppRequest } from './normalize/validate-app.js'

/** Options of {@link resolveConfig}. */
export interface ResolveOptions {
  /** The `--env` profile. */
  readonly profile: string | null
  /** `--only`: the app names to keep (after validating the whole file). */
  readonly only: readonly string[] | null
  /** Fields given on the command line with the file, applied to every app. */
  readonly overlay?: Readonly<Record<string, unknown>>
  readonly cpuCount: number
  statKind(path: string): 'file' | 'directory' | 'other' | null
}

/** One app, ready for `process.start`. */
export interface ResolvedApp {
  /** `apps[1]` */
  readonly path: string
  readonly name: string
  /** The start request: canonical field names, absolute `cwd`, defaults and profile applied. */
  readonly request: Record<string, unknown>
  /** Secret references in `env` (they need the secret manager at start). */
  readonly secrets: readonly SecretRef[]
}

/** A resolved config file. `errors` non-empty means nothing may start. */
export interface ResolvedConfig {
  readonly file: string
  readonly format: ConfigFormat
  readonly flavour: ConfigFlavour
  readonly profile: string | null
  /** In file order; only the `--only` ones when given. */
  readonly apps: readonly ResolvedApp[]
  readonly errors: readonly ConfigIssue[]
  readonly warnings: readonly ConfigIssue[]
}

/**
 * Resolve and validate every app of a loaded config.
 *
 * @throws {DaemonError} `OD_CONFIG_APP_NOT_FOUND` when `only` names an app the (valid) file lacks.
 * @example
 * ```ts
 * const resolved = resolveConfig(await readConfig(file, cwd, deps, { profile: null }), {
 *   profile: null, only: null, cpuCount: 4, statKind,
 * })
 * if (resolved.errors.length > 0) throw configInvalidError(resolved.file, resolved.errors)
 * ```
 */
export function resolveConfig(loaded: LoadedConfig, options: ResolveOptions): ResolvedConfig {
  const issues = createIssueSink(loaded.file, loaded.positions)
  issues.warnings.push(...loaded.warnings)
  const shape = configShape(loaded.value, loaded.file, issues)
  const index = createFieldIndex()
  const configDir = dirname(loaded.file)
  const defaults =
    shape.defaults === null
      ? null
      : canonicalFields(shape.defaults.value, shape.defaults.path, shape.flavour, index, issues)
  const ctx = { ...options, configDir, flavour: shape.flavour, overlay: options.overlay ?? {} }
  const specContext = { baseCwd: configDir, cpuCount: options.cpuCount, statKind: options.statKind }
  const apps: ResolvedApp[] = []
  const names = new Map<string, string>()
  for (const app of shape.apps) {
    const fields = canonicalFields(app.value, app.path, shape.flavour, index, issues)
    const built = buildAppRequest(fields, defaults, app.path, ctx, issues)
    const spec = validateAppRequest(built.request, built.origin, app.path, specContext, issues)
    if (spec === null) continue
    const name = built.nameSuffix === null ? spec.name : `${spec.name}-${built.nameSuffix}`
    const first = names.get(name)
    const namePath = built.origin.get('name') ?? `${app.path}.name`
    if (first !== undefined)
      issues.error('OD_CONFIG_INVALID', namePath, `"${name}" is already used by ${first}`)
    names.set(name, app.path)
    apps.push({ path: app.path, name, request: { ...built.request, name }, secrets: built.secrets })
  }
  const selected = selectApps(apps, options.only, loaded.file, issues.errors.length === 0)
  return {
    file: loaded.file,
    format: loaded.format,
    flavour: shape.flavour,
    profile: options.profile,
    apps: selected,
    errors: issues.errors,
    warnings: issues.warnings,
  }
}

function selectApps(
  apps: readonly ResolvedApp[],
  only: readonly string[] | null,
  file: string,
  valid: boolean,
): ResolvedApp[] {
  if (only === null) return [...apps]
  const missing = only.filter((name) => !apps.some((app) => app.name === name))
  if (missing.length > 0 && valid) {
    const known = apps.map((app) => app.name).join(', ')
    throw new DaemonError('OD_CONFIG_APP_NOT_FOUND', missing.map((n) => `"${n}"`).join(', '), file, known)
  }
  return apps.filter((app) => only.includes(app.name))
}
