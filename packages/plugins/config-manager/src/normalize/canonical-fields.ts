/**
 * Renames the fields of one app (or of the `defaults` block) to their canonical names, so that
 * `max_restarts` in `defaults` and `maxRestarts` in an app merge instead of clashing. Unknown
 * fields are errors in OpenDaemon files and warnings in PM2/GoPM files; PM2 options without an
 * OpenDaemon equivalent and fields this version does not implement yet are warned about and dropped.
 */
import { didYouMean } from '@opendaemon/core'
import type { IssueSink } from '../issues.js'
import { childPath } from '../value-path.js'
import { PM2_IGNORED, type FieldInfo } from './field-table.js'

/** The flavour of a config file (§10.9, §10.10): it decides defaults and how strict unknown fields are. */
export type ConfigFlavour = 'od' | 'pm2' | 'gopm'

/** One app's fields under canonical names, and where each came from (path text, for messages). */
export interface CanonicalFields {
  readonly fields: Record<string, unknown>
  /** Canonical name → path of the key as written (`apps[0].max_restarts`). */
  readonly origin: Map<string, string>
  /** Profile name → its `env_<profile>` object and path. */
  readonly profiles: Map<string, { value: unknown; path: string }>
}

const PROFILE = /^env_([A-Za-z0-9_-]+)$/

/**
 * Canonical fields of the object at `path`.
 *
 * @example
 * ```ts
 * canonicalFields({ max_restarts: 3 }, 'apps[0]', 'pm2', index, issues).fields // { maxRestarts: 3 }
 * ```
 */
export function canonicalFields(
  raw: Readonly<Record<string, unknown>>,
  path: string,
  flavour: ConfigFlavour,
  index: ReadonlyMap<string, FieldInfo>,
  issues: IssueSink,
): CanonicalFields {
  const out: CanonicalFields = { fields: {}, origin: new Map(), profiles: new Map() }
  for (const [key, value] of Object.entries(raw)) {
    const keyPath = childPath(path, key)
    if (value === undefined) continue
    const profile = PROFILE.exec(key)
    if (profile !== null) {
      out.profiles.set(profile[1] as string, { value, path: keyPath })
      continue
    }
    const info = index.get(key)
    if (info === undefined) {
      unknownField(key, keyPath, flavour, index, issues)
      continue
    }
    if (info.kind === 'later') {
      issues.warn(
        'OD_CONFIG_OPTION_UNSUPPORTED',
        keyPath,
        'is not supported by this version of OpenDaemon yet and was ignored',
      )
      continue
    }
    const first = out.origin.get(info.canonical)
    if (first !== undefined) {
      issues.error(
        'OD_APP_OPTION_INVALID',
        keyPath,
        `means the same option as ${first}. Keep only ${info.canonical}`,
      )
      continue
    }
    out.origin.set(info.canonical, keyPath)
    out.fields[info.canonical] = value
  }
  return out
}

function unknownField(
  key: string,
  keyPath: string,
  flavour: ConfigFlavour,
  index: ReadonlyMap<string, FieldInfo>,
  issues: IssueSink,
): void {
  const reason = PM2_IGNORED[key]
  if (reason === null) return
  if (reason !== undefined) {
    issues.warn(
      'OD_CONFIG_OPTION_UNSUPPORTED',
      keyPath,
      `is not supported by OpenDaemon and was ignored (${reason})`,
    )
    return
  }
  const guess = didYouMean(key, index.keys(), key.length <= 4 ? 1 : 2)
  const hint = guess === undefined ? '' : `; did you mean "${guess}"?`
  if (flavour === 'od') issues.error('OD_CONFIG_INVALID', keyPath, `unknown field${hint}`)
  else {
    const what = flavour === 'pm2' ? 'PM2' : 'GoPM'
    issues.warn('OD_CONFIG_OPTION_UNSUPPORTED', keyPath, `unknown ${what} option, ignored${hint}`)
  }
}
