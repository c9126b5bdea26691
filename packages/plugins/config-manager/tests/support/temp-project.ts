import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig, nodeConfigDeps, type LoadConfigOptions, type LoadedAppConfig } from '../../src/index.js'

/** The repository root (it has typescript installed). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../../..')

/** A temporary project directory; `cleanup` removes it. */
export interface TempProject {
  readonly dir: string
  write(name: string, text: string): string
  /** Makes `typescript` resolvable from the project (a node_modules symlink to the repo's). */
  linkTypeScript(): void
  load(options?: Partial<LoadConfigOptions>): Promise<LoadedAppConfig>
  cleanup(): void
}

export function tempProject(): TempProject {
  const dir = mkdtempSync('/tmp/od-cfg-')
  return {
    dir,
    write(name, text) {
      const path = join(dir, name)
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, text)
      return path
    },
    linkTypeScript() {
      mkdirSync(join(dir, 'node_modules'), { recursive: true })
      symlinkSync(join(repoRoot, 'node_modules/typescript'), join(dir, 'node_modules/typescript'))
    },
    load(options = {}) {
      return loadConfig({ file: null, cwd: dir, profile: null, only: null, ...options }, nodeConfigDeps())
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
