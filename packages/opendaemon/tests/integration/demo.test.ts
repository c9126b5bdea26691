import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { packageDir, repoRoot } from '../support/repo.js'

// README command 1 ends in `pnpm demo` = scripts/demo.mjs. Its build step is skipped here because turbo
// builds every package before tests run; the demo gets its own short OD_HOME.
const version = (JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')) as { version: string })
  .version

let home: string
beforeEach(() => {
  home = mkdtempSync('/tmp/od-')
})
afterEach(() => {
  // The demo leaves its daemon (and the hello app) running on purpose: stop them before removing the home.
  spawnSync(process.execPath, [join(packageDir(), 'dist', 'cli.cjs'), 'kill'], {
    env: { ...process.env, OD_HOME: home },
    timeout: 20_000,
  })
  rmSync(home, { recursive: true, force: true })
})

describe('scripts/demo.mjs', () => {
  it('starts the daemon and the hello example, and lists it online', () => {
    const result = spawnSync(process.execPath, [join(repoRoot(), 'scripts', 'demo.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, OD_DEMO_SKIP_BUILD: '1', OD_DEMO_HOME: home },
      timeout: 60_000,
    })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain(`\nopendaemon ${version}\n`)
    expect(result.stdout).toContain('✔ Demo finished.')
    expect(result.stdout).toMatch(/│\s*0 │ hello\s*│ default\s*│ online/)
    const status = spawnSync(
      process.execPath,
      [join(packageDir(), 'dist', 'cli.cjs'), 'isrunning', 'hello'],
      {
        env: { ...process.env, OD_HOME: home },
        encoding: 'utf8',
      },
    )
    expect(status.status, status.stdout + status.stderr).toBe(0)
  })
})
