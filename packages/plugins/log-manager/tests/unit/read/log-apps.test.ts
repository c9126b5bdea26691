import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { discoverLogApps, selectLogApps, type LogApp } from '../../../src/read/log-apps.js'

describe('discoverLogApps', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('finds apps from their current files, once each, sorted', async () => {
    for (const f of [
      'web-out.log',
      'api-err.log',
      'api-out.log',
      'api-out__2026-11-22_03-04-05.log',
      'notes.txt',
    ]) {
      writeFileSync(join(dir, f), '')
    }
    expect(await discoverLogApps(dir)).toEqual([
      {
        id: -1,
        name: 'api',
        instance: 0,
        currentFiles: { out: join(dir, 'api-out.log'), err: join(dir, 'api-err.log') },
      },
      {
        id: -1,
        name: 'web',
        instance: 0,
        currentFiles: { out: join(dir, 'web-out.log'), err: join(dir, 'web-err.log') },
      },
    ])
    expect(await discoverLogApps(join(dir, 'missing'))).toEqual([])
  })
})

describe('selectLogApps', () => {
  const apps: LogApp[] = [
    { id: 0, name: 'api', instance: 0, namespace: 'prod', tags: ['web'] },
    { id: 1, name: 'api', instance: 1, namespace: 'prod', tags: ['web'] },
    { id: 2, name: 'worker', instance: 0, namespace: 'dev', tags: ['jobs', 'eu'] },
    { id: -1, name: 'old', instance: 0 },
  ]
  const ids = (selector?: Parameters<typeof selectLogApps>[1]): number[] =>
    selectLogApps(apps, selector).map((a) => a.id)

  it('selects by id, name, namespace and tags; empty or "all" selects everything', () => {
    expect(ids()).toEqual([0, 1, 2, -1])
    expect(ids({ target: 'all' })).toEqual([0, 1, 2, -1])
    expect(ids({ target: 'api' })).toEqual([0, 1])
    expect(ids({ target: 2 })).toEqual([2])
    expect(ids({ target: '1' })).toEqual([1])
    expect(ids({ namespace: 'dev' })).toEqual([2])
    expect(ids({ tags: ['jobs', 'web'] })).toEqual([0, 1, 2])
    expect(ids({ tagsAll: ['jobs', 'eu'] })).toEqual([2])
    expect(ids({ tags: [] })).toEqual([0, 1, 2, -1])
  })

  it('fails with OD_PROCESS_NOT_FOUND naming the selector when nothing matches', () => {
    expect(() => ids({ target: 'nope', namespace: 'x', tags: ['a'], tagsAll: ['b'] })).toThrowError(
      expect.objectContaining({
        code: 'OD_PROCESS_NOT_FOUND',
        message: expect.stringContaining('"nope" and namespace "x" and tag a and tag b') as unknown,
      }),
    )
    expect(selectLogApps([], { target: 'all' })).toEqual([])
  })
})
