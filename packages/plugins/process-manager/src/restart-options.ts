/**
 * Turns the restart options of a start request into a normalized {@link RestartPolicy}, accepting
 * OpenDaemon's names, PM2's (`max_restarts`, `min_uptime`, `restart_delay`, `stop_exit_codes`,
 * `exp_backoff_restart_delay`) and GoPM's (`exp_backoff`, `max_delay`).
 */
import { pm2ExpBackoff, processDefaults } from './defaults.js'
import type { AutorestartMode, BackoffKind, RestartPolicy } from './restart-policy.js'
import {
  asBoolean,
  asDurationMs,
  asInteger,
  asNumber,
  asString,
  describe,
  findField,
  optionError,
  type FoundField,
  type RawFields,
} from './spec-fields.js'

const AUTORESTART_MODES = ['always', 'on-failure', 'unless-stopped', 'never'] as const
const BACKOFF_KINDS = ['fixed', 'linear', 'exponential'] as const

function oneOf<T extends string>(field: FoundField, allowed: readonly T[]): T {
  const value = asString(field)
  if (!(allowed as readonly string[]).includes(value)) {
    throw optionError(
      field.key,
      `expected one of ${allowed.join(', ')}, got ${describe(field.value)}`,
      `Use ${allowed.join(' or ')}.`,
    )
  }
  return value as T
}

function parseAutorestart(input: RawFields): AutorestartMode {
  const field = findField(input, 'autorestart')
  if (field === undefined) return processDefaults.autorestart
  // PM2 spells the policy as a boolean.
  if (typeof field.value === 'boolean' || field.value === 'true' || field.value === 'false') {
    return asBoolean(field) ? 'always' : 'never'
  }
  return oneOf(field, AUTORESTART_MODES)
}

function parseStopExitCodes(input: RawFields): number[] {
  const field = findField(input, 'stopExitCodes')
  if (field === undefined) return []
  const raw = typeof field.value === 'string' ? field.value.split(',') : field.value
  const items = Array.isArray(raw) ? raw : [raw]
  const codes = items.map((item, index) => asInteger({ key: `${field.key}[${index}]`, value: item }, 0, 255))
  return [...new Set(codes)].sort((a, b) => a - b)
}

interface BackoffChoice {
  backoff: BackoffKind
  /** Set by PM2's `exp_backoff_restart_delay`: the base delay and PM2's factor and cap. */
  pm2Base: number | null
}

function parseBackoff(input: RawFields): BackoffChoice {
  const kind = findField(input, 'backoff')
  const exp = findField(input, 'expBackoff')
  const pm2 = findField(input, 'expBackoffRestartDelay')
  const expOn = exp !== undefined && asBoolean(exp)
  const chosen = kind === undefined ? undefined : oneOf(kind, BACKOFF_KINDS)
  if (kind !== undefined && chosen !== 'exponential' && (expOn || pm2 !== undefined)) {
    const other = (pm2 ?? exp) as FoundField
    throw optionError(kind.key, `"${chosen}" contradicts ${other.key}`, 'Choose one backoff kind.')
  }
  const pm2Base = pm2 === undefined ? null : asDurationMs(pm2)
  if (expOn || pm2Base !== null) return { backoff: 'exponential', pm2Base }
  return { backoff: chosen ?? processDefaults.backoff, pm2Base: null }
}

function parseRestartDelay(input: RawFields, choice: BackoffChoice): number {
  const field = findField(input, 'restartDelay', ['restartDelayMs'])
  if (field !== undefined && choice.pm2Base !== null) {
    throw optionError(
      field.key,
      'cannot be combined with exp_backoff_restart_delay, which sets the base delay',
      `Keep one of them.`,
    )
  }
  if (field !== undefined) return asDurationMs(field)
  if (choice.pm2Base !== null) return choice.pm2Base
  // A growing backoff from 0 stays 0: start it at GoPM's 1 s unless a delay is given.
  return choice.backoff === 'fixed' ? processDefaults.restartDelayMs : processDefaults.backoffBaseMs
}

/**
 * Parse and validate the restart options of a start request (defaults from {@link processDefaults}).
 *
 * @throws {DaemonError} `OD_APP_OPTION_INVALID` naming the key and the fix.
 * @example
 * ```ts
 * import { parseRestartPolicy } from '@opendaemon/plugin-process-manager'
 *
 * const policy = parseRestartPolicy({ autorestart: 'on-failure', exp_backoff: true, max_delay: '10s' })
 * console.log(policy.backoff, policy.restartDelayMs, policy.maxDelayMs) // exponential 1000 10000
 * ```
 */
export function parseRestartPolicy(input: RawFields): RestartPolicy {
  const choice = parseBackoff(input)
  const maxRestarts = findField(input, 'maxRestarts')
  const minUptime = findField(input, 'minUptime', ['minUptimeMs'])
  const maxDelay = findField(input, 'maxDelay', ['maxDelayMs'])
  const factor = findField(input, 'backoffFactor')
  const jitter = findField(input, 'jitter')
  const pm2 = choice.pm2Base !== null
  const policy: RestartPolicy = {
    autorestart: parseAutorestart(input),
    stopExitCodes: parseStopExitCodes(input),
    maxRestarts:
      maxRestarts === undefined ? processDefaults.maxRestarts : asInteger(maxRestarts, 0, 1_000_000),
    minUptimeMs: minUptime === undefined ? processDefaults.minUptimeMs : asDurationMs(minUptime),
    restartDelayMs: parseRestartDelay(input, choice),
    backoff: choice.backoff,
    maxDelayMs:
      maxDelay !== undefined
        ? asDurationMs(maxDelay)
        : pm2
          ? pm2ExpBackoff.maxDelayMs
          : processDefaults.maxDelayMs,
    backoffFactor:
      factor !== undefined
        ? asNumber(factor, 1, 100)
        : pm2
          ? pm2ExpBackoff.factor
          : processDefaults.backoffFactor,
    jitter: jitter === undefined ? processDefaults.jitter : asNumber(jitter, 0, 1),
  }
  if (policy.maxDelayMs < policy.restartDelayMs) {
    throw optionError(
      maxDelay?.key ?? 'maxDelay',
      `${policy.maxDelayMs} ms is below the restart delay of ${policy.restartDelayMs} ms`,
      'Raise maxDelay or lower restartDelay.',
    )
  }
  return policy
}
