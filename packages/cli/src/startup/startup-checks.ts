/** Checks before a boot file is written (SPECIFICATION.md §22.2), as pure functions of gathered facts. */

const VERSION_MANAGER_DIRS = [
  '/.nvm/',
  '/.fnm/',
  '/.volta/',
  '/.asdf/',
  '/.nodenv/',
  '/n/versions/',
  '/.local/share/mise/',
]

/**
 * A warning when Node.js lives inside a version manager's directory (PM2 #2006): its path changes when
 * Node is upgraded or switched, and the boot unit would then point at nothing.
 *
 * @example
 * ```ts
 * nodeDriftWarning('/home/u/.nvm/versions/node/v20.1.0/bin/node') // 'Node.js runs from …'
 * ```
 */
export function nodeDriftWarning(node: string): string | null {
  if (!VERSION_MANAGER_DIRS.some((dir) => node.includes(dir))) return null
  return `Node.js runs from ${node}, a version manager's directory: that path changes when Node.js is upgraded or switched, and the boot unit then fails. Pass --node /usr/local/bin/node (or another stable path or symlink).`
}

/**
 * A warning when there is nothing to bring back at boot: neither `dump.json` nor a `state.json` with apps.
 */
export function savedListWarning(saved: { dump: boolean; stateHasApps: boolean }): string | null {
  if (saved.dump || saved.stateHasApps) return null
  return 'nothing will be resurrected at boot: start your apps and run `od save`'
}

/** The permission facts of one path on the way to node or the CLI. */
export interface PathFacts {
  readonly path: string
  readonly mode: number
  readonly uid: number
  readonly gid: number
  /** What the user needs: `x` to search a directory or run node, `r` to read the CLI. */
  readonly need: 'x' | 'r'
}

/**
 * The first path the user cannot pass (a directory it cannot search, a file it cannot run or read),
 * from `stat` modes and ownership, or null. Supplementary groups are not considered; root passes all.
 *
 * @example
 * ```ts
 * firstBlocker([{ path: '/root', mode: 0o40700, uid: 0, gid: 0, need: 'x' }], { uid: 1000, gid: 1000 })
 * // '/root'
 * ```
 */
export function firstBlocker(
  chain: readonly PathFacts[],
  who: { readonly uid: number; readonly gid: number },
): string | null {
  if (who.uid === 0) return null
  for (const entry of chain) {
    const bit = entry.need === 'x' ? 1 : 4
    const shift = entry.uid === who.uid ? 6 : entry.gid === who.gid ? 3 : 0
    if ((entry.mode & (bit << shift)) === 0) return entry.path
  }
  return null
}

/**
 * The directories from `/` down to `file` (exclusive), each needing `x`, then the file itself.
 *
 * @example
 * ```ts
 * pathChain('/usr/bin/node', 'x') // [['/', 'x'], ['/usr', 'x'], ['/usr/bin', 'x'], ['/usr/bin/node', 'x']]
 * ```
 */
export function pathChain(file: string, need: 'x' | 'r'): [string, 'x' | 'r'][] {
  const parts = file.split('/').filter((part) => part !== '')
  const dirs = parts.slice(0, -1).map((_, i): [string, 'x'] => [`/${parts.slice(0, i + 1).join('/')}`, 'x'])
  return [['/', 'x'], ...dirs, [file, need]]
}
