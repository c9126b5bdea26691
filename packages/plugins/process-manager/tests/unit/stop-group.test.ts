import { createFakeClock } from '@opendaemon/core'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createFakeSpawner } from '../../src/fake-spawner.js'
import type { ChildHandle } from '../../src/spawner.js'
import { stopGroup, type StopResult } from '../../src/stop-group.js'

const spec = { command: 'app', args: [], cwd: '/', env: {} }

function track(promise: Promise<StopResult>): { result: () => StopResult | undefined; error: () => unknown } {
  let result: StopResult | undefined
  let error: unknown
  promise.then(
    (r) => (result = r),
    (e: unknown) => (error = e),
  )
  return { result: () => result, error: () => error }
}

describe('stopGroup with a fake clock', () => {
  it('sends the signal, then SIGKILL exactly at the kill timeout', async () => {
    const clock = createFakeClock()
    const child = await createFakeSpawner().spawn(spec)
    const fake = child as ReturnType<typeof createFakeSpawner>['children'][number]
    fake.trap('SIGTERM')
    const stop = track(stopGroup(child, 'SIGTERM', 1000, clock, { pollMs: 100 }))
    await clock.advanceAsync(999)
    expect(stop.result()).toBeUndefined()
    expect(fake.signals).toEqual(['SIGTERM'])
    await clock.advanceAsync(1)
    expect(fake.signals).toEqual(['SIGTERM', 'SIGKILL'])
    expect(stop.result()).toEqual({
      how: 'sigkill',
      exit: { code: null, signal: 'SIGKILL' },
      ms: 1000,
      leftovers: [child.pid],
    })
  })

  it('kills a SIGTERM-trapping grandchild whose parent obeyed', async () => {
    const clock = createFakeClock()
    const spawner = createFakeSpawner()
    const child = await spawner.spawn(spec)
    const grandchild = spawner.last().addGroupMember(['SIGTERM'])
    const stop = track(stopGroup(child, 'SIGTERM', 500, clock))
    await clock.advanceAsync(0)
    expect(child.exitStatus()).toEqual({ code: null, signal: 'SIGTERM' })
    expect(stop.result()).toBeUndefined()
    await clock.advanceAsync(500)
    expect(stop.result()).toEqual({
      how: 'sigkill',
      exit: { code: null, signal: 'SIGTERM' },
      ms: 500,
      leftovers: [grandchild],
    })
  })

  it('wakes on the leader exit instead of waiting for the next poll', async () => {
    const clock = createFakeClock()
    const spawner = createFakeSpawner()
    const child = await spawner.spawn(spec)
    const fake = spawner.last()
    fake.trap('SIGTERM')
    fake.onSignal(() => clock.setTimeout(() => fake.exit(0), 30))
    const stop = track(stopGroup(child, 'SIGTERM', 5000, clock, { pollMs: 1000 }))
    await clock.advanceAsync(30)
    expect(stop.result()).toEqual({ how: 'signal', exit: { code: 0, signal: null }, ms: 30 })
  })

  it('with a kill timeout of 0 sends SIGKILL at once', async () => {
    const clock = createFakeClock()
    const spawner = createFakeSpawner()
    const child = await spawner.spawn(spec)
    spawner.last().trap('SIGTERM')
    const stop = track(stopGroup(child, 'SIGTERM', 0, clock))
    await clock.advanceAsync(0)
    expect(stop.result()).toMatchObject({ how: 'sigkill', ms: 0 })
  })

  it('reports processes that survive SIGKILL with OD_STOP_FAILED', async () => {
    const clock = createFakeClock()
    const stuck: ChildHandle = {
      pid: 77,
      pgid: 77,
      startTime: 1,
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      stdin: null,
      exitStatus: () => null,
      onExit: () => () => undefined,
      kill: () => true,
      groupMembers: async () => [77, 78],
    }
    const stop = track(stopGroup(stuck, 'SIGTERM', 100, clock, { sigkillWaitMs: 2000 }))
    await clock.advanceAsync(2099)
    expect(stop.error()).toBeUndefined()
    await clock.advanceAsync(1)
    expect(stop.error()).toMatchObject({
      code: 'OD_STOP_FAILED',
      message: expect.stringMatching(/^Processes 77, 78 survived SIGKILL for 2000 ms/),
    })
  })

  it('names the leader when it never reports its exit and no member is listed', async () => {
    const clock = createFakeClock()
    const unreaped: ChildHandle = {
      pid: 90,
      pgid: 90,
      startTime: null,
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      stdin: null,
      exitStatus: () => null,
      onExit: () => () => undefined,
      kill: () => false,
      groupMembers: async () => [],
    }
    const stop = track(stopGroup(unreaped, 'SIGTERM', 0, clock, { sigkillWaitMs: 0 }))
    await clock.advanceAsync(0)
    expect(stop.error()).toMatchObject({
      code: 'OD_STOP_FAILED',
      message: expect.stringMatching(/^Processes 90 survived/),
    })
  })
})
