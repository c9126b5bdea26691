import { systemClock } from '@opendaemon/core'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { nodeSpawner, type ChildHandle } from '../../src/spawner.js'
import { stopGroup } from '../../src/stop-group.js'
import { isGone, killGroups } from '../helpers/cleanup.js'
import { collect } from '../helpers/streams.js'

const TESTAPP = fileURLToPath(new URL('../fixtures/testapp.js', import.meta.url))

describe('stopGroup with real processes', () => {
  const started: ChildHandle[] = []
  const testapp = async (...flags: string[]): Promise<ChildHandle> => {
    const child = await nodeSpawner.spawn({
      command: process.execPath,
      args: [TESTAPP, ...flags],
      cwd: tmpdir(),
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
    })
    started.push(child)
    return child
  }
  afterEach(async () => {
    expect(await killGroups(started.splice(0).map((c) => c.pgid))).toEqual([])
  })

  it('a SIGTERM-trapping app and its SIGTERM-trapping grandchild are both gone from /proc after escalation', async () => {
    const child = await testapp('--trap-sigterm', '--spawn-grandchild')
    const out = collect(child.stdout)
    const grandchild = Number((await out.waitFor(/^GRANDCHILD/)).split(' ')[1])
    const before = Date.now()
    const result = await stopGroup(child, 'SIGTERM', 500, systemClock)
    expect(Date.now() - before).toBeGreaterThanOrEqual(500)
    expect(out.text()).toContain('SIGTERM ignored')
    expect(result).toMatchObject({ how: 'sigkill', leftovers: [child.pid, grandchild].sort((a, b) => a - b) })
    expect(await isGone(child.pid)).toBe(true)
    expect(await isGone(grandchild)).toBe(true)
  })

  it('a grandchild that obeys SIGTERM goes with its parent, without escalation', async () => {
    const child = await testapp('--spawn-grandchild')
    const grandchild = Number((await collect(child.stdout).waitFor(/^GRANDCHILD/)).split(' ')[1])
    const result = await stopGroup(child, 'SIGTERM', 5000, systemClock)
    expect(result.how).toBe('signal')
    expect(await isGone(grandchild)).toBe(true)
  })

  it('a custom stop signal reaches the app (SIGINT for a slow shutdown)', async () => {
    const child = await testapp('--slow-shutdown', '50')
    const out = collect(child.stdout)
    await out.waitFor(/^STARTED/)
    const result = await stopGroup(child, 'SIGINT', 5000, systemClock)
    expect(result).toMatchObject({ how: 'signal', exit: { code: 0, signal: null } })
    expect(out.text()).toContain('SHUTTING DOWN')
  })
})
