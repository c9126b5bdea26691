/**
 * Dependencies end to end (§11): `od start <config>` against a real in-process daemon with real
 * apps starts them in dependency order, refuses a cycle before starting anything (exit 2), and
 * `od deps` / `od restart --cascade` work on the result.
 */
import type { DepsGraph, ProcessDetail, ProcessInfo } from '@opendaemon/core'
import { startDaemon, type Daemon } from '@opendaemon/daemon'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../src/main.js'
import { tempHome, type TempHome } from '../support/temp-home.js'

const TESTAPP = join(
  __dirname,
  '..',
  '..',
  '..',
  'plugins',
  'process-manager',
  'tests',
  'fixtures',
  'testapp.js',
)

const config = (apps: Record<string, unknown>[]) =>
  JSON.stringify({ apps: apps.map((app) => ({ script: TESTAPP, args: ['--run-forever'], ...app })) })

describe('dependencies with a real daemon', () => {
  let t: TempHome
  let daemon: Daemon | undefined
  beforeEach(async () => {
    t = tempHome()
    daemon = await startDaemon({ home: t.home })
  })
  afterEach(async () => {
    await daemon?.stop()
    t.cleanup()
  })

  async function od<T>(...argv: string[]): Promise<{ code: number; json: T; err: string }> {
    const io = t.io({ cwd: t.dir })
    const code = await main([...argv, '--json'], io)
    return {
      code,
      json: (io.stdout.text === '' ? null : JSON.parse(io.stdout.text)) as T,
      err: io.stderr.text,
    }
  }

  it('od start <config> starts api only after db is online; od deps draws the order', async () => {
    writeFileSync(
      join(t.dir, 'opendaemon.config.json'),
      config([
        { name: 'api', dependencies: ['db'] },
        { name: 'db', args: ['--run-forever', '--ready-after', '300'], waitReady: true },
      ]),
    )
    const started = await od<ProcessInfo[]>('start', 'opendaemon.config.json')
    expect(started.code, started.err).toBe(0)
    expect(started.json.map((p) => [p.name, p.status])).toEqual([
      ['api', 'online'],
      ['db', 'online'],
    ])
    const { json: details } = await od<ProcessDetail[]>('info', 'db')
    const db = details[0] as ProcessDetail
    const api = started.json.find((p) => p.name === 'api') as ProcessInfo
    expect(api.startedAt as number).toBeGreaterThanOrEqual(db.onlineAt as number)
    expect(db.dependents).toEqual(['api'])

    const { json: graph } = await od<DepsGraph>('deps')
    expect(graph.order).toEqual([['db'], ['api']])

    const restarted = await od<ProcessInfo[]>('restart', 'db', '--cascade')
    expect(restarted.json.map((p) => p.name)).toEqual(['api', 'db'])
    expect(restarted.json.find((p) => p.name === 'api')?.pid).not.toBe(api.pid)
  })

  it('a cycle in the config is a clear error, exit 2, and nothing starts', async () => {
    writeFileSync(
      join(t.dir, 'opendaemon.config.json'),
      config([
        { name: 'api', dependencies: ['worker'] },
        { name: 'worker', dependencies: ['api'] },
        { name: 'free' },
      ]),
    )
    const io = t.io({ cwd: t.dir })
    expect(await main(['start'], io)).toBe(2)
    expect(io.stderr.text).toContain(
      'Dependency cycle: api → worker → api. Remove one of these dependencies.',
    )
    const { json: list } = await od<ProcessInfo[]>('list')
    expect(list).toEqual([])
  })
})
