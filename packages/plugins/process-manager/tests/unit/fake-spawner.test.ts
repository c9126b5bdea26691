import { describe, expect, it } from 'vitest'
import { createFakeSpawner } from '../../src/fake-spawner.js'
import { collect } from '../helpers/streams.js'

const spec = { command: 'app', args: [], cwd: '/', env: {} }

describe('createFakeSpawner', () => {
  it('records specs and numbers pids from firstPid', async () => {
    const spawner = createFakeSpawner({ firstPid: 500 })
    const a = await spawner.spawn(spec)
    const b = await spawner.spawn({ ...spec, command: 'other' })
    expect([a.pid, b.pid]).toEqual([500, 501])
    expect(spawner.calls.map((c) => c.command)).toEqual(['app', 'other'])
    expect(spawner.children).toEqual([a, b])
    expect(spawner.last()).toBe(b)
  })

  it('last() explains that nothing was spawned', () => {
    expect(() => createFakeSpawner().last()).toThrow('the fake spawner has not started any child')
  })

  it('turns an onSpawn failure into OD_SPAWN_FAILED, still recording the call', async () => {
    const spawner = createFakeSpawner({
      onSpawn: () => {
        throw new Error('EACCES')
      },
    })
    await expect(spawner.spawn(spec)).rejects.toMatchObject({
      code: 'OD_SPAWN_FAILED',
      message: expect.stringContaining('app: EACCES'),
    })
    expect(spawner.calls).toHaveLength(1)
    expect(spawner.children).toHaveLength(0)
  })

  it('exits once, ending both streams', async () => {
    const spawner = createFakeSpawner()
    const child = await spawner.spawn(spec)
    const err = collect(child.stderr)
    spawner.last().writeStderr('oops\n')
    spawner.last().exit(2)
    spawner.last().exit(5)
    expect(child.exitStatus()).toEqual({ code: 2, signal: null })
    await expect(err.waitFor(/never/)).rejects.toThrow(/stream ended without/)
    expect(err.text()).toBe('oops\n')
  })

  it('a signal exit has no code', async () => {
    const spawner = createFakeSpawner()
    await spawner.spawn(spec)
    spawner.last().exit(1, 'SIGSEGV')
    expect(spawner.last().exitStatus()).toEqual({ code: null, signal: 'SIGSEGV' })
  })

  it('signals ignored by default do not kill', async () => {
    const spawner = createFakeSpawner()
    const child = await spawner.spawn(spec)
    spawner.last().addGroupMember()
    expect(child.kill('SIGCHLD')).toBe(true)
    expect(child.kill('SIGWINCH')).toBe(true)
    expect(child.exitStatus()).toBeNull()
    expect(await child.groupMembers()).toHaveLength(2)
  })

  it('a grandchild can end on its own', async () => {
    const spawner = createFakeSpawner()
    const child = await spawner.spawn(spec)
    const gpid = spawner.last().addGroupMember()
    spawner.last().endGroupMember(gpid)
    expect(await child.groupMembers()).toEqual([child.pid])
  })

  it('IPC: records messages to the child and refuses sendToParent without ipc', async () => {
    const spawner = createFakeSpawner()
    const child = await spawner.spawn({ ...spec, ipc: true })
    const got: unknown[] = []
    const off = child.onMessage?.((m) => got.push(m))
    spawner.last().sendToParent('one')
    off?.()
    spawner.last().sendToParent('two')
    expect(got).toEqual(['one'])
    expect(child.sendMessage?.({ a: 1 })).toBe(true)
    expect(spawner.last().received).toEqual([{ a: 1 }])
    await spawner.spawn(spec)
    expect(() => spawner.last().sendToParent('x')).toThrow(
      'sendToParent needs a child spawned with ipc: true',
    )
  })
})
