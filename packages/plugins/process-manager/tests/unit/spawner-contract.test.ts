import { expect } from 'vitest'
import { createFakeSpawner, type FakeChild } from '../../src/fake-spawner.js'
import { createAutoClock } from '../helpers/auto-clock.js'
import { fakeTestapp, MISSING_COMMAND } from '../helpers/fake-testapp.js'
import { spawnerContract } from '../helpers/spawner-contract.js'

spawnerContract('fake', () => {
  const clock = createAutoClock()
  const spawner = createFakeSpawner({ onSpawn: fakeTestapp(clock) })
  return {
    spawner,
    clock,
    testapp: (flags, extra = {}) => ({
      command: 'node',
      args: ['testapp.js', ...flags],
      cwd: '/',
      env: { PATH: '/usr/bin' },
      ...extra,
    }),
    missing: () => ({ command: MISSING_COMMAND, args: [], cwd: '/', env: {} }),
    crashLeader: (child) => (child as FakeChild).exit(null, 'SIGKILL'),
    async cleanup() {
      for (const child of spawner.children) child.kill('SIGKILL')
      for (const child of spawner.children) expect(await child.groupMembers()).toEqual([])
    },
  }
})
