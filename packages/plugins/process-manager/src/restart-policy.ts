/**
 * Pure restart decisions: given how a process ended and how its previous runs ended, restart it
 * (after how long) or give up (and why). No clock, no fs, no logging; randomness for jitter is a
 * parameter so tests stay deterministic.
 */

/** When to restart a process that ended on its own. */
export type AutorestartMode = 'always' | 'on-failure' | 'unless-stopped' | 'never'

/** How the restart delay grows over consecutive unstable runs. */
export type BackoffKind = 'fixed' | 'linear' | 'exponential'

/** The restart rules of one app (every field already normalized, see `app-spec.ts`). */
export interface RestartPolicy {
  autorestart: AutorestartMode
  /** Exit codes that mean "done": the process is not restarted (PM2 `stop_exit_codes`). */
  stopExitCodes: readonly number[]
  /** Most consecutive restarts after unstable runs; the next unstable exit gives up. 0 = unlimited. */
  maxRestarts: number
  /** A run at least this long is stable: it resets the restart counter and the backoff. */
  minUptimeMs: number
  /** The fixed delay, or the base of a linear/exponential backoff. */
  restartDelayMs: number
  backoff: BackoffKind
  /** Cap of the computed delay (jitter included). */
  maxDelayMs: number
  /** Growth per consecutive unstable run of an exponential backoff (2 doubles; PM2 uses 1.5). */
  backoffFactor: number
  /** 0–1: the delay is spread uniformly over ±jitter × delay. */
  jitter: number
}

/** How one run of a process ended. */
export interface ExitRecord {
  code: number | null
  signal: string | null
  /** How long this run lasted. */
  uptimeMs: number
  /** Epoch ms of the exit. */
  at: number
  /** True when a user's stop (or restart, or delete) ended the run. */
  byUser?: boolean
}

/** Why a process is not restarted. */
export type GiveUpReason =
  'unstable' | 'stop-exit-code' | 'autorestart-off' | 'clean-exit' | 'stopped-by-user'

/** What to do after an exit. */
export type RestartDecision =
  { action: 'restart'; delayMs: number } | { action: 'give-up'; reason: GiveUpReason }

/**
 * Decide whether a process that just ended is restarted, and after how long.
 *
 * Rules, in order: a user stop is never undone; `never` gives up; an exit code in `stopExitCodes`
 * gives up; `on-failure` gives up on a clean exit (code 0, no signal); then, if the run was shorter
 * than `minUptimeMs`, it extends the streak of unstable runs, and a streak longer than `maxRestarts`
 * gives up as `unstable` (so `maxRestarts: 3` allows 3 restarts in a row; PM2 errors one earlier).
 * Otherwise the delay comes from the backoff at the streak's length (a stable run restarts at the
 * base delay).
 *
 * @param exit - The run that just ended.
 * @param history - Earlier runs since the last reset, oldest first.
 * @param policy - The app's normalized restart policy.
 * @param random - A source of numbers in [0, 1) for jitter.
 * @example
 * ```ts
 * import { decideRestart, type RestartPolicy } from '@opendaemon/plugin-process-manager'
 *
 * const policy: RestartPolicy = {
 *   autorestart: 'always', stopExitCodes: [], maxRestarts: 3, minUptimeMs: 1000,
 *   restartDelayMs: 100, backoff: 'exponential', maxDelayMs: 30_000, backoffFactor: 2, jitter: 0,
 * }
 * const crash = { code: 1, signal: null, uptimeMs: 50, at: 0 }
 * decideRestart(crash, [crash], policy) // { action: 'restart', delayMs: 200 }
 * ```
 */
export function decideRestart(
  exit: ExitRecord,
  history: readonly ExitRecord[],
  policy: RestartPolicy,
  random: () => number = Math.random,
): RestartDecision {
  const reason = giveUpReason(exit, policy)
  if (reason !== null) return { action: 'give-up', reason }
  const streak = unstableStreak(exit, history, policy.minUptimeMs)
  if (policy.maxRestarts > 0 && streak > policy.maxRestarts) return { action: 'give-up', reason: 'unstable' }
  return { action: 'restart', delayMs: backoffDelay(Math.max(1, streak), policy, random) }
}

function giveUpReason(exit: ExitRecord, policy: RestartPolicy): GiveUpReason | null {
  if (exit.byUser === true) return 'stopped-by-user'
  if (policy.autorestart === 'never') return 'autorestart-off'
  if (exit.signal === null && exit.code !== null && policy.stopExitCodes.includes(exit.code)) {
    return 'stop-exit-code'
  }
  if (policy.autorestart === 'on-failure' && exit.signal === null && exit.code === 0) return 'clean-exit'
  return null
}

/**
 * How many runs in a row, ending with `exit`, were shorter than `minUptimeMs`. A stable run or a
 * user's stop ends the streak; 0 when `exit` itself was stable.
 */
export function unstableStreak(
  exit: ExitRecord,
  history: readonly ExitRecord[],
  minUptimeMs: number,
): number {
  const runs = [...history, exit]
  let streak = 0
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i] as ExitRecord
    if (run.uptimeMs >= minUptimeMs || (run.byUser === true && run !== exit)) break
    streak++
  }
  return streak
}

/**
 * The delay before restart number `attempt` (1-based) of a streak: `fixed` = base, `linear` =
 * base × attempt, `exponential` = base × factor^(attempt−1); capped at `maxDelayMs`, then spread by
 * ±`jitter` and capped again. Rounded to whole milliseconds.
 *
 * @example
 * ```ts
 * import { backoffDelay } from '@opendaemon/plugin-process-manager'
 *
 * const policy = { restartDelayMs: 1000, backoff: 'linear', maxDelayMs: 5000, backoffFactor: 2, jitter: 0 } as const
 * backoffDelay(3, policy, Math.random) // 3000
 * ```
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<RestartPolicy, 'restartDelayMs' | 'backoff' | 'maxDelayMs' | 'backoffFactor' | 'jitter'>,
  random: () => number,
): number {
  const base = policy.restartDelayMs
  const raw =
    policy.backoff === 'fixed'
      ? base
      : policy.backoff === 'linear'
        ? base * attempt
        : base * policy.backoffFactor ** (attempt - 1)
  const capped = Math.min(raw, policy.maxDelayMs)
  if (policy.jitter === 0) return Math.round(capped)
  const spread = capped * policy.jitter * (2 * random() - 1)
  return Math.round(Math.min(Math.max(capped + spread, 0), policy.maxDelayMs))
}

/** The status a process ends in after a give-up: only a crash loop is an error. */
export function statusAfterGiveUp(reason: GiveUpReason): 'stopped' | 'errored' {
  return reason === 'unstable' ? 'errored' : 'stopped'
}

/** What the daemon knew about an app when it last ran. */
export interface BootRecord {
  autorestart: AutorestartMode
  /** True when the app's last state change was a user's `stop`. */
  stoppedByUser: boolean
  /** Status persisted before the daemon went away. */
  status: 'created' | 'starting' | 'online' | 'stopping' | 'stopped' | 'errored'
}

/**
 * Whether an app comes back when the daemon starts again (restart, crash, reboot, resurrect).
 *
 * Apps that were running (or starting, or stopping for a restart) come back whatever the mode: the
 * daemon's death is not the app's exit. A user-stopped app comes back only under `always`, as with
 * Docker's `always`; `unless-stopped` remembers the stop. Errored apps, apps never started and apps
 * that ended on their own (a stop exit code, a clean exit under `on-failure`/`never`) stay down.
 *
 * @example
 * ```ts
 * import { shouldStartOnBoot } from '@opendaemon/plugin-process-manager'
 *
 * shouldStartOnBoot({ autorestart: 'unless-stopped', stoppedByUser: true, status: 'stopped' }) // false
 * ```
 */
export function shouldStartOnBoot(record: BootRecord): boolean {
  if (record.stoppedByUser) return record.autorestart === 'always'
  return record.status === 'online' || record.status === 'starting' || record.status === 'stopping'
}
