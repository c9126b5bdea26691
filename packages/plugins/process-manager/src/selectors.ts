/**
 * Which apps a command acts on. A selector combines a target (id, exact name or `all`) with
 * `--namespace`, `--tag` (any of) and `--tag-all` (all of); different kinds are ANDed. Destructive
 * commands refuse to act on several apps unless told `--all` (goproc's guard).
 */
import { DaemonError } from '@opendaemon/core'

/** The fields of an app record a selector looks at. */
export interface Selectable {
  id: number
  name: string
  namespace: string
  tags: readonly string[]
}

/** A selector, as the CLI and the RPC methods pass it. */
export interface Selector {
  /** A numeric id, an exact name, or `all`. */
  target?: string | number
  namespace?: string
  /** Matches apps with at least one of these tags (`--tag`, repeatable). */
  tags?: readonly string[]
  /** Matches apps with every one of these tags (`--tag-all`, repeatable). */
  tagsAll?: readonly string[]
}

/** How the selection will be used. */
export interface SelectOptions {
  /** The command stops, restarts or deletes: several matches need `all`. */
  destructive: boolean
  /** The caller passed `--all`. */
  all?: boolean
}

/**
 * A human description of a selector for messages: `name "api" and namespace "prod" and tag web`.
 *
 * @example
 * ```ts
 * import { describeSelector } from '@opendaemon/plugin-process-manager'
 *
 * describeSelector({ target: '3', tagsAll: ['db', 'eu'] }) // 'id 3 and tags db and eu'
 * ```
 */
export function describeSelector(selector: Selector): string {
  const parts: string[] = []
  const target = selector.target === undefined ? undefined : String(selector.target)
  if (target === 'all') parts.push('all')
  else if (target !== undefined) parts.push(/^\d+$/.test(target) ? `id ${target}` : `name "${target}"`)
  if (selector.namespace !== undefined) parts.push(`namespace "${selector.namespace}"`)
  const any = selector.tags ?? []
  if (any.length > 0) parts.push(`tag ${any.join(' or ')}`)
  const every = selector.tagsAll ?? []
  if (every.length > 0) parts.push(`${every.length === 1 ? 'tag' : 'tags'} ${every.join(' and ')}`)
  return parts.join(' and ')
}

function isEmpty(selector: Selector): boolean {
  return (
    selector.target === undefined &&
    selector.namespace === undefined &&
    (selector.tags ?? []).length === 0 &&
    (selector.tagsAll ?? []).length === 0
  )
}

function matches(app: Selectable, selector: Selector): boolean {
  const target = selector.target === undefined ? undefined : String(selector.target)
  if (target !== undefined && target !== 'all') {
    if (/^\d+$/.test(target) ? app.id !== Number(target) : app.name !== target) return false
  }
  if (selector.namespace !== undefined && app.namespace !== selector.namespace) return false
  const any = selector.tags ?? []
  if (any.length > 0 && !any.some((tag) => app.tags.includes(tag))) return false
  return (selector.tagsAll ?? []).every((tag) => app.tags.includes(tag))
}

/**
 * Resolve a selector over app records, in their order.
 *
 * The `--all` guard: on a destructive command, more than one match needs `all: true`, unless the
 * target is `all` itself or an exact name all matches share (the instances of one app).
 *
 * @throws {DaemonError} `OD_SELECTOR_EMPTY` for an empty selector, `OD_PROCESS_NOT_FOUND` when
 *   nothing matches, `OD_SELECTOR_NEEDS_ALL` listing the matched names.
 * @example
 * ```ts
 * import { selectApps } from '@opendaemon/plugin-process-manager'
 *
 * const apps = [
 *   { id: 0, name: 'api', namespace: 'prod', tags: ['web'] },
 *   { id: 1, name: 'worker', namespace: 'prod', tags: ['jobs'] },
 * ]
 * selectApps(apps, { namespace: 'prod', tags: ['web'] }, { destructive: true }) // [apps[0]]
 * ```
 */
export function selectApps<T extends Selectable>(
  apps: readonly T[],
  selector: Selector,
  options: SelectOptions,
): T[] {
  if (isEmpty(selector)) throw new DaemonError('OD_SELECTOR_EMPTY')
  const found = apps.filter((app) => matches(app, selector))
  if (found.length === 0) throw new DaemonError('OD_PROCESS_NOT_FOUND', describeSelector(selector))
  const target = selector.target === undefined ? undefined : String(selector.target)
  const oneName = target !== undefined && found.every((app) => app.name === target)
  if (options.destructive && found.length > 1 && options.all !== true && target !== 'all' && !oneName) {
    const names = [...new Set(found.map((app) => app.name))].join(', ')
    throw new DaemonError('OD_SELECTOR_NEEDS_ALL', `The selector ${describeSelector(selector)}`, names)
  }
  return found
}
