import { dirname, isAbsolute, join, normalize } from 'node:path'

/** What is at a candidate `od` path. */
export type OdProbe = 'missing' | 'shim' | 'executable' | 'other'

/**
 * Where `opendaemon shim` writes `od` without `--dir`: `/usr/local/bin` for root (before `/usr/bin` on
 * every standard PATH), `~/.local/bin` otherwise.
 *
 * @example
 * ```ts
 * defaultShimDir({ isRoot: false, homedir: '/home/ada' }) // '/home/ada/.local/bin'
 * ```
 */
export function defaultShimDir(user: { readonly isRoot: boolean; readonly homedir: string }): string {
  return user.isRoot ? '/usr/local/bin' : join(user.homedir, '.local', 'bin')
}

/** The absolute directories of a PATH value, normalised without trailing slashes. */
export function pathDirs(pathEnv: string | undefined): string[] {
  return (pathEnv ?? '')
    .split(':')
    .filter((dir) => isAbsolute(dir))
    .map(normalizeDir)
}

function normalizeDir(dir: string): string {
  const clean = normalize(dir)
  return clean.length > 1 && clean.endsWith('/') ? clean.slice(0, -1) : clean
}

/**
 * The first `od` on PATH that is a real executable and not an OpenDaemon shim: the system octal dump the
 * shim hands other invocations to. `probe` inspects a file (the edge passes a file-system probe).
 *
 * @example
 * ```ts
 * findSystemOd(['/home/ada/.local/bin', '/usr/bin'], (f) => (f === '/usr/bin/od' ? 'executable' : 'missing'))
 * // '/usr/bin/od'
 * ```
 */
export function findSystemOd(dirs: readonly string[], probe: (file: string) => OdProbe): string | null {
  for (const dir of dirs) {
    const file = join(dir, 'od')
    if (probe(file) === 'executable') return file
  }
  return null
}

/** Whether the shim directory will be found before the system od, and the PATH line to fix it if not. */
export type PathAdvice =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'not-on-path'; readonly exportLine: string }
  | {
      readonly ok: false
      readonly reason: 'after-system-od'
      readonly systemDir: string
      readonly exportLine: string
    }

/**
 * Checks that `dir` is on PATH and comes before the system od's directory.
 *
 * @example
 * ```ts
 * pathAdvice('/opt/bin', ['/usr/bin'], '/usr/bin/od')
 * // { ok: false, reason: 'not-on-path', exportLine: 'export PATH="/opt/bin:$PATH"' }
 * ```
 */
export function pathAdvice(dir: string, dirs: readonly string[], systemOd: string | null): PathAdvice {
  const target = normalizeDir(dir)
  const index = dirs.indexOf(target)
  const exportLine = `export PATH="${target}:$PATH"`
  if (index === -1) return { ok: false, reason: 'not-on-path', exportLine }
  const systemDir = systemOd === null ? undefined : normalizeDir(dirname(systemOd))
  const systemIndex = systemDir === undefined ? -1 : dirs.indexOf(systemDir)
  if (systemDir !== undefined && systemIndex !== -1 && systemIndex < index) {
    return { ok: false, reason: 'after-system-od', systemDir, exportLine }
  }
  return { ok: true }
}
