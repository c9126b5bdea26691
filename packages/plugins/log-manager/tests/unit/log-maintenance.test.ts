import { describe, expect, it } from 'vitest'
import { flushLogs, reloadLogs, selectInstances } from '../../src/log-maintenance.js'
import type { KnownInstance } from '../../src/log-manager.js'
import { managerHarness } from '../helpers/manager-harness.js'

const inst = (id: number, name: string, extra: Partial<KnownInstance> = {}): KnownInstance => ({
  id,
  name,
  namespace: 'default',
  instance: 0,
  tags: [],
  files: { out: `/l/${name}-out.log`, err: `/l/${name}-err.log`, combined: null },
  ...extra,
})

describe('selectInstances', () => {
  const all = [inst(0, 'api', { tags: ['web', 'a'] }), inst(1, 'worker', { namespace: 'jobs' })]

  it('matches every instance with no selector or "all"', () => {
    expect(selectInstances(all)).toHaveLength(2)
    expect(selectInstances(all, { target: 'all' })).toHaveLength(2)
    expect(selectInstances([], {})).toEqual([])
  })

  it('matches by name, id, namespace and tags', () => {
    expect(selectInstances(all, { target: 'api' }).map((i) => i.id)).toEqual([0])
    expect(selectInstances(all, { target: 1 }).map((i) => i.id)).toEqual([1])
    expect(selectInstances(all, { target: '1' }).map((i) => i.id)).toEqual([1])
    expect(selectInstances(all, { namespace: 'jobs' }).map((i) => i.id)).toEqual([1])
    expect(selectInstances(all, { tags: ['web'] }).map((i) => i.id)).toEqual([0])
    expect(selectInstances(all, { tagsAll: ['web', 'a'] }).map((i) => i.id)).toEqual([0])
  })

  it('fails with OD_PROCESS_NOT_FOUND when a selector matches nothing', () => {
    for (const sel of [{ target: 'nope' }, { namespace: 'x' }, { tags: ['x'] }, { tagsAll: ['x'] }]) {
      expect(() => selectInstances(all, sel)).toThrow(
        expect.objectContaining({ code: 'OD_PROCESS_NOT_FOUND' }),
      )
    }
  })
})

async function attached(h: ReturnType<typeof managerHarness>, name: string, text: string, keepOpen = false) {
  const { stdout, stderr } = h.pipes()
  const a = h.logs.attach({ id: 0, name, instance: 0 }, stdout, stderr)
  stdout.write(text)
  await new Promise((r) => setImmediate(r))
  await h.logs.pool.get(`/l/${name}-out.log`)?.flush()
  if (!keepOpen) {
    stdout.end()
    stderr.end()
    await a.close()
  }
  return { stdout, stderr, a }
}

describe('flushLogs', () => {
  it('truncates open and closed files, then deletes rotated files and crash records on request', async () => {
    const h = managerHarness()
    const live = await attached(h, 'api', 'abc\n', true)
    await attached(h, 'old', 'xy\n')
    await h.fs.writeFileAtomic('/l/old-out__2026-01-01_00-00-00.log.gz', 'zz', 0o600)
    await h.fs.mkdir('/l/crash', 0o700)
    await h.fs.writeFileAtomic('/l/crash/old-0.json', '[]', 0o600)
    const result = await flushLogs(h.logs, h.fs, '/l', { rotated: true, crash: true })
    expect(result).toEqual([
      { name: 'api', files: ['/l/api-out.log', '/l/api-err.log'], bytes: 4 },
      {
        name: 'old',
        files: [
          '/l/old-out.log',
          '/l/old-out__2026-01-01_00-00-00.log.gz',
          '/l/old-err.log',
          '/l/crash/old-0.json',
        ],
        bytes: 5,
      },
    ])
    expect(h.fs.text('/l/api-out.log')).toBe('')
    expect(h.fs.files.has('/l/crash/old-0.json')).toBe(false)
    live.stdout.end('more\n')
    live.stderr.end()
    await live.a.close()
    expect(h.fs.text('/l/api-out.log')).toBe('more\n')
  })

  it('flushes a shared file once and skips files that do not exist', async () => {
    const h = managerHarness()
    const { stdout, stderr } = h.pipes()
    const a = h.logs.attach(
      { id: 0, name: 'm', logs: { outFile: '/l/same.log', errFile: '/l/same.log' } },
      stdout,
      stderr,
    )
    stdout.end()
    stderr.end()
    await a.close()
    const result = await flushLogs(h.logs, h.fs, '/l', { selector: { target: 'm' }, crash: true })
    expect(result).toEqual([{ name: 'm', files: ['/l/same.log'], bytes: 0 }])
  })
})

describe('reloadLogs', () => {
  it('reopens every open file', async () => {
    const h = managerHarness()
    const live = await attached(h, 'api', 'a\n', true)
    await h.fs.rename('/l/api-out.log', '/l/api-out.log.1')
    expect(await reloadLogs(h.logs)).toBe(2)
    live.stdout.end('b\n')
    live.stderr.end()
    await live.a.close()
    expect(h.fs.text('/l/api-out.log')).toBe('b\n')
  })
})
