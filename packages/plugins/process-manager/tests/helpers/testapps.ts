// Real test-app processes for integration tests: spawn tests/fixtures/testapp.js in its own process group,
// and after each test SIGKILL every group started and fail if anything is left.
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { afterEach, expect } from 'vitest'
import { nodeSpawner, type ChildHandle } from '../../src/spawner.js'
import { killGroups } from './cleanup.js'

export const TESTAPP = fileURLToPath(new URL('../fixtures/testapp.js', import.meta.url))

/** Registers the afterEach cleanup and returns a spawner of test apps with the given flags. */
export function useTestApps(): (...flags: string[]) => Promise<ChildHandle> {
  const started: ChildHandle[] = []
  afterEach(async () => {
    expect(await killGroups(started.splice(0).map((c) => c.pgid))).toEqual([])
  })
  return async (...flags) => {
    const child = await nodeSpawner.spawn({
      command: process.execPath,
      args: [TESTAPP, ...flags],
      cwd: tmpdir(),
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
    })
    started.push(child)
    return child
  }
}
