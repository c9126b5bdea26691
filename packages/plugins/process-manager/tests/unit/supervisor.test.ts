import { createLogger, DaemonError } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { createFakeSpawner } from '../../src/fake-spawner.js'
import type { Spawner } from '../../src/spawner.js'
import { harness, startOnline } from '../helpers/supervisor-harness.js'

const crashAtOnce = { onSpawn: (child: { exit(code: number): void }) => queueMicrotask(() => child.exit(1)) }

describe('supervisor: start and readiness', () => {
  it('is online after the start grace, with every transition emitted', async () => {
    const h = harness()
    const started = h.sup.start()
    await h.clock.advanceAsync(99)
    expect(h.sup.status).toBe('starting')
    await h.clock.advanceAsync(1)
    await started
    expect(h.sup.status).toBe('online')
    expect(h.events).toEqual(['process:state', 'process:starting', 'process:state', 'process:online'])
    expect(h.sup.snapshot()).toMatchObject({
      pid: 10000,
      pgid: 10000,
      pidStartTime: 1000,
      startedAt: 1_000_000,
    })
  })

  it('a second start of a running instance spawns nothing', async () => {
    const h = harness()
    await startOnline(h)
    await h.sup.start()
    expect(h.spawner.calls).toHaveLength(1)
  })

  it('waitReady: online on the ready message, not on the grace', async () => {
    const h = harness({ waitReady: true })
    const started = h.sup.start()
    await h.clock.advanceAsync(500)
    h.spawner.last().sendToParent('hello')
    expect(h.sup.status).toBe('starting')
    h.spawner.last().sendToParent({ od: 1, type: 'ready' })
    await started
    expect(h.sup.status).toBe('online')
  })

  it('waitReady: a listen timeout stops the group and counts as an unstable run', async () => {
    const h = harness({ waitReady: true, listenTimeout: 1000, maxRestarts: 1, minUptime: 100 })
    const started = h.sup.start()
    await h.clock.advanceAsync(1000)
    await started
    expect(h.spawner.children[0]?.signals).toEqual(['SIGTERM'])
    expect(h.sup.snapshot().lastExit).toMatchObject({ reason: 'ready-timeout' })
    await h.clock.advanceAsync(0)
    expect(h.spawner.calls).toHaveLength(2)
    await h.clock.advanceAsync(1000)
    expect(h.sup.status).toBe('errored')
    expect(h.sup.snapshot().error?.code).toBe('OD_PROCESS_UNSTABLE')
  })

  it('readyPattern: online once a complete stdout line matches', async () => {
    const h = harness({ readyPattern: 'listening on :\\d+' })
    const started = h.sup.start()
    await h.clock.advanceAsync(200)
    h.spawner.last().writeStdout('booting\nlistening on :')
    await h.clock.advanceAsync(0)
    expect(h.sup.status).toBe('starting')
    h.spawner.last().writeStdout('8080\r\n')
    await started
    expect(h.sup.status).toBe('online')
  })

  it('a failed spawn makes the instance errored with OD_SPAWN_FAILED', async () => {
    const h = harness(
      {},
      {
        onSpawn: () => {
          throw new Error('ENOENT')
        },
      },
    )
    await h.sup.start()
    expect(h.sup.status).toBe('errored')
    expect(h.sup.snapshot().error).toMatchObject({ code: 'OD_SPAWN_FAILED' })
    expect(h.events).toContain('process:errored')
  })

  it('a launch error (missing script) makes it errored with its code', async () => {
    const h = harness(
      {},
      {},
      {
        launch: () => {
          throw new DaemonError('OD_SCRIPT_NOT_FOUND', '/nope.js')
        },
      },
    )
    await h.sup.start()
    expect(h.sup.snapshot().error?.code).toBe('OD_SCRIPT_NOT_FOUND')
  })
})

describe('supervisor: restart policy', () => {
  it('restarts a crash at once with restart delay 0', async () => {
    const h = harness()
    await startOnline(h)
    h.clock.advance(5000)
    h.spawner.last().exit(1)
    expect(h.sup.status).toBe('stopped')
    await h.clock.advanceAsync(0)
    expect(h.spawner.calls).toHaveLength(2)
    expect(h.events).toContain('process:exited')
    expect(h.events).toContain('process:restarting')
    expect(h.sup.snapshot()).toMatchObject({ restarts: 1, unstableRestarts: 0 })
  })

  it('waits the restart delay before respawning', async () => {
    const h = harness({ restartDelay: 1000 })
    await startOnline(h)
    h.spawner.last().exit(1)
    expect(h.sup.snapshot().nextRestartAt).toBe(h.clock.now() + 1000)
    await h.clock.advanceAsync(999)
    expect(h.spawner.calls).toHaveLength(1)
    await h.clock.advanceAsync(1)
    expect(h.spawner.calls).toHaveLength(2)
  })

  it('exponential backoff doubles the delay over an unstable streak', async () => {
    const h = harness({ restartDelay: 100, backoff: 'exponential', maxRestarts: 0 }, crashAtOnce)
    const started = h.sup.start()
    await h.clock.advanceAsync(2000)
    await started
    const delays = h.payloads
      .filter((p) => p.event === 'process:restarting')
      .map((p) => (p.data as { delayMs: number }).delayMs)
    expect(delays.slice(0, 4)).toEqual([100, 200, 400, 800])
  })

  it('gives up as errored after maxRestarts unstable runs', async () => {
    const h = harness({ maxRestarts: 2 }, crashAtOnce)
    await h.sup.start()
    await h.clock.advanceAsync(10)
    expect(h.spawner.calls).toHaveLength(3)
    expect(h.sup.status).toBe('errored')
    expect(h.sup.snapshot()).toMatchObject({ restarts: 2, unstableRestarts: 3 })
  })

  it('a run longer than minUptime resets the unstable streak', async () => {
    const h = harness({ maxRestarts: 1, minUptime: 1000 })
    await startOnline(h)
    h.spawner.last().exit(1)
    await h.clock.advanceAsync(100)
    expect(h.sup.snapshot().unstableRestarts).toBe(1)
    await h.clock.advanceAsync(2000)
    h.spawner.last().exit(1)
    await h.clock.advanceAsync(0)
    expect(h.sup.snapshot().unstableRestarts).toBe(0)
    expect(h.spawner.calls).toHaveLength(3)
  })

  it('autorestart never: stopped after any exit', async () => {
    const h = harness({ autorestart: 'never' })
    await startOnline(h)
    h.spawner.last().exit(1)
    await h.clock.advanceAsync(1000)
    expect(h.sup.status).toBe('stopped')
    expect(h.spawner.calls).toHaveLength(1)
  })

  it('on-failure: a clean exit stays stopped; a stop exit code too', async () => {
    const h = harness({ autorestart: 'on-failure', stopExitCodes: [3] })
    await startOnline(h)
    h.spawner.last().exit(0)
    await h.clock.advanceAsync(1000)
    expect(h.spawner.calls).toHaveLength(1)
    await startOnline(h)
    h.spawner.last().exit(3)
    await h.clock.advanceAsync(1000)
    expect(h.spawner.calls).toHaveLength(2)
    expect(h.sup.status).toBe('stopped')
  })
})

describe('supervisor: stop, restart, delete', () => {
  it('stop sends the kill signal to the group and never restarts', async () => {
    const h = harness()
    await startOnline(h)
    await h.sup.stop()
    expect(h.spawner.last().signals).toEqual(['SIGTERM'])
    expect(h.sup.status).toBe('stopped')
    expect(h.sup.snapshot()).toMatchObject({ desired: 'stopped', pid: null, lastExit: { reason: 'stop' } })
    await h.clock.advanceAsync(5000)
    expect(h.spawner.calls).toHaveLength(1)
  })

  it('a stop during a pending restart cancels it', async () => {
    const h = harness({ restartDelay: 1000 })
    await startOnline(h)
    h.spawner.last().exit(1)
    await h.clock.advanceAsync(500)
    await h.sup.stop()
    expect(h.sup.snapshot().nextRestartAt).toBeNull()
    await h.clock.advanceAsync(5000)
    expect(h.spawner.calls).toHaveLength(1)
  })

  it('a stop while starting stops the new child', async () => {
    const h = harness()
    const started = h.sup.start()
    const stopped = h.sup.stop()
    await started
    await stopped
    expect(h.sup.status).toBe('stopped')
    expect(h.spawner.last().exitStatus()).not.toBeNull()
  })

  it('restart replaces the child, counts a restart and clears the unstable streak', async () => {
    const h = harness()
    await startOnline(h)
    const restarted = h.sup.restart()
    await h.clock.advanceAsync(100)
    await restarted
    expect(h.spawner.calls).toHaveLength(2)
    expect(h.sup.snapshot()).toMatchObject({ status: 'online', restarts: 1, unstableRestarts: 0, pid: 10001 })
  })

  it('kills grandchildren a crashed run left in its group when stopped', async () => {
    const h = harness({ autorestart: 'never' })
    await startOnline(h)
    h.spawner.last().addGroupMember()
    h.spawner.last().exit(1)
    await h.sup.stop()
    expect(await h.spawner.last().groupMembers()).toEqual([])
  })

  it('halt stops without changing the desired state', async () => {
    const h = harness()
    await startOnline(h)
    await h.sup.halt()
    expect(h.sup.snapshot()).toMatchObject({ status: 'stopped', desired: 'online' })
  })

  it('reset clears counters and the last exit', async () => {
    const h = harness()
    await startOnline(h)
    h.spawner.last().exit(1)
    await h.clock.advanceAsync(200)
    h.sup.reset()
    expect(h.sup.snapshot()).toMatchObject({ restarts: 0, unstableRestarts: 0, lastExit: null, history: [] })
  })

  it('restores stopped/errored status and counters', () => {
    const h = harness({}, {}, {}, { status: 'errored', restarts: 4, desired: 'stopped' })
    expect(h.sup.status).toBe('errored')
    expect(h.sup.snapshot()).toMatchObject({ restarts: 4, desired: 'stopped' })
  })

  it('#4 delete during a crash loop never leaves a process or a later spawn (100 random trials)', async () => {
    let seed = 42
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let trial = 0; trial < 100; trial++) {
      const h = harness(
        { restartDelay: rand(3) * 10, maxRestarts: 0, minUptime: 1000 },
        {
          onSpawn: (child) => {
            if (rand(2) === 0) queueMicrotask(() => child.exit(1))
            else child.trap('SIGTERM')
          },
        },
      )
      void h.sup.start()
      await h.clock.advanceAsync(rand(200))
      for (let k = rand(4); k > 0; k--) await Promise.resolve()
      const removed = h.sup.remove()
      await h.clock.advanceAsync(10_000)
      await removed
      const spawns = h.spawner.calls.length
      await h.clock.advanceAsync(10_000)
      expect(h.spawner.calls).toHaveLength(spawns)
      expect(h.spawner.children.every((c) => c.exitStatus() !== null)).toBe(true)
      expect(['stopped', 'errored', 'created']).toContain(h.sup.status)
      await h.sup.start()
      expect(h.spawner.calls).toHaveLength(spawns)
    }
  })
})

describe('supervisor: max-memory', () => {
  it('restarts an instance whose RSS exceeds maxMemory', async () => {
    const h = harness({ maxMemory: '10M' })
    await startOnline(h)
    h.rss.value = 5 * 1024 * 1024
    await h.clock.advanceAsync(1000)
    expect(h.sup.snapshot().memory).toBe(5 * 1024 * 1024)
    expect(h.spawner.calls).toHaveLength(1)
    h.rss.value = 11 * 1024 * 1024
    await h.clock.advanceAsync(1000)
    await h.clock.advanceAsync(100)
    expect(h.spawner.calls).toHaveLength(2)
    expect(h.sup.snapshot()).toMatchObject({
      status: 'online',
      restarts: 1,
      lastExit: { reason: 'max-memory' },
    })
  })

  it('stops sampling once the instance is stopped', async () => {
    const h = harness({ maxMemory: '10M' })
    await startOnline(h)
    await h.sup.stop()
    h.rss.value = 50 * 1024 * 1024
    await h.clock.advanceAsync(5000)
    expect(h.spawner.calls).toHaveLength(1)
  })
})

describe('supervisor: races and failures', () => {
  it('an exit right after a stop request is not restarted', async () => {
    const h = harness()
    await startOnline(h)
    const stopped = h.sup.stop()
    h.spawner.last().exit(1)
    await stopped
    await h.clock.advanceAsync(1000)
    expect(h.sup.status).toBe('stopped')
    expect(h.spawner.calls).toHaveLength(1)
  })

  it('a group that survives SIGKILL is logged and the stop still completes', async () => {
    const spawner = createFakeSpawner()
    const stuck: Spawner = {
      spawn: async (spec) => ({ ...(await spawner.spawn(spec)), groupMembers: () => Promise.resolve([99]) }),
    }
    const h = harness(
      { killTimeout: 100 },
      {},
      { spawner: stuck, stopOptions: { sigkillWaitMs: 100, pollMs: 50 } },
    )
    await startOnline(h)
    const stopped = h.sup.stop()
    await h.clock.advanceAsync(500)
    await stopped
    expect(h.sup.status).toBe('stopped')
    expect(spawner.last().signals).toEqual(['SIGTERM', 'SIGKILL'])
  })
})

describe('supervisor: generation guards', () => {
  function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
    let resolve: (value: T) => void = () => undefined
    const promise = new Promise<T>((r) => (resolve = r))
    return { promise, resolve }
  }

  it('a second matching line in the same chunk is ignored once online', async () => {
    const h = harness({ readyPattern: 'up' })
    const started = h.sup.start()
    await h.clock.advanceAsync(0)
    h.spawner.last().writeStdout('up\nup\n')
    await started
    expect(h.events.filter((e) => e === 'process:online')).toHaveLength(1)
  })

  it('an RSS sample that arrives after the run ended is dropped', async () => {
    const sample = deferred<number | null>()
    const h = harness({ maxMemory: '1M' }, {}, { readRss: () => sample.promise })
    await startOnline(h)
    await h.clock.advanceAsync(1000)
    h.spawner.last().exit(0)
    sample.resolve(10 * 1024 * 1024)
    await h.clock.advanceAsync(100)
    expect(h.sup.snapshot().lastExit?.reason).toBe('crash')
  })

  it('a user stop queued before a memory restart wins', async () => {
    const sample = deferred<number | null>()
    const h = harness({ maxMemory: '1M' }, {}, { readRss: () => sample.promise })
    await startOnline(h)
    await h.clock.advanceAsync(1000)
    sample.resolve(10 * 1024 * 1024)
    await Promise.resolve()
    await Promise.resolve()
    await h.sup.stop()
    await h.clock.advanceAsync(1000)
    expect(h.sup.status).toBe('stopped')
    expect(h.spawner.calls).toHaveLength(1)
  })

  it('a delete during a memory restart leaves nothing running', async () => {
    const h = harness({ maxMemory: '1M', killTimeout: 500 }, { onSpawn: (c) => c.trap('SIGTERM') })
    await startOnline(h)
    h.rss.value = 10 * 1024 * 1024
    await h.clock.advanceAsync(1000)
    expect(h.sup.status).toBe('stopping')
    const removed = h.sup.remove()
    await h.clock.advanceAsync(1000)
    await removed
    expect(h.spawner.calls).toHaveLength(1)
    expect(h.spawner.last().exitStatus()).toEqual({ code: null, signal: 'SIGKILL' })
  })

  it('a stop right after the restart timer fired cancels the respawn', async () => {
    const h = harness({ restartDelay: 1000 })
    await startOnline(h)
    h.spawner.last().exit(1)
    h.clock.advance(1000)
    await h.sup.stop()
    expect(h.spawner.calls).toHaveLength(1)
  })

  it('a stop during an in-flight spawn stops the child and skips its readiness', async () => {
    const gate = deferred<void>()
    const inner = createFakeSpawner()
    const slow: Spawner = {
      spawn: async (spec) => {
        await gate.promise
        return inner.spawn(spec)
      },
    }
    const h = harness({}, {}, { spawner: slow })
    const started = h.sup.start()
    await h.clock.advanceAsync(0)
    const stopped = h.sup.stop()
    gate.resolve()
    await started
    await stopped
    expect(h.sup.status).toBe('stopped')
    expect(inner.last().signals).toEqual(['SIGTERM'])
    expect(h.events).not.toContain('process:online')
  })

  it('restart after remove spawns nothing', async () => {
    const h = harness()
    await startOnline(h)
    await h.sup.remove()
    await h.sup.restart()
    expect(h.spawner.calls).toHaveLength(1)
  })
})

describe('supervisor: exit racing a memory restart', () => {
  it('an exit between the RSS check and the queued restart leaves it to the restart policy', async () => {
    let exitNow = (): void => undefined
    const logger = createLogger({
      level: 'warn',
      sink: (line) => {
        if (line.includes('max-memory')) exitNow()
      },
    })
    const h = harness({ maxMemory: '1M' }, {}, { logger })
    exitNow = () => h.spawner.last().exit(1)
    await startOnline(h)
    h.rss.value = 10 * 1024 * 1024
    await h.clock.advanceAsync(1000)
    await h.clock.advanceAsync(200)
    expect(h.sup.snapshot().lastExit?.reason).toBe('crash')
    expect(h.spawner.calls).toHaveLength(2)
  })
})
