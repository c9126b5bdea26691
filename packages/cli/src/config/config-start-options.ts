/**
 * The `od start` flags given with a config file: `--only a,b`, `--env <profile>` (a value without
 * "=") and every other start flag as an overlay applied to each app (§10.8: `od start eco.js -i 4`).
 */
import { CliError } from '../cli-error.js'
import { toStartRequest, type StartValues } from '../process/start-request.js'
import type { ConfigStartOptions } from './start-config.js'

/** The start flags plus `--only`. */
export interface ConfigStartValues extends Omit<StartValues, 'script'> {
  script: string | undefined
  only: string | undefined
}

/**
 * Split the flags of `od start <config>` into file, profile, `--only` and overlay.
 *
 * @throws {CliError} `OD_USAGE` for `--name` or several profiles.
 * @example
 * ```ts
 * configStartOptions({ ...values, script: 'ecosystem.config.js', env: ['production'] }, [], '/srv')
 * // { file: 'ecosystem.config.js', profile: 'production', only: null, overlay: {} }
 * ```
 */
export function configStartOptions(
  values: ConfigStartValues,
  rest: readonly string[],
  cwd: string,
): ConfigStartOptions {
  if (values.name !== undefined) {
    throw new CliError('OD_USAGE', '--name cannot be used with a config file; names come from the file')
  }
  const profiles = values.env.filter((e) => !e.includes('='))
  if (profiles.length > 1) {
    throw new CliError('OD_USAGE', `--env selects one profile; got ${profiles.join(', ')}`)
  }
  const overlay: Record<string, unknown> = toStartRequest(
    { ...values, script: '-', env: values.env.filter((e) => e.includes('=')) },
    rest,
    cwd,
  )
  delete overlay['script']
  // toStartRequest resolved --cwd against the caller's directory; without it, each app keeps its own.
  if (values.cwd === undefined) delete overlay['cwd']
  const only = values.only
    ?.split(/[\s,]+/)
    .map((n) => n.trim())
    .filter((n) => n !== '')
  return {
    file: values.script ?? null,
    profile: profiles[0] ?? null,
    only: only === undefined || only.length === 0 ? null : only,
    overlay,
  }
}
