import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { systemClock } from '@opendaemon/core'
import { nodeSpawner, type ChildHandle, type Spawner } from '../../src/spawner.js'
import { killGroups } from '../helpers/cleanup.js'
import { spawnerContract } from '../helpers/spawner-contract.js'

const TESTAPP = fileURLToPath(new URL('../fixtures/testapp.js', import.meta.url))

spawnerContract('node', () => {
  const started: ChildHandle[] = []
  const spawner: Spawner = {
    async spawn(spec) {
      const child = await nodeSpawner.spawn(spec)
      started.push(child)
      return child
    },
  }
  return {
    spawner,
    clock: systemClock,
    testapp: (flags, extra = {}) => ({
      command: process.execPath,
      args: [TESTAPP, ...flags],
      cwd: tmpdir(),
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
      ...extra,
    }),
    missing: () => ({ command: '/nonexistent/od-test-command', args: [], cwd: tmpdir(), env: {} }),
    crashLeader: (child) => process.kill(child.pid, 'SIGKILL'),
    async cleanup() {
      expect(await killGroups(started.map((c) => c.pgid))).toEqual([])
    },
  }
})
