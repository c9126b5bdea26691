/**
 * Validates one app request with the process manager's own normaliser, collecting every error
 * rather than the first: each bad field is reported, removed, and the request checked again.
 */
import { DaemonError } from '@opendaemon/core'
import { normalizeAppSpec, type AppSpec, type AppSpecContext } from '@opendaemon/plugin-process-manager'
import type { IssueSink } from '../issues.js'
import { childPath } from '../value-path.js'

const FIELD_ERRORS: ReadonlySet<string> = new Set(['OD_APP_OPTION_INVALID', 'OD_INVALID_INSTANCES'])

function placeholderSecrets(env: unknown): unknown {
  if (typeof env !== 'object' || env === null || Array.isArray(env)) return env
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) =>
      typeof v === 'object' && v !== null && !Array.isArray(v) && 'secret' in v ? [k, 'secret'] : [k, v],
    ),
  )
}

/** The field an `OD_APP_OPTION_INVALID` message names (`stopExitCodes[1]: …` → `stopExitCodes`, `[1]`). */
function fieldOf(err: DaemonError): { top: string; rest: string; message: string } {
  if (err.code === 'OD_INVALID_INSTANCES') {
    return { top: 'instances', rest: '', message: err.message.replace(/^instances: /, '') }
  }
  const colon = err.message.indexOf(': ')
  const field = err.message.slice(0, colon)
  const top = /^[^.[]*/.exec(field)?.[0] as string
  return { top, rest: field.slice(top.length), message: err.message.slice(colon + 2) }
}

/**
 * Normalise `request` as the daemon will, reporting each problem under its path; `null` when any.
 *
 * @example
 * ```ts
 * const spec = validateAppRequest(request, origin, 'apps[0]', specContext, issues)
 * ```
 */
export function validateAppRequest(
  request: Readonly<Record<string, unknown>>,
  origin: ReadonlyMap<string, string>,
  appPath: string,
  ctx: AppSpecContext,
  issues: IssueSink,
): AppSpec | null {
  const work: Record<string, unknown> = { ...request, env: placeholderSecrets(request['env']) }
  if (work['env'] === undefined) delete work['env']
  let failed = false
  // Each round either returns or removes one field, so the loop ends.
  for (;;) {
    try {
      const spec = normalizeAppSpec(work, ctx)
      return failed ? null : spec
    } catch (err) {
      // normalizeAppSpec throws these two codes only; anything else (an injected statKind that
      // throws, a bug) is not a problem of the config and propagates.
      if (!(err instanceof DaemonError) || !FIELD_ERRORS.has(err.code)) throw err
      failed = true
      const { top, rest, message } = fieldOf(err)
      const path = `${origin.get(top) ?? childPath(appPath, top)}${rest}`
      issues.error(err.code, path, message)
      if (!(top in work) || top === 'script') return null
      delete work[top]
    }
  }
}
