import { readFileSync } from 'node:fs'
import { getPriority, tmpdir } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { createNodeSpawner, nodeSpawner, type ChildHandle, type SpawnSpec } from '../../src/spawner.js'
import { killGroups } from '../helpers/cleanup.js'
import { collect, exitOf } from '../helpers/streams.js'

const PATH = process.env['PATH'] ?? '/usr/bin:/bin'
const sh = (script: string, extra: Partial<SpawnSpec> = {}): SpawnSpec => ({
  command: '/bin/sh',
  args: ['-c', script],
  cwd: tmpdir(),
  env: { PATH },
  ...extra,
})
const statusField = (pid: number, field: string): string =>
  (new RegExp(`^${field}:\\s*(.*)$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '').trim()
const isRoot = process.getuid?.() === 0

describe('nodeSpawner OS options (real processes)', () => {
  const started: ChildHandle[] = []
  const spawn = async (spec: SpawnSpec, spawner = nodeSpawner): Promise<ChildHandle> => {
    const child = await spawner.spawn(spec)
    started.push(child)
    return child
  }
  afterEach(async () => {
    expect(await killGroups(started.splice(0).map((c) => c.pgid))).toEqual([])
  })

  it('runs the child in its own session and process group', async () => {
    const child = await spawn(sh('echo ready; exec sleep 60'))
    await collect(child.stdout).waitFor(/ready/)
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
    const [, , pgid, sid] = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number)
    expect([pgid, sid]).toEqual([child.pid, child.pid])
  })

  it('applies nice through the nice wrapper, keeping the pid', async () => {
    const child = await spawn(sh('echo $$; exec sleep 60', { nice: 7 }))
    expect(Number(await collect(child.stdout).waitFor(/^\d+$/))).toBe(child.pid)
    expect(getPriority(child.pid)).toBe(7)
  })

  it('keeps the output of a child that exits before anyone reads it', async () => {
    const child = await spawn(sh('echo last words; echo oops >&2'))
    await exitOf(child)
    expect(await collect(child.stdout).waitFor(/last/)).toBe('last words')
    expect(await collect(child.stderr).waitFor(/oops/)).toBe('oops')
  })

  it('applies the umask', async () => {
    const child = await spawn(sh('umask', { umask: 0o27 }))
    expect(await collect(child.stdout).waitFor(/^\d+$/)).toBe('0027')
    expect(await exitOf(child)).toEqual({ code: 0, signal: null })
  })

  it('pins the CPUs with taskset', async () => {
    const child = await spawn(sh('echo go; exec sleep 60', { cpuAffinity: [0] }))
    await collect(child.stdout).waitFor(/go/)
    expect(statusField(child.pid, 'Cpus_allowed_list')).toBe('0')
  })

  it('combines umask, nice and affinity on one pid', async () => {
    const child = await spawn(sh('umask; exec sleep 60', { umask: 0o77, nice: 3, cpuAffinity: [0] }))
    expect(await collect(child.stdout).waitFor(/^\d+$/)).toBe('0077')
    expect(getPriority(child.pid)).toBe(3)
    expect(statusField(child.pid, 'Cpus_allowed_list')).toBe('0')
  })

  it.runIf(isRoot)('switches uid and gid when the daemon is root', async () => {
    const child = await spawn(sh('echo go; exec sleep 60', { uid: 65534, gid: 65534 }))
    await collect(child.stdout).waitFor(/go/)
    expect(statusField(child.pid, 'Uid').split(/\s+/)[0]).toBe('65534')
    expect(statusField(child.pid, 'Gid').split(/\s+/)[0]).toBe('65534')
  })

  it('refuses another uid when the daemon is not root, before spawning', async () => {
    const spawner = createNodeSpawner({ ids: () => ({ uid: 1000, gid: 1000 }) })
    await expect(spawn(sh('exit 0', { uid: 0 }), spawner)).rejects.toMatchObject({
      code: 'OD_APP_OPTION_INVALID',
    })
  })

  it('reports a missing wrapper tool', async () => {
    await expect(
      spawn(sh('exit 0', { env: { PATH: '/nonexistent' }, cpuAffinity: [0] })),
    ).rejects.toMatchObject({
      code: 'OD_TOOL_NOT_FOUND',
    })
  })

  it('falls back to /usr/bin:/bin for tools when the env has no PATH', async () => {
    const child = await spawn(sh('echo $$; exec /bin/sleep 60', { env: {}, nice: 2 }))
    await collect(child.stdout).waitFor(/^\d+$/)
    expect(getPriority(child.pid)).toBe(2)
  })

  it('reports a missing working directory as a spawn failure', async () => {
    await expect(spawn(sh('exit 0', { cwd: '/nonexistent-od-dir' }))).rejects.toMatchObject({
      code: 'OD_SPAWN_FAILED',
    })
  })

  it('rethrows kill errors other than ESRCH', async () => {
    const eperm = Object.assign(new Error('kill EPERM'), { code: 'EPERM' })
    const spawner = createNodeSpawner({
      kill: () => {
        throw eperm
      },
    })
    const child = await spawn(sh('exec sleep 60'), spawner)
    expect(() => child.kill('SIGTERM')).toThrow(eperm)
  })

  it('reports a null start time when /proc cannot be read', async () => {
    const fail = async (): Promise<never> => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' })
    }
    const spawner = createNodeSpawner({ procFs: { readFile: fail, readdir: fail } })
    const child = await spawn(sh('exec sleep 60'), spawner)
    expect(child.startTime).toBeNull()
  })
})
