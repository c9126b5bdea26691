import { createEventBus, createFakeClock, type ProcessInfo } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { adoptProcess, probePid, readCmdline, readStartTime, type AdoptContext } from '../../src/adopt.js'
import { createAdoptedSupervisor } from '../../src/adopted.js'
import type { AppSpec } from '../../src/app-spec.js'
import { specFor } from '../helpers/supervisor-harness.js'

function context(over: Partial<AdoptContext['probes']> = {}, taken: string[] = []) {
  const added: AppSpec[] = []
  const ctx: AdoptContext = {
    probes: {
      probe: () => 'ok',
      startTime: () => Promise.resolve(77),
      cmdline: () => Promise.resolve(['/usr/bin/redis-server', '--port', '7000']),
      isSameProcess: () => Promise.resolve(true),
      kill: () => undefined,
      parentPid: 2,
      pollMs: 1000,
      environ: () => Promise.resolve(null),
      ...over,
    },
    daemonPid: 3,
    managedBy: () => null,
    nameTaken: (name) => taken.includes(name),
    specContext: { baseCwd: '/', cpuCount: 1, statKind: () => 'directory' },
    add: (spec, _restartable, make) => {
      added.push(spec)
      const clock = createFakeClock()
      make(
        { id: 0, name: spec.name, namespace: spec.namespace, instance: 0 },
        {
          events: createEventBus(),
          clock,
          onChange: () => undefined,
          makeManaged: () => {
            throw new Error('not in these tests')
          },
        },
      )
      return Promise.resolve({ name: spec.name } as ProcessInfo)
    },
  }
  return { ctx, added }
}

describe('adoptProcess', () => {
  it('names the app after the executable and keeps its arguments, namespace and signal', async () => {
    const { ctx, added } = context()
    await adoptProcess({ pid: 50, namespace: 'ops', killSignal: 'SIGINT', killTimeout: '1s' }, ctx)
    expect(added[0]).toMatchObject({
      name: 'redis-server',
      script: '/usr/bin/redis-server',
      args: ['--port', '7000'],
      namespace: 'ops',
      killSignal: 'SIGINT',
      killTimeoutMs: 1000,
    })
  })

  it.each([
    [null, 'pid-50'],
    [['123'], 'pid-50'],
    [['all'], 'pid-50'],
    [['/x/!!weird name'], 'weird-name'],
  ])('derives a usable name from %j', async (cmd, name) => {
    const { ctx, added } = context({ cmdline: () => Promise.resolve(cmd) })
    await adoptProcess({ pid: 50 }, ctx)
    expect(added[0]?.name).toBe(name)
  })

  it('uses the pid as a script placeholder when there is no command line', async () => {
    const { ctx, added } = context({ cmdline: () => Promise.resolve(null) })
    await adoptProcess({ pid: 50, name: 'k' }, ctx)
    expect(added[0]?.script).toBe('pid 50')
  })

  it.each([
    [{ probe: () => 'EPERM' as const }, 'not-permitted'],
    [{ startTime: () => Promise.resolve(null) }, 'not-found'],
  ])('refuses with reason %#', async (probes, reason) => {
    const { ctx } = context(probes)
    await expect(adoptProcess({ pid: 50 }, ctx)).rejects.toMatchObject({ data: { reason } })
  })
})

describe('probePid / readCmdline', () => {
  it('maps kill(pid, 0) outcomes', () => {
    expect(probePid(process.pid)).toBe('ok')
    const failing = (code: string) => () => {
      throw Object.assign(new Error(code), { code })
    }
    expect(probePid(5, failing('EPERM'))).toBe('EPERM')
    expect(probePid(5, failing('ESRCH'))).toBe('ESRCH')
  })

  it('splits the command line and treats empty or unreadable as null', async () => {
    expect(await readCmdline(5, () => Promise.resolve('node\0app.js\0'))).toEqual(['node', 'app.js'])
    expect(await readCmdline(5, () => Promise.resolve(''))).toBeNull()
    expect(await readCmdline(5, () => Promise.reject(new Error('ENOENT')))).toBeNull()
    expect(await readCmdline(process.pid)).not.toBeNull()
    expect(await readStartTime(process.pid)).toBeGreaterThan(0)
    expect(await readStartTime(2 ** 22 + 1)).toBeNull()
  })
})

describe('createAdoptedSupervisor', () => {
  function watcher(alive: { value: boolean }, killError = false) {
    const clock = createFakeClock()
    const sent: string[] = []
    let changes = 0
    const sup = createAdoptedSupervisor(
      { id: 1, name: 'legacy', namespace: 'default', instance: 0 },
      specFor({ killTimeout: 100 }),
      { pid: 40, startTime: 9, groupKill: false },
      {
        clock,
        events: createEventBus(),
        onChange: () => void changes++,
        isSameProcess: () => Promise.resolve(alive.value),
        kill: (pid, signal) => {
          sent.push(`${pid}:${signal}`)
          if (killError) throw Object.assign(new Error('ESRCH'), { code: 'ESRCH' })
        },
        pollMs: 1000,
      },
    )
    return { sup, clock, sent, changes: () => changes }
  }

  it('ignores a poll result that arrives after a halt: a stopped daemon never reports it gone', async () => {
    let answer: (alive: boolean) => void = () => undefined
    let gone = 0
    const clock = createFakeClock()
    const sup = createAdoptedSupervisor(
      { id: 1, name: 'svc', namespace: 'default', instance: 0 },
      specFor({}),
      { pid: 40, startTime: 9, groupKill: false },
      {
        clock,
        events: createEventBus(),
        onChange: () => undefined,
        isSameProcess: () => new Promise<boolean>((resolve) => (answer = resolve)),
        kill: () => undefined,
        pollMs: 1000,
        onGone: () => void gone++,
      },
    )
    clock.advance(1000) // the check is now in flight
    await sup.halt()
    answer(false)
    await clock.advanceAsync(0)
    expect(gone).toBe(0)
    expect(sup.status).toBe('online')
    expect(sup.snapshot().lastExit).toBeNull()
  })

  it('ignores a poll result that arrives after a stop began', async () => {
    const alive = { value: true }
    const w = watcher(alive)
    w.clock.advance(1000)
    alive.value = false
    await w.sup.stop()
    await w.clock.advanceAsync(0)
    expect(w.sup.snapshot().lastExit?.reason).toBe('stop')
    expect(w.sent).toEqual([])
  })

  it('a kill that races the exit is harmless', async () => {
    const alive = { value: true }
    const w = watcher(alive, true)
    const stopped = w.sup.stop()
    await w.clock.advanceAsync(2000)
    await stopped
    expect(w.sent).toEqual(['40:SIGTERM', '40:SIGKILL'])
    expect(w.sup.status).toBe('stopped')
  })

  it('start of a running one is a no-op; reset clears the last exit; halt stops watching', async () => {
    const alive = { value: true }
    const w = watcher(alive)
    await w.sup.start()
    await w.sup.halt()
    alive.value = false
    await w.clock.advanceAsync(5000)
    expect(w.sup.status).toBe('online')
    await w.sup.stop()
    w.sup.reset()
    expect(w.sup.snapshot().lastExit).toBeNull()
    expect(w.sup.snapshot().history).toEqual([])
  })
})
