/**
 * The shape of an OpenDaemon config file, for `defineConfig` (SPECIFICATION.md §10.3, §10.4).
 * Durations are milliseconds or strings such as `'5s'`; sizes are bytes or strings such as `'512M'`.
 */

/** A duration: milliseconds, or `'500ms'`, `'5s'`, `'1m30s'`, `'2h'`. */
export type Duration = number | string
/** A size: bytes, or `'512K'`, `'512M'`, `'1.5G'`. */
export type Size = number | string

/** A reference to a secret of the secret manager, resolved at spawn (§16.3). */
export interface SecretRef {
  secret: string
  version?: number
  as?: 'env' | 'file'
}

/** An environment variable's value. */
export type EnvValue = string | number | boolean | SecretRef

/** One app (PM2's snake_case names are accepted too, at run time). */
export interface AppConfig {
  /** Unique name; default: the script's basename without extension. */
  name?: string
  /** Script, binary or command line (required). */
  script?: string
  args?: string[] | string
  /** `node`, `bun`, `deno`, `python3`, a path, or `none`; default by extension. */
  interpreter?: string
  interpreterArgs?: string[] | string
  /** Run `script` through `/bin/sh -c`. */
  shell?: boolean
  /** Working directory, relative to the config file's directory. */
  cwd?: string
  namespace?: string
  tags?: string[]
  /** Number of instances, `'max'` (one per CPU), or a negative number (CPUs minus n). */
  instances?: number | 'max'
  env?: Record<string, EnvValue>
  /** Append `-<profile>` to the name when started with `--env <profile>`. */
  appendEnvToName?: boolean
  autostart?: boolean
  autorestart?: 'always' | 'on-failure' | 'unless-stopped' | 'never' | boolean
  stopExitCodes?: number[] | number
  restartDelay?: Duration
  backoff?: 'fixed' | 'linear' | 'exponential'
  expBackoff?: boolean
  backoffFactor?: number
  maxDelay?: Duration
  jitter?: number
  maxRestarts?: number
  minUptime?: Duration
  maxMemory?: Size
  killSignal?: string
  killTimeout?: Duration
  waitReady?: boolean
  listenTimeout?: Duration
  /** Online once a stdout line matches this regular expression. */
  readyPattern?: string
  uid?: string | number
  gid?: string | number
  nice?: number
  umask?: string | number
  cpus?: string | number[]
  /** `env_<profile>`: variables overlaid on `env` with `od start <file> --env <profile>`. */
  [profileOrOption: `env_${string}`]: Record<string, EnvValue> | undefined
}

/** A config file's value. */
export interface OpenDaemonConfig {
  /** The apps; a single object is accepted too (a PM2 quirk). */
  apps: AppConfig[] | AppConfig
  /** Merged under every app (env key by key). */
  defaults?: Partial<AppConfig>
  /** Daemon-wide settings (validated; applied from `$OD_HOME/config.json`). */
  daemon?: Record<string, unknown>
  plugins?: Record<string, Record<string, unknown>>
}

/** What a config module's default-export function receives. */
export interface ConfigContext {
  /** The `--env` profile, or null. */
  profile: string | null
  /** The config file's directory. */
  cwd: string
}

/**
 * Declare a config with full types and editor completion. It returns its argument unchanged.
 *
 * @since 0.1.0
 * @example
 * ```ts
 * import { defineConfig } from 'opendaemon'
 *
 * export default defineConfig({
 *   defaults: { maxMemory: '512M', env: { NODE_ENV: 'production' } },
 *   apps: [
 *     { name: 'api', script: './dist/server.js', instances: 2, env_staging: { LOG_LEVEL: 'debug' } },
 *     { name: 'worker', script: './dist/worker.js', autorestart: 'on-failure' },
 *   ],
 * })
 * ```
 */
export function defineConfig<T extends OpenDaemonConfig>(
  config: T | ((ctx: ConfigContext) => T | Promise<T>),
): typeof config {
  return config
}
