// One behavioural contract for every Spawner: run against the fake (tests/unit) and the real
// spawner with real processes (tests/integration), so the fake cannot drift from reality.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StopClock } from '../../src/stop-group.js'
import type { ChildHandle, SpawnSpec, Spawner } from '../../src/spawner.js'
import { stopGroup } from '../../src/stop-group.js'
import { collect, exitOf } from './streams.js'

export interface SpawnerHarness {
  spawner: Spawner
  clock: StopClock
  /** A spec running the test app (tests/fixtures/testapp.js) with `flags`. */
  testapp(flags: string[], extra?: Partial<SpawnSpec>): SpawnSpec
  /** A spec whose command does not exist. */
  missing(): SpawnSpec
  /** SIGKILLs the leader alone (not its group), as a crash would end it. */
  crashLeader(child: ChildHandle): void
  /** Stops everything the test started and fails if anything is left. */
  cleanup(): Promise<void>
}

export function spawnerContract(name: string, makeHarness: () => SpawnerHarness): void {
  describe(`spawner contract: ${name}`, () => {
    let h: SpawnerHarness
    beforeEach(() => {
      h = makeHarness()
    })
    afterEach(async () => {
      await h.cleanup()
    })

    it('reports pid, pgid = pid and a start time, and pipes stdout', async () => {
      const child = await h.spawner.spawn(h.testapp(['--run-forever']))
      expect(child.pid).toBeGreaterThan(0)
      expect(child.pgid).toBe(child.pid)
      expect(child.startTime).toEqual(expect.any(Number))
      expect(child.exitStatus()).toBeNull()
      expect(await collect(child.stdout).waitFor(/^STARTED/)).toBe(`STARTED ${child.pid}`)
    })

    it('reports the exit code', async () => {
      const child = await h.spawner.spawn(h.testapp(['--crash-after', '0', '--exit-code', '3']))
      expect(await exitOf(child)).toEqual({ code: 3, signal: null })
      expect(child.exitStatus()).toEqual({ code: 3, signal: null })
    })

    it('reports death by signal, sent to the group', async () => {
      const child = await h.spawner.spawn(h.testapp(['--run-forever']))
      expect(child.kill('SIGTERM')).toBe(true)
      expect(await exitOf(child)).toEqual({ code: null, signal: 'SIGTERM' })
    })

    it('kill returns false once nothing is left in the group', async () => {
      const child = await h.spawner.spawn(h.testapp(['--crash-after', '0', '--exit-code', '0']))
      await exitOf(child)
      expect(await child.groupMembers()).toEqual([])
      expect(child.kill('SIGTERM')).toBe(false)
    })

    it('gives the child exactly the environment in the spec', async () => {
      const spec = h.testapp(['--print-env', 'OD_TEST_VAR', '--print-env', 'OD_NOT_SET'])
      const child = await h.spawner.spawn({ ...spec, env: { ...spec.env, OD_TEST_VAR: 'hello world' } })
      const out = collect(child.stdout)
      expect(await out.waitFor(/^ENV OD_NOT_SET/)).toBe('ENV OD_NOT_SET=<unset>')
      expect(out.text()).toContain('ENV OD_TEST_VAR=hello world\n')
      expect(await exitOf(child)).toEqual({ code: 0, signal: null })
    })

    it('keeps the output of a child that exited before anyone read it', async () => {
      const child = await h.spawner.spawn(h.testapp(['--print-env', 'OD_NOT_SET']))
      await exitOf(child)
      expect(await collect(child.stdout).waitFor(/^ENV/)).toBe('ENV OD_NOT_SET=<unset>')
    })

    it('calls onExit registered after the exit, and not after unsubscribing', async () => {
      const child = await h.spawner.spawn(h.testapp(['--crash-after', '0', '--exit-code', '4']))
      let calls = 0
      const off = child.onExit(() => calls++)
      off()
      await exitOf(child)
      expect(await exitOf(child)).toEqual({ code: 4, signal: null })
      expect(calls).toBe(0)
    })

    it('rejects with OD_SPAWN_FAILED for a missing command', async () => {
      await expect(h.spawner.spawn(h.missing())).rejects.toMatchObject({
        code: 'OD_SPAWN_FAILED',
        message: expect.stringContaining('ENOENT'),
      })
    })

    it('has an IPC channel only when asked: the app can send ready', async () => {
      const plain = await h.spawner.spawn(h.testapp(['--run-forever']))
      expect(plain.sendMessage).toBeUndefined()
      expect(plain.onMessage).toBeUndefined()
      const child = await h.spawner.spawn(h.testapp(['--ready-after', '0', '--run-forever'], { ipc: true }))
      const ready = new Promise((resolve) => child.onMessage?.(resolve))
      expect(await ready).toBe('ready')
      expect(child.sendMessage?.({ hello: 1 })).toBe(true)
      child.kill('SIGKILL')
      await exitOf(child)
      expect(child.sendMessage?.('late')).toBe(false)
    })

    it('gives a writable stdin only with stdin: pipe', async () => {
      expect((await h.spawner.spawn(h.testapp(['--run-forever']))).stdin).toBeNull()
      expect((await h.spawner.spawn(h.testapp(['--run-forever'], { stdin: 'pipe' }))).stdin).not.toBeNull()
    })

    it('lists the leader and a grandchild as group members', async () => {
      const child = await h.spawner.spawn(h.testapp(['--spawn-grandchild']))
      const grandchild = Number((await collect(child.stdout).waitFor(/^GRANDCHILD/)).split(' ')[1])
      expect(await child.groupMembers()).toEqual([child.pid, grandchild].sort((a, b) => a - b))
    })

    describe('stopGroup', () => {
      it('stops a well-behaved app with the signal', async () => {
        const child = await h.spawner.spawn(h.testapp(['--run-forever']))
        const result = await stopGroup(child, 'SIGTERM', 5000, h.clock)
        expect(result).toMatchObject({ how: 'signal', exit: { code: null, signal: 'SIGTERM' } })
      })

      it('waits for a slow shutdown that fits the kill timeout', async () => {
        const child = await h.spawner.spawn(h.testapp(['--slow-shutdown', '100']))
        await collect(child.stdout).waitFor(/^STARTED/)
        const result = await stopGroup(child, 'SIGTERM', 5000, h.clock)
        expect(result).toMatchObject({ how: 'signal', exit: { code: 0, signal: null } })
      })

      it('escalates to SIGKILL for a SIGTERM-trapping app and its SIGTERM-trapping grandchild', async () => {
        const child = await h.spawner.spawn(h.testapp(['--trap-sigterm', '--spawn-grandchild']))
        const grandchild = Number((await collect(child.stdout).waitFor(/^GRANDCHILD/)).split(' ')[1])
        const result = await stopGroup(child, 'SIGTERM', 300, h.clock)
        expect(result).toMatchObject({ how: 'sigkill', exit: { code: null, signal: 'SIGKILL' } })
        if (result.how !== 'sigkill') throw new Error('unreachable')
        expect(result.leftovers).toEqual([child.pid, grandchild].sort((a, b) => a - b))
        expect(result.ms).toBeGreaterThanOrEqual(300)
        expect(await child.groupMembers()).toEqual([])
      })

      it('kills a grandchild left behind by a leader that already exited', async () => {
        const child = await h.spawner.spawn(h.testapp(['--spawn-grandchild']))
        const grandchild = Number((await collect(child.stdout).waitFor(/^GRANDCHILD/)).split(' ')[1])
        h.crashLeader(child)
        await exitOf(child)
        expect(await child.groupMembers()).toEqual([grandchild])
        const result = await stopGroup(child, 'SIGTERM', 5000, h.clock)
        expect(result).toMatchObject({ how: 'signal', exit: { code: null, signal: 'SIGKILL' } })
        expect(await child.groupMembers()).toEqual([])
      })

      it('reports a group that had already exited', async () => {
        const child = await h.spawner.spawn(h.testapp(['--crash-after', '0', '--exit-code', '2']))
        await exitOf(child)
        expect(await stopGroup(child, 'SIGTERM', 5000, h.clock)).toEqual({
          how: 'already-exited',
          exit: { code: 2, signal: null },
        })
      })
    })
  })
}
