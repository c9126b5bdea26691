/**
 * Which apps a log read covers: the selector (§1.6) applied to the known apps, and a fallback that
 * finds apps from the file names in the log directory (`<name>-out.log`, `<name>-err.log`), so the
 * logs of deleted apps stay readable.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { DaemonError, type LogSelector } from '@opendaemon/core'

/** An app instance whose logs can be read. `id` is -1 for an app known only from its files. */
export interface LogApp {
  id: number
  name: string
  instance: number
  namespace?: string
  tags?: readonly string[]
  /** Its current files, when known without asking the writer (apps found from file names). */
  currentFiles?: { out: string; err: string }
}

const CURRENT_FILE = /^(.+)-(out|err)\.log$/

/**
 * Apps found from the current files in `logDir`, sorted by name.
 *
 * @example
 * ```ts
 * await discoverLogApps('/home/me/.opendaemon/logs') // [{ id: -1, name: 'api', instance: 0, currentFiles }]
 * ```
 */
export async function discoverLogApps(logDir: string): Promise<LogApp[]> {
  const names = new Set<string>()
  for (const file of await readdir(logDir).catch(() => [] as string[])) {
    const match = CURRENT_FILE.exec(file)
    if (match !== null) names.add(match[1] as string)
  }
  return [...names].sort().map((name) => ({
    id: -1,
    name,
    instance: 0,
    currentFiles: { out: join(logDir, `${name}-out.log`), err: join(logDir, `${name}-err.log`) },
  }))
}

function describe(selector: LogSelector): string {
  const parts: string[] = []
  if (selector.target !== undefined) parts.push(`"${String(selector.target)}"`)
  if (selector.namespace !== undefined) parts.push(`namespace "${selector.namespace}"`)
  for (const tag of selector.tags ?? []) parts.push(`tag ${tag}`)
  for (const tag of selector.tagsAll ?? []) parts.push(`tag ${tag}`)
  return parts.join(' and ')
}

function matches(app: LogApp, selector: LogSelector): boolean {
  const target = selector.target === undefined ? 'all' : String(selector.target)
  if (target !== 'all') {
    const byId = /^\d+$/.test(target) && app.id === Number(target)
    if (!byId && app.name !== target) return false
  }
  if (selector.namespace !== undefined && app.namespace !== selector.namespace) return false
  const tags = app.tags ?? []
  const any = selector.tags ?? []
  if (any.length > 0 && !any.some((t) => tags.includes(t))) return false
  return (selector.tagsAll ?? []).every((t) => tags.includes(t))
}

/**
 * The apps a selector picks (every app when it is empty or `all`).
 *
 * @throws {DaemonError} `OD_PROCESS_NOT_FOUND` when a non-empty selector picks nothing.
 * @example
 * ```ts
 * selectLogApps([{ id: 0, name: 'api', instance: 0 }], { target: 'api' })
 * ```
 */
export function selectLogApps(apps: readonly LogApp[], selector: LogSelector = {}): LogApp[] {
  const picked = apps.filter((app) => matches(app, selector))
  const text = describe(selector)
  if (picked.length === 0 && text !== '' && selector.target !== 'all') {
    throw new DaemonError('OD_PROCESS_NOT_FOUND', text)
  }
  return picked
}
