/**
 * Finding commands on PATH and describing files, for the interpreter and wrapper checks. The
 * search is pure over an injected `stat`; {@link statFileInfo} is the real one.
 */
import { accessSync, constants, statSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'

/** What the launch checks need to know about a path. */
export interface FileInfo {
  kind: 'file' | 'directory' | 'other'
  /** The current user may execute it. */
  executable: boolean
}

/** Describes `path`, or `null` when nothing is there (or it cannot be seen). */
export type StatFn = (path: string) => FileInfo | null

/**
 * Find `name` the way `execvp` would: a name containing `/` is taken as a path, otherwise each
 * absolute directory of `pathEnv` is tried in order (relative entries are skipped on purpose: they
 * would depend on the daemon's cwd).
 *
 * @returns The path of the first executable regular file, or `null`.
 * @example
 * ```ts
 * import { findOnPath, statFileInfo } from '@opendaemon/plugin-process-manager'
 *
 * findOnPath('sh', '/usr/bin:/bin', statFileInfo) // '/usr/bin/sh'
 * ```
 */
export function findOnPath(name: string, pathEnv: string, stat: StatFn): string | null {
  const runnable = (path: string): boolean => {
    const info = stat(path)
    return info !== null && info.kind === 'file' && info.executable
  }
  if (name.includes('/')) return runnable(name) ? name : null
  for (const dir of pathEnv.split(':')) {
    if (!isAbsolute(dir)) continue
    const candidate = join(dir, name)
    if (runnable(candidate)) return candidate
  }
  return null
}

/**
 * The real {@link StatFn}: `stat(2)` plus an `access(X_OK)` check.
 *
 * @example
 * ```ts
 * import { statFileInfo } from '@opendaemon/plugin-process-manager'
 *
 * statFileInfo('/bin/sh') // { kind: 'file', executable: true }
 * ```
 */
export function statFileInfo(path: string): FileInfo | null {
  let kind: FileInfo['kind']
  try {
    const st = statSync(path)
    kind = st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other'
  } catch {
    // ENOENT, ENOTDIR, EACCES on a parent: all mean "cannot run this".
    return null
  }
  try {
    accessSync(path, constants.X_OK)
    return { kind, executable: true }
  } catch {
    // Not executable by us: a plain data file is still a valid script for an interpreter.
    return { kind, executable: false }
  }
}
