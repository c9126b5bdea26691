/**
 * `process.env` (§8.12): the environment an instance was spawned with (kept in daemon memory by
 * the manager), or, when it is not running, the one its next start would get; an adopted process
 * shows `/proc/<pid>/environ`. Redacted by `viewEnv`.
 */
import type { ProcessEnvResult } from '@opendaemon/core'
import { readFile } from 'node:fs/promises'
import { viewEnv } from './env-view.js'
import type { Supervisor } from './supervisor-contract.js'

/** Where the environments come from. */
export interface EnvSources {
  /** The environment of the instance's current run, if it was spawned by this daemon. */
  spawned(id: number): Readonly<Record<string, string>> | undefined
  /** The environment the next spawn of `sup` would get. */
  next(sup: Supervisor): Record<string, string>
  /** `/proc/<pid>/environ` of an adopted process; null when unreadable. */
  environ(pid: number): Promise<Record<string, string> | null>
}

const RUNNING = new Set(['starting', 'online', 'stopping'])

/**
 * The `process.env` result of one instance.
 *
 * @example
 * ```ts
 * const result = await instanceEnv(sup, sources, false)
 * console.log(result.running, result.env['PORT'])
 * ```
 */
export async function instanceEnv(
  sup: Supervisor,
  sources: EnvSources,
  showPlain: boolean,
): Promise<ProcessEnvResult> {
  const running = RUNNING.has(sup.status)
  const pid = sup.snapshot().pid
  const adopted = sup.adoption?.() ?? null
  let env: Readonly<Record<string, string>>
  if (adopted !== null) env = (running && pid !== null ? await sources.environ(pid) : null) ?? {}
  else env = (running ? sources.spawned(sup.ident.id) : undefined) ?? sources.next(sup)
  const view = viewEnv(env, showPlain)
  const { id, name, instance } = sup.ident
  return { id, name, instance, running, env: view.env, secrets: [], masked: view.masked }
}

/**
 * Read `/proc/<pid>/environ` (NUL-separated `KEY=VALUE`); null when the process is gone or not
 * readable.
 *
 * @example
 * ```ts
 * const env = await readEnviron(process.pid)
 * ```
 */
export async function readEnviron(
  pid: number,
  read: (path: string) => Promise<string> = (path) => readFile(path, 'utf8'),
): Promise<Record<string, string> | null> {
  let text: string
  try {
    text = await read(`/proc/${pid}/environ`)
  } catch {
    return null // gone, or another user's process
  }
  const env: Record<string, string> = {}
  for (const entry of text.split('\0')) {
    const eq = entry.indexOf('=')
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1)
  }
  return env
}
