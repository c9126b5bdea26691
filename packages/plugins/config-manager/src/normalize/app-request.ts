/**
 * Builds one app's start request from its canonical fields (SPECIFICATION.md §10.8): format
 * defaults < `defaults` block < the app < CLI flags, `env` merged key by key, the `--env` profile
 * overlaid, PM2's quirks applied (instances 0/-1, `exec_mode`, a script with spaces run through a
 * shell), and secret references collected.
 */
import { isAbsolute, resolve } from 'node:path'
import type { IssueSink } from '../issues.js'
import type { CanonicalFields, ConfigFlavour } from './canonical-fields.js'
import { collectSecretRefs, type SecretRef } from './secret-refs.js'

/** The facts and options one app's request depends on. */
export interface AppRequestContext {
  /** The config file's directory: relative `cwd` values resolve against it. */
  readonly configDir: string
  readonly flavour: ConfigFlavour
  /** The `--env` profile, or null. */
  readonly profile: string | null
  readonly cpuCount: number
  statKind(path: string): 'file' | 'directory' | 'other' | null
  /** Fields given on the command line with the file (canonical names), applied to every app. */
  readonly overlay: Readonly<Record<string, unknown>>
}

/** One app's start request and what was learnt building it. */
export interface AppRequest {
  readonly request: Record<string, unknown>
  /** Canonical field → path of the key as written, for messages. */
  readonly origin: ReadonlyMap<string, string>
  readonly secrets: readonly SecretRef[]
  /** `append_env_to_name` with an active profile: the profile is appended to the resolved name. */
  readonly nameSuffix: string | null
}

/** The defaults profile of each flavour (§10.9, §10.10); OpenDaemon's own come from the process manager. */
const FORMAT_DEFAULTS: Readonly<Record<ConfigFlavour, Readonly<Record<string, unknown>>>> = {
  od: {},
  pm2: { killSignal: 'SIGINT', killTimeout: 1600 },
  gopm: { restartDelay: 1000, maxRestarts: 15, minUptime: 5000, maxDelay: 30_000, killTimeout: 5000 },
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function mergeEnv(...layers: unknown[]): unknown {
  const objects = layers.filter((l) => l !== undefined)
  if (!objects.every(isObject)) return objects[objects.length - 1]
  return objects.length === 0 ? undefined : Object.assign({}, ...objects)
}

function profileEnv(
  app: CanonicalFields,
  defaults: CanonicalFields | null,
  appPath: string,
  ctx: AppRequestContext,
  issues: IssueSink,
): unknown[] {
  for (const { value, path } of [...(defaults?.profiles.values() ?? []), ...app.profiles.values()]) {
    if (!isObject(value)) issues.error('OD_CONFIG_INVALID', path, 'expected an object of variables, like env')
  }
  if (ctx.profile === null) return []
  const layers = [defaults?.profiles.get(ctx.profile)?.value, app.profiles.get(ctx.profile)?.value]
  if (layers.every((l) => l === undefined)) {
    const name = typeof app.fields['name'] === 'string' ? ` (${app.fields['name']})` : ''
    issues.warn(
      'OD_ENV_PROFILE_NOT_FOUND',
      appPath,
      `${name.trim()} has no env_${ctx.profile}; using env`.trim(),
    )
  }
  return layers.filter(isObject)
}

function applyInstances(request: Record<string, unknown>, cpuCount: number): void {
  const value = request['instances']
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value
  if (n === 0) request['instances'] = 'max'
  else if (typeof n === 'number' && Number.isInteger(n) && n < 0 && n > -1024) {
    request['instances'] = Math.max(1, cpuCount + n)
  }
}

function applyPm2Options(
  request: Record<string, unknown>,
  origin: ReadonlyMap<string, string>,
  issues: IssueSink,
): void {
  const mode = request['execMode']
  delete request['execMode']
  if (mode === 'cluster' || mode === 'cluster_mode') {
    issues.warn(
      'OD_CONFIG_OPTION_UNSUPPORTED',
      origin.get('execMode') as string,
      'cluster mode is not available in this version yet; the instances run in fork mode',
    )
  } else if (mode !== undefined && mode !== 'fork' && mode !== 'fork_mode') {
    issues.error('OD_APP_OPTION_INVALID', origin.get('execMode') as string, 'expected "fork" or "cluster"')
  }
  const interpreter = request['interpreter']
  if (typeof interpreter === 'string' && interpreter.startsWith('node@')) {
    delete request['interpreter']
    issues.warn(
      'OD_CONFIG_OPTION_UNSUPPORTED',
      origin.get('interpreter') as string,
      "nvm-managed versions are not supported; using the daemon's node (set an absolute path instead)",
    )
  }
  const sourceMaps = request['sourceMapSupport']
  delete request['sourceMapSupport']
  if (sourceMaps === true) {
    const args = request['interpreterArgs']
    request['interpreterArgs'] = Array.isArray(args)
      ? [...(args as unknown[]), '--enable-source-maps']
      : typeof args === 'string'
        ? `${args} --enable-source-maps`
        : ['--enable-source-maps']
  }
}

/** A script with spaces that is not a file runs through a shell; PM2 names such an app after the whole line. */
function applyShellRule(request: Record<string, unknown>, ctx: AppRequestContext): void {
  const { script, cwd } = request
  if (typeof script !== 'string' || !/\s/.test(script.trim()) || request['shell'] !== undefined) return
  if (typeof cwd !== 'string' || ctx.statKind(resolve(cwd, script)) !== null) return
  request['shell'] = true
  if (ctx.flavour === 'pm2' && request['name'] === undefined) {
    const name = script
      .trim()
      .replace(/[^A-Za-z0-9_.@-]+/g, '-')
      .replace(/^[^A-Za-z0-9_]+/, '')
      .slice(0, 100)
    if (name !== '') request['name'] = name
  }
}

/**
 * The start request of one app.
 *
 * @example
 * ```ts
 * const { request } = buildAppRequest(app, defaults, 'apps[0]', ctx, issues)
 * ```
 */
export function buildAppRequest(
  app: CanonicalFields,
  defaults: CanonicalFields | null,
  appPath: string,
  ctx: AppRequestContext,
  issues: IssueSink,
): AppRequest {
  const origin = new Map([...(defaults?.origin ?? []), ...app.origin])
  const request: Record<string, unknown> = {
    ...FORMAT_DEFAULTS[ctx.flavour],
    ...defaults?.fields,
    ...app.fields,
    ...ctx.overlay,
  }
  const profiles = profileEnv(app, defaults, appPath, ctx, issues)
  const env = mergeEnv(defaults?.fields['env'], app.fields['env'], ...profiles, ctx.overlay['env'])
  if (env === undefined) delete request['env']
  else request['env'] = env
  const cwd = request['cwd'] ?? '.'
  if (typeof cwd === 'string') request['cwd'] = isAbsolute(cwd) ? cwd : resolve(ctx.configDir, cwd)
  applyInstances(request, ctx.cpuCount)
  applyPm2Options(request, origin, issues)
  applyShellRule(request, ctx)
  const append = request['appendEnvToName'] === true && ctx.profile !== null
  delete request['appendEnvToName']
  const secrets = collectSecretRefs(request['env'], origin.get('env') ?? `${appPath}.env`, issues)
  return { request, origin, secrets, nameSuffix: append ? ctx.profile : null }
}
