/**
 * The defaults of the process manager, in one table, with the reason for each.
 *
 * | option | default | why |
 * |---|---|---|
 * | `autorestart` | `'always'` | PM2 and GoPM restart on any exit by default. |
 * | `maxRestarts` | `16` | PM2's default. GoPM uses 15. `0` means unlimited. |
 * | `minUptimeMs` | `1000` | PM2's `min_uptime`. GoPM uses 5 s; 1 s keeps crash-looping apps from being declared stable too early while letting fast-failing ones give up quickly. |
 * | `restartDelayMs` | `0` | PM2's `restart_delay`: restart at once (the crash→restart gap is a benchmark goal). GoPM waits 1 s. |
 * | `backoffBaseMs` | `1000` | Used as the base of a `linear`/`exponential` backoff when no restart delay is given (GoPM's 1 s). |
 * | `backoff` | `'fixed'` | Predictable; `exponential` is opt-in as in PM2 and GoPM. |
 * | `backoffFactor` | `2` | GoPM doubles. PM2's `exp_backoff_restart_delay` multiplies by 1.5, so that alias sets 1.5. |
 * | `maxDelayMs` | `30000` | GoPM's `--max-delay`. PM2 caps its exponential backoff at 15 s, so its alias sets 15000. |
 * | `jitter` | `0` | No randomness unless asked for. |
 * | `killTimeoutMs` | `5000` | The default and GoPM's; PM2 waits only 1.6 s. |
 * | `killSignal` | `'SIGTERM'` | What apps and container runtimes expect; PM2 sends SIGINT. |
 * | `namespace` | `'default'` | PM2's default namespace. |
 * | `listenTimeoutMs` | `3000` | PM2's `PM2_GRACEFUL_LISTEN_TIMEOUT`: how long `--wait-ready` waits. |
 *
 * @example
 * ```ts
 * import { processDefaults } from '@opendaemon/plugin-process-manager'
 *
 * console.log(processDefaults.killTimeoutMs) // 5000
 * ```
 */
export const processDefaults = {
  autorestart: 'always',
  maxRestarts: 16,
  minUptimeMs: 1000,
  restartDelayMs: 0,
  backoffBaseMs: 1000,
  backoff: 'fixed',
  backoffFactor: 2,
  maxDelayMs: 30_000,
  jitter: 0,
  killTimeoutMs: 5000,
  killSignal: 'SIGTERM',
  namespace: 'default',
  listenTimeoutMs: 3000,
} as const

/** What PM2's `exp_backoff_restart_delay` implies: multiply by 1.5, cap at 15 s. */
export const pm2ExpBackoff = { factor: 1.5, maxDelayMs: 15_000 } as const
