import { DaemonError } from '../errors/daemon-error.js'
import type { LogLevel } from '../logger.js'
import { applyDefaults } from '../schema/apply-defaults.js'
import type { JsonSchema } from '../schema/json-schema.js'
import { formatValidationErrors, validate } from '../schema/validate.js'

/** Limits of the IPC server (SPECIFICATION.md §IPC). */
export interface IpcConfig {
  /** Largest frame payload accepted, in bytes (default 10 MiB). */
  maxMessageSize: number
  /** A client must authenticate within this many ms (default 5000). */
  authTimeoutMs: number
  /** A started frame must complete within this many ms (default 10000). */
  frameTimeoutMs: number
  /** A connection with no frame for this long is closed (default 120000). */
  idleTimeoutMs: number
  /** Token bucket per connection counting requests (a batch counts its length). */
  rateLimit: { perSecond: number; burst: number }
  /** Connections beyond this are refused (default 1024). */
  maxConnections: number
}

/** The daemon's own configuration (`$OD_HOME/config.json`), after defaults. */
export interface DaemonConfig {
  /** Level of the daemon log (default `info`). */
  logLevel: LogLevel
  /** Deadline of every plugin lifecycle step, hook, health check and metric (default 10000). */
  hookTimeoutMs: number
  /** How long a graceful shutdown may take before the daemon exits anyway (default 10000). */
  shutdownTimeoutMs: number
  /** Per-plugin circuit breaker: `threshold` failures within `windowMs` disable the plugin. */
  breaker: { threshold: number; windowMs: number }
  /** Self-health watchdog: event-loop lag check every `intervalMs`, warn above `lagThresholdMs`. */
  watchdog: { intervalMs: number; lagThresholdMs: number }
  ipc: IpcConfig
  /** Per-plugin user configuration, by plugin name; merged over the plugin's `defaultConfig`. */
  plugins: Record<string, unknown>
}

const positiveInt = (value: number): JsonSchema => ({ type: 'integer', minimum: 1, default: value })

/**
 * JSON Schema of {@link DaemonConfig}, with every default. Unknown keys are errors (a typo should
 * not be silently ignored), except inside `plugins`.
 */
export const daemonConfigSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    logLevel: { enum: ['trace', 'debug', 'info', 'warn', 'error', 'silent'], default: 'info' },
    hookTimeoutMs: positiveInt(10_000),
    shutdownTimeoutMs: positiveInt(10_000),
    breaker: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: { threshold: positiveInt(5), windowMs: positiveInt(60_000) },
    },
    watchdog: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: { intervalMs: positiveInt(1_000), lagThresholdMs: positiveInt(1_000) },
    },
    ipc: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        maxMessageSize: positiveInt(10 * 1024 * 1024),
        authTimeoutMs: positiveInt(5_000),
        frameTimeoutMs: positiveInt(10_000),
        idleTimeoutMs: positiveInt(120_000),
        rateLimit: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: { perSecond: positiveInt(100_000), burst: positiveInt(20_000) },
        },
        maxConnections: positiveInt(1_024),
      },
    },
    plugins: { type: 'object', default: {} },
  },
}

/**
 * Applies defaults to a raw daemon config (parsed `config.json`, or `undefined` when there is
 * none) and validates it, reporting every problem at once.
 *
 * @throws {DaemonError} `OD_CONFIG_INVALID` listing each path (`ipc.maxConnections: expected integer >= 1, got 0`).
 * @example
 * ```ts
 * import { resolveDaemonConfig } from '@opendaemon/core'
 *
 * const config = resolveDaemonConfig({ breaker: { threshold: 3 } })
 * console.log(config.breaker) // { threshold: 3, windowMs: 60000 }
 * ```
 * @since 0.1.0
 */
export function resolveDaemonConfig(input: unknown): DaemonConfig {
  const value = applyDefaults(daemonConfigSchema, input ?? {})
  const errors = validate(daemonConfigSchema, value)
  if (errors.length > 0) {
    throw new DaemonError('OD_CONFIG_INVALID', formatValidationErrors(errors), { data: { errors } })
  }
  return value as DaemonConfig
}
