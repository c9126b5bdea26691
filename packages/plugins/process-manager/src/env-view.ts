/**
 * What `od env` shows of an environment (§5.11, §16.4): every variable sorted by key, the values of
 * keys that look secret replaced by `••••••` unless the caller asked for plain values. Pure.
 */

/** Keys whose values are masked (`secrets.maskPattern` default, §16.4), case-insensitive. */
export const MASK_PATTERN = /(PASS(WORD)?|SECRET|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|AUTH)/i

/** What stands in for a masked value. */
export const MASKED_VALUE = '••••••'

/** The redacted view of one environment. */
export interface EnvView {
  /** Sorted by key. */
  env: Record<string, string>
  /** The keys whose values were replaced, sorted. */
  masked: string[]
}

/**
 * Sort `env` by key and mask the values of keys matching {@link MASK_PATTERN}.
 *
 * @example
 * ```ts
 * import { viewEnv } from '@opendaemon/plugin-process-manager'
 *
 * viewEnv({ PORT: '80', API_TOKEN: 'abc' }, false)
 * // { env: { API_TOKEN: '••••••', PORT: '80' }, masked: ['API_TOKEN'] }
 * ```
 */
export function viewEnv(env: Readonly<Record<string, string>>, showPlain: boolean): EnvView {
  const out: Record<string, string> = {}
  const masked: string[] = []
  for (const key of Object.keys(env).sort()) {
    const hide = !showPlain && MASK_PATTERN.test(key)
    if (hide) masked.push(key)
    out[key] = hide ? MASKED_VALUE : (env[key] as string)
  }
  return { env: out, masked }
}
