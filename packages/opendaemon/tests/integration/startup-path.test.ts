import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageDir } from '../support/repo.js'

// The CLI's start-up path must not initialise the IPC layer: `od --version` (and every command's argument
// handling) loads neither node:crypto nor node:fs/promises. A static import of the full core barrel on that
// path would break this (see IMPLEMENTATION.md §10).
describe('CLI start-up path', () => {
  it('od --version loads no crypto and no fs/promises', () => {
    const cli = join(packageDir(), 'dist', 'cli.cjs')
    const script = `
      process.argv = [process.argv[0], ${JSON.stringify(cli)}, '--version']
      const seen = new Set(process.moduleLoadList)
      process.on('exit', () => {
        const loaded = process.moduleLoadList.filter((m) => !seen.has(m))
        process.stderr.write('\\nLOADED ' + JSON.stringify(loaded))
      })
      require(${JSON.stringify(cli)})`
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^opendaemon \d+\.\d+\.\d+/)
    const loaded = JSON.parse(result.stderr.split('\nLOADED ')[1] ?? '[]') as string[]
    expect(loaded).not.toContain('NativeModule crypto')
    expect(loaded).not.toContain('NativeModule fs/promises')
  })
})
