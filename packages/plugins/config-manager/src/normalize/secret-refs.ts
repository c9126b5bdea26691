/**
 * Secret references in `env` (`{ secret: 'db-url', version?: 2, as?: 'env' | 'file' }`, §16.3): the
 * schema accepts them; they resolve only at spawn, through the secret manager.
 */
import type { IssueSink } from '../issues.js'
import { childPath } from '../value-path.js'

/** A reference found in an app's env. */
export interface SecretRef {
  /** `apps[0].env.DATABASE_URL` */
  readonly path: string
  readonly secret: string
}

const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/
const REF_KEYS = new Set(['secret', 'version', 'as'])

function checkRef(ref: Record<string, unknown>, path: string, issues: IssueSink): boolean {
  const { secret, version, as } = ref
  const extra = Object.keys(ref).find((k) => !REF_KEYS.has(k))
  let problem: string | null = null
  if (typeof secret !== 'string' || !SECRET_NAME.test(secret)) {
    problem = 'secret: expected a secret name (letters, digits, "_", ".", "-"; up to 128)'
  } else if (version !== undefined && !(Number.isInteger(version) && (version as number) >= 1)) {
    problem = 'version: expected an integer of 1 or more'
  } else if (as !== undefined && as !== 'env' && as !== 'file') {
    problem = 'as: expected "env" or "file"'
  } else if (extra !== undefined) {
    problem = `${extra}: unknown key of a secret reference (secret, version, as)`
  }
  if (problem !== null) issues.error('OD_CONFIG_INVALID', path, `invalid secret reference: ${problem}`)
  return problem === null
}

/**
 * The secret references among `env`'s values (other object values are JSON-stringified by the
 * process manager, as PM2 does).
 *
 * @example
 * ```ts
 * collectSecretRefs({ DB: { secret: 'db-url' } }, 'apps[0].env', issues) // [{ path: 'apps[0].env.DB', secret: 'db-url' }]
 * ```
 */
export function collectSecretRefs(env: unknown, envPath: string, issues: IssueSink): SecretRef[] {
  if (typeof env !== 'object' || env === null || Array.isArray(env)) return []
  const refs: SecretRef[] = []
  for (const [key, value] of Object.entries(env)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !('secret' in value)) continue
    const path = childPath(envPath, key)
    if (checkRef(value as Record<string, unknown>, path, issues))
      refs.push({ path, secret: value.secret as string })
  }
  return refs
}
