/**
 * The facts `od startup` reads from the machine, gathered in one place (the I/O edge): init-system
 * evidence, the caller, real paths, permissions along a path, OD_HOME contents.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { execRunner, type RunCommand } from './command-runner.js'
import type { InitFacts } from './init-detect.js'
import { pathChain, type PathFacts } from './startup-checks.js'

/** What `od startup` needs to know about the machine. */
export interface StartupHost {
  readonly platform: string
  /** The account running this command. */
  readonly caller: { readonly name: string; readonly uid: number }
  readonly run: RunCommand
  /** Prefix of every boot file path: `OD_STARTUP_ROOT` (tests, image builds), else `/`. */
  readonly root: string
  initFacts(): Promise<InitFacts>
  /** `realpath`, or the path itself when it cannot be resolved. */
  realpath(path: string): string
  exists(path: string): boolean
  /** Permission facts from `/` down to `file`; a missing entry ends the chain. */
  permissions(file: string, need: 'x' | 'r'): PathFacts[]
  /** What OD_HOME holds for the saved-list check. */
  saved(odHome: string): { dump: boolean; stateHasApps: boolean }
  /** `shutdownTimeoutMs` from `<odHome>/config.json`, when set. */
  shutdownTimeoutMs(odHome: string): number | undefined
}

/**
 * Whether parsed `state.json` content holds apps (`{"version","checksum","data":{"apps":[…]}}`).
 *
 * @example
 * ```ts
 * stateHasApps({ data: { apps: [{ name: 'api' }] } }) // true
 * ```
 */
export function stateHasApps(state: unknown): boolean {
  const apps = (state as { data?: { apps?: unknown } } | null | undefined)?.data?.apps
  return Array.isArray(apps) && apps.length > 0
}

/** File-system questions of init detection. */
export interface InitProbe {
  exists(path: string): boolean
  isDirectory(path: string): boolean
}

/**
 * The evidence of SPECIFICATION.md §22.1: `/run/systemd/system`, OpenRC's binaries, `initctl version`.
 *
 * @example
 * ```ts
 * detectInitSystem(await gatherInitFacts(process.platform, { exists: existsSync, isDirectory }, run))
 * ```
 */
export async function gatherInitFacts(
  platform: string,
  probe: InitProbe,
  run: RunCommand,
): Promise<InitFacts> {
  const initctl = probe.exists('/sbin/initctl') ? await run(['/sbin/initctl', 'version']) : null
  return {
    platform,
    systemdRunning: probe.isDirectory('/run/systemd/system'),
    openrc: probe.exists('/sbin/openrc-run') || probe.exists('/sbin/openrc'),
    initctlVersion: initctl?.code === 0 ? initctl.stdout : null,
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown
  } catch {
    return undefined // missing, unreadable or torn: treated as absent (the daemon reports bad files itself)
  }
}

/**
 * The real machine, with `env` for `PATH` lookups and `OD_STARTUP_ROOT`.
 *
 * @example
 * ```ts
 * const host = nodeStartupHost(process.env)
 * ```
 */
export function nodeStartupHost(env: Readonly<Record<string, string | undefined>>): StartupHost {
  const run = execRunner(env)
  const info = userInfo()
  return {
    platform: process.platform,
    caller: { name: info.username, uid: info.uid },
    run,
    root: env['OD_STARTUP_ROOT'] || '/',
    initFacts: () => gatherInitFacts(process.platform, { exists: existsSync, isDirectory }, run),
    realpath(path) {
      try {
        return realpathSync(path)
      } catch {
        return path
      }
    },
    exists: (path) => existsSync(path),
    permissions(file, need) {
      const facts: PathFacts[] = []
      for (const [path, want] of pathChain(file, need)) {
        try {
          const st = statSync(path)
          facts.push({ path, mode: st.mode, uid: st.uid, gid: st.gid, need: want })
        } catch {
          break
        }
      }
      return facts
    },
    saved(odHome) {
      return {
        dump: existsSync(join(odHome, 'dump.json')),
        stateHasApps: stateHasApps(readJson(join(odHome, 'state.json'))),
      }
    },
    shutdownTimeoutMs(odHome) {
      const value = (readJson(join(odHome, 'config.json')) as { shutdownTimeoutMs?: unknown } | undefined)
        ?.shutdownTimeoutMs
      return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
    },
  }
}

/** Whether `path` is a directory (false when it does not exist). */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
