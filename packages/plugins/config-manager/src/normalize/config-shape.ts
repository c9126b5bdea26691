/**
 * The top level of a config file: where its apps are (`apps`, PM2's legacy `pm2`, a single app
 * object, or a bare array), the `defaults` block, and which flavour the file is (§10.9, §10.10).
 */
import { basename } from 'node:path'
import type { IssueSink } from '../issues.js'
import { childPath } from '../value-path.js'
import type { ConfigFlavour } from './canonical-fields.js'

/** An app object as written, with its path (`apps[1]`). */
export interface RawApp {
  readonly value: Readonly<Record<string, unknown>>
  readonly path: string
}

/** The parts of a config file that resolution works on. */
export interface ConfigShape {
  readonly flavour: ConfigFlavour
  readonly apps: readonly RawApp[]
  readonly defaults: RawApp | null
}

const GOPM_KEYS = new Set([
  'name',
  'command',
  'args',
  'cwd',
  'interpreter',
  'env',
  'autorestart',
  'max_restarts',
  'min_uptime',
  'restart_delay',
  'max_delay',
  'kill_timeout',
  'exp_backoff',
  'log_out',
  'log_err',
  'max_log_size',
])

const APP_KEYS = ['script', 'exec', 'cmd', 'command']

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function appList(value: unknown, path: string, issues: IssueSink): RawApp[] {
  const items = Array.isArray(value)
    ? value.map((v, i) => ({ v, p: childPath(path, i) }))
    : [{ v: value, p: path }]
  const apps: RawApp[] = []
  for (const { v, p } of items) {
    if (isObject(v)) apps.push({ value: v, path: p })
    else issues.error('OD_CONFIG_INVALID', p, `expected an app object ({ script, ... }), got ${kindOf(v)}`)
  }
  return apps
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  return value === null ? 'null' : typeof value
}

function flavourOf(
  file: string,
  top: Record<string, unknown> | null,
  apps: readonly RawApp[],
): ConfigFlavour {
  const gopm =
    file.endsWith('.json') &&
    apps.length > 0 &&
    apps.every(
      (a) =>
        'command' in a.value && !('script' in a.value) && Object.keys(a.value).every((k) => GOPM_KEYS.has(k)),
    )
  if (gopm) return 'gopm'
  return basename(file).startsWith('ecosystem') || (top !== null && 'pm2' in top) ? 'pm2' : 'od'
}

const TOP_LEVEL_WARNINGS: Readonly<Record<string, string>> = {
  deploy: "PM2's SSH deploy (`pm2 deploy`) is not supported; see `od deploy` for local deployment strategies",
  static: '`pm2 serve` entries are not supported',
  daemon: 'daemon settings of a project file are not applied yet; put them in $OD_HOME/config.json',
  plugins: 'plugin settings of a project file are not applied yet; put them in $OD_HOME/config.json',
}

/**
 * Find the apps and defaults of a config value; problems go to `issues`.
 *
 * @example
 * ```ts
 * configShape({ apps: { script: 'a.js' } }, '/srv/ecosystem.json', issues).apps // [{ value: { script: 'a.js' }, path: 'apps' }]
 * ```
 */
export function configShape(value: unknown, file: string, issues: IssueSink): ConfigShape {
  if (Array.isArray(value)) {
    const apps = appList(value, '', issues)
    return { flavour: flavourOf(file, null, apps), apps, defaults: null }
  }
  if (!isObject(value)) {
    issues.error('OD_CONFIG_INVALID', '', `expected an object with "apps", got ${kindOf(value)}`)
    return { flavour: 'od', apps: [], defaults: null }
  }
  const key = 'apps' in value ? 'apps' : 'pm2' in value ? 'pm2' : null
  const single = key === null && APP_KEYS.some((k) => k in value)
  const apps = key !== null ? appList(value[key], key, issues) : single ? [{ value, path: '' }] : []
  if (key === null && !single)
    issues.error('OD_CONFIG_INVALID', 'apps', 'is missing. Add apps: [{ script: "app.js" }]')
  const flavour = flavourOf(file, value, apps)
  let defaults: RawApp | null = null
  if (!single) {
    for (const [top, item] of Object.entries(value)) {
      if (top === key) continue
      if (top === 'defaults') {
        if (isObject(item)) defaults = { value: item, path: 'defaults' }
        else
          issues.error(
            'OD_CONFIG_INVALID',
            'defaults',
            `expected an object of app fields, got ${kindOf(item)}`,
          )
      } else if (TOP_LEVEL_WARNINGS[top] !== undefined) {
        issues.warn(
          'OD_CONFIG_OPTION_UNSUPPORTED',
          top,
          `is not supported and was ignored (${TOP_LEVEL_WARNINGS[top]})`,
        )
      } else if (flavour === 'od') {
        issues.error(
          'OD_CONFIG_INVALID',
          top,
          'unknown top-level key (expected apps, defaults, daemon, plugins)',
        )
      } else {
        issues.warn('OD_CONFIG_OPTION_UNSUPPORTED', top, 'unknown top-level key, ignored')
      }
    }
  }
  return { flavour, apps, defaults }
}
