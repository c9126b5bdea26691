/**
 * The environment a started app gets: the daemon's environment (not the environment of whoever ran
 * the CLI, so a caller's secrets never leak into an app by surprise), the app's own `env` over it,
 * then the identity variables OpenDaemon sets.
 */

/** What {@link buildChildEnv} combines. */
export interface ChildEnvInput {
  /** The daemon's environment (`process.env` of the daemon). */
  base: Readonly<Record<string, string | undefined>>
  /** The app's own variables (`AppSpec.env`). */
  app: Readonly<Record<string, string>>
  name: string
  id: number
  namespace: string
  /** 0-based index among the app's instances. */
  instance: number
}

/**
 * Build the environment of one app instance. Set last, so an app cannot shadow them:
 * `OD_APP_NAME`, `OD_APP_ID`, `OD_NAMESPACE`, `OD_INSTANCE_ID` and PM2's `NODE_APP_INSTANCE`.
 *
 * @example
 * ```ts
 * import { buildChildEnv } from '@opendaemon/plugin-process-manager'
 *
 * const env = buildChildEnv({
 *   base: { PATH: '/usr/bin' }, app: { PORT: '3000' }, name: 'api', id: 4, namespace: 'default', instance: 1,
 * })
 * console.log(env['NODE_APP_INSTANCE']) // '1'
 * ```
 */
export function buildChildEnv(input: ChildEnvInput): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(input.base)) if (value !== undefined) env[key] = value
  Object.assign(env, input.app)
  env['OD_APP_NAME'] = input.name
  env['OD_APP_ID'] = String(input.id)
  env['OD_NAMESPACE'] = input.namespace
  env['OD_INSTANCE_ID'] = String(input.instance)
  env['NODE_APP_INSTANCE'] = String(input.instance)
  return env
}
